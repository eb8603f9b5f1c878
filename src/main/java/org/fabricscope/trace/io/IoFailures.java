package org.fabricscope.trace.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * I/O failures while reading a trace, as the user should read them: a {@link
 * FileSystemException} whose message is one line, {@code FILE: what went wrong}. They are kept
 * apart from {@link org.fabricscope.trace.TraceFormatException}: a file that cannot be read says
 * nothing about its format, and has no line to name.
 */
final class IoFailures {
    private IoFailures() {}

    /** {@code e}, met while reading {@code file}, as a one-line failure naming the file. */
    static FileSystemException of(String file, IOException e) {
        FileSystemException f;
        if (e instanceof NoSuchFileException) {
            f = new NoSuchFileException(file, null, "no such file");
        } else if (e instanceof AccessDeniedException) {
            f = new AccessDeniedException(file, null, "permission denied");
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            f = new FileSystemException(file, null, "cannot read the file: " + fs.getReason());
        } else {
            f = new FileSystemException(file, null, "cannot read the file: " + reason(e));
        }
        f.initCause(e);
        return f;
    }

    /** A path that names a directory, which reads as no trace (and on Linux as a read error). */
    static FileSystemException isDirectory(String file) {
        return new FileSystemException(file, null, "is a directory, not a trace file");
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
