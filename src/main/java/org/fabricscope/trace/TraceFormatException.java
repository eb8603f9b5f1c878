package org.fabricscope.trace;

/**
 * A trace file that cannot be read, with where and what. {@link #getMessage()} is the user-facing
 * form {@code FILE:LINE[:COLUMN]: message}. Not final: {@link TruncatedTraceException} is the one
 * subclass, for a file that is only cut short.
 */
public class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final String problem;

    /**
     * @param file the file's name as the user gave it
     * @param line 1-based line number, or 0 when the problem is not on one line
     * @param column 1-based column, or 0 when unknown
     * @param problem what was wrong and what was expected
     */
    public TraceFormatException(String file, long line, long column, String problem) {
        // The problem often quotes the file; it is kept printable so the message stays one line.
        super(message(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = PrintableText.of(problem);
    }

    public TraceFormatException(String file, long line, long column, String problem, Throwable cause) {
        this(file, line, column, problem);
        initCause(cause);
    }

    /**
     * The one-line form {@code FILE:LINE[:COLUMN]: problem} (line and column left out when 0), with
     * control characters escaped; shared by every file format of the application.
     */
    public static String message(String file, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder(PrintableText.of(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(PrintableText.of(problem)).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** The problem alone, without the file and position; control characters escaped. */
    public String problem() {
        return problem;
    }
}
