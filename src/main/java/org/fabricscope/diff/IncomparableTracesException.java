package org.fabricscope.diff;

/** Two traces that cannot be compared event by event; the message is one line saying why. */
public final class IncomparableTracesException extends Exception {
    private static final long serialVersionUID = 1L;

    public IncomparableTracesException(String reason) {
        super(reason);
    }
}
