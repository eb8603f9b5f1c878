package org.fabricscope.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.fabricscope.trace.io.FileKind;

/**
 * The files of the long commands ({@code sweep}, {@code shrink}, {@code explore}) must be regular files. Opening a
 * FIFO blocks until the other end opens it, so a FIFO with no writer given as an input (or no
 * reader as an output) would hang the command before it said anything, and a device such as
 * {@code /dev/zero} never ends. Unlike {@code simulate}, which streams into and out of pipes
 * ({@link OutputFile}), these commands refuse them up front in one line naming the file (exit 2).
 * A character device stays allowed as an output: writing to {@code /dev/null} never blocks.
 */
final class RegularFiles {
    private RegularFiles() {}

    /**
     * Refuses {@code file}, given with {@code option}, if it exists and is not a regular file
     * (following links); a missing file is left to the reader, whose message says so.
     */
    static void requireInput(Path file, String option) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserException(OutputFile.show(file) + ": is a " + FileKind.of(file) + ", not a regular file; "
                    + option + " reads a regular file only");
        }
    }

    /** {@link #requireInput} for an option that names a built-in scenario or a file. */
    static void requireScenarioInput(String nameOrFile, java.util.Collection<String> builtIns, String option) {
        if (nameOrFile == null || builtIns.contains(nameOrFile)) {
            return;
        }
        Path p;
        try {
            p = Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            return; // not a path at all: the scenario lookup says "unknown scenario"
        }
        requireInput(p, option);
    }

    /**
     * Refuses an output that exists and is neither a regular file nor a character device (such as
     * {@code /dev/null}); {@code -} (standard output) and a directory are left to {@link
     * OutputFile#check}.
     */
    static void requireOutput(Path file, String option) {
        if (file == null || OutputFile.isStdout(file) || !Files.exists(file) || Files.isRegularFile(file)) {
            return;
        }
        String kind = FileKind.of(file);
        if (kind.equals("character device") || kind.equals("directory")) {
            return;
        }
        throw new UserException(OutputFile.show(file) + ": is a " + kind + ", not a regular file; " + option
                + " writes a regular file only");
    }
}
