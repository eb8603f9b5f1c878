package org.fabricscope.sim.core;

/** A run hit one of its limits (events, queue size, simulated time); the message names which. */
public final class SimulationLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationLimitException(String message) {
        super(message);
    }
}
