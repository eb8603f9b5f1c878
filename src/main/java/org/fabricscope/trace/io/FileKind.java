package org.fabricscope.trace.io;

import java.nio.file.Path;

/** What kind of file system object a path names, in words, for messages and for choosing how to write. */
public final class FileKind {
    private FileKind() {}

    /**
     * {@code "regular file"}, {@code "directory"}, {@code "fifo"}, {@code "character device"},
     * {@code "block device"}, {@code "socket"}, or {@code "special file"} when it cannot be told
     * (following symbolic links).
     */
    public static String of(Path p) {
        return AtomicFile.kindOf(p);
    }

    /** True for the kinds written straight into rather than replaced: a FIFO or a character device. */
    public static boolean isWrittenStraight(Path p) {
        String k = of(p);
        return k.equals("fifo") || k.equals("character device");
    }
}
