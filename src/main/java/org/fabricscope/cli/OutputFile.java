package org.fabricscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.FileKind;
import org.fabricscope.trace.io.TraceWriter;

/**
 * Where a command writes its output file: atomically, never over an existing file unless forced,
 * and checked before any work is done, so a long run never ends in "cannot write there".
 *
 * <p>{@code -} is standard output. A FIFO or a character device ({@code /dev/null}) is written
 * straight into: there is nothing to replace. A directory, a dangling symbolic link, a missing or
 * read-only directory, a block device or a socket is refused up front with the reason.
 */
final class OutputFile {
    private OutputFile() {}

    /** True for {@code --out -}. */
    static boolean isStdout(Path out) {
        return out != null && out.toString().equals("-");
    }

    /** The path as it may be printed (control characters escaped). */
    static String show(Path out) {
        return PrintableText.of(out.toString());
    }

    /**
     * Refuses an output the command could not write, or would overwrite without {@code --force};
     * called before the work starts.
     */
    static void check(Path out, boolean force) {
        if (isStdout(out)) {
            return;
        }
        Path abs = out.toAbsolutePath();
        if (abs.getParent() == null || Files.isDirectory(out)) {
            throw new UserException(show(out) + ": is a directory; give the name of a file to write");
        }
        if (Files.isSymbolicLink(out) && !Files.exists(out)) {
            throw new UserException(
                    show(out) + ": is a symbolic link to a missing file; remove it or give another name");
        }
        if (Files.exists(out)) {
            if (!Files.isRegularFile(out)) {
                if (FileKind.isWrittenStraight(out)) {
                    return; // written into, not replaced: nothing to overwrite
                }
                throw new UserException(show(out) + ": is a " + FileKind.of(out)
                        + ", not a regular file; give the name of a file to write");
            }
            if (!force) {
                throw new UserException(show(out) + ": file exists; use --force to overwrite it");
            }
        }
        Path dir = abs.getParent();
        if (!Files.isDirectory(dir)) {
            throw new UserException(
                    show(out) + ": the directory " + PrintableText.of(dir.toString()) + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserException(show(out) + ": permission denied (cannot create files in "
                    + PrintableText.of(dir.toString()) + ")");
        }
    }

    /** Kept for callers that only need the existence check. */
    static void refuseExisting(Path out, boolean force) {
        check(out, force);
    }

    static void writeTrace(Trace trace, Path out, boolean force, OutputStream stdout) throws IOException {
        if (isStdout(out)) {
            TraceWriter.write(trace, stdout, Progress.NONE);
            stdout.flush();
            return;
        }
        check(out, force);
        TraceWriter.write(trace, out, force);
    }
}
