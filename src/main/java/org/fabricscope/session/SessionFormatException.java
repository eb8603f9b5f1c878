package org.fabricscope.session;

import org.fabricscope.trace.PrintableText;

/**
 * A session file that cannot be read. {@link #getMessage()} is {@code FILE:LINE[:COLUMN]: problem},
 * one line, as for traces.
 */
public final class SessionFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String problem;

    public SessionFormatException(String file, long line, long column, String problem) {
        this(file, line, column, problem, null);
    }

    public SessionFormatException(String file, long line, long column, String problem, Throwable cause) {
        super(format(PrintableText.of(file), line, column, PrintableText.of(problem)), cause);
        this.file = file;
        this.line = line;
        this.problem = PrintableText.of(problem);
    }

    private static String format(String file, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
