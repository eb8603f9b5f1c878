package org.fabricscope.trace;

/**
 * A trace file that is valid up to a point and then simply stops: no end line, and perhaps a last
 * line cut off in the middle (a recorder that crashed). Still a {@link TraceFormatException}, with
 * the same message, so everything that refuses malformed files (such as {@code validate}) refuses
 * it; a caller that wants the complete events can read them with {@code
 * TraceReader.readCompletePrefix} after asking the user.
 */
public final class TruncatedTraceException extends TraceFormatException {
    private static final long serialVersionUID = 1L;

    private final int completeEvents;
    private final long cutLine;

    /**
     * @param completeEvents how many events before the cut are complete and valid
     * @param cutLine the line that is cut off in the middle, or 0 when the file ends at a line end
     */
    public TruncatedTraceException(
            String file, long line, long column, String problem, int completeEvents, long cutLine, Throwable cause) {
        super(file, line, column, problem, cause);
        this.completeEvents = completeEvents;
        this.cutLine = cutLine;
    }

    /** The number of complete, valid events before the cut. */
    public int completeEvents() {
        return completeEvents;
    }

    /** The line that is cut off in the middle, or 0 when the file ends after a complete line. */
    public long cutLine() {
        return cutLine;
    }
}
