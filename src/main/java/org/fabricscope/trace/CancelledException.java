package org.fabricscope.trace;

/** Thrown by long work when its {@link Progress} was cancelled; nothing partial is returned. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
