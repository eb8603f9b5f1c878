package org.fabricscope.session;

import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.TraceFormatException;

/**
 * A session file that cannot be read. {@link #getMessage()} is {@code FILE:LINE[:COLUMN]: problem},
 * one line, as for traces ({@link TraceFormatException#message}).
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
        super(TraceFormatException.message(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.problem = PrintableText.of(problem);
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
