package org.fabricscope.trace.io;

/**
 * The one reason the canonical fast path ({@link CanonicalTraceReader}) gives a file up: at some
 * byte the file stops being exactly what {@link TraceWriter} writes, or stops being valid. The
 * general reader then reads the file from the start and names the line of any error. Any other
 * exception out of the fast path is a bug and is not caught.
 *
 * <p>Thrown without a stack trace: giving up is an expected outcome, not a failure, and costs
 * nothing.
 */
final class NotCanonicalException extends Exception {
    private static final long serialVersionUID = 1L;
    static final NotCanonicalException INSTANCE = new NotCanonicalException();

    private NotCanonicalException() {
        super("not in the canonical form TraceWriter writes", null, false, false);
    }
}
