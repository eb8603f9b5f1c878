package org.fabricscope.sim;

/** A scenario that cannot be used; the message names the file/line or parameter and the allowed range. */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
