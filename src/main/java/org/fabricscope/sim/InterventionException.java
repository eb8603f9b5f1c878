package org.fabricscope.sim;

import org.fabricscope.sim.scenario.ScenarioException;

/** An intervention that names no event of the run, or cannot be applied; the message says why. */
public final class InterventionException extends ScenarioException {
    private static final long serialVersionUID = 1L;

    public InterventionException(String message) {
        super(message);
    }
}
