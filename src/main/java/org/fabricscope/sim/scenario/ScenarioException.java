package org.fabricscope.sim.scenario;

import org.fabricscope.trace.PrintableText;

/** A scenario that cannot be used; the message names the file/line or parameter and the allowed range. */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    // Messages quote what the user wrote (a scenario file is untrusted text): control characters
    // are escaped so that the message stays one printable line.
    public ScenarioException(String message) {
        super(PrintableText.of(message));
    }

    public ScenarioException(String message, Throwable cause) {
        super(PrintableText.of(message), cause);
    }
}
