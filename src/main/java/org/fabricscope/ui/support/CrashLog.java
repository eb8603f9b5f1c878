package org.fabricscope.ui.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends problem reports to a log file, by default {@code ~/.fabricscope/fabricscope.log} (the
 * system property {@value #FILE_PROPERTY} redirects it, e.g. in tests). The directory is created
 * when first needed. Writing the log must never itself crash the application, so failures to write
 * go to standard error and are otherwise ignored.
 */
public final class CrashLog {
    /** System property naming the log file. */
    public static final String FILE_PROPERTY = "fabricscope.log";

    private final Path file;

    public CrashLog(Path file) {
        this.file = file;
    }

    /** The log at the file named by {@value #FILE_PROPERTY}, else in the user's home. */
    public static CrashLog defaultLog() {
        String override = System.getProperty(FILE_PROPERTY);
        Path file = override != null
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".fabricscope", "fabricscope.log");
        return new CrashLog(file);
    }

    public Path file() {
        return file;
    }

    /** The report a user can copy: what happened, on which thread, and the stack trace. */
    public static String report(String what, Throwable error) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println(what);
        pw.println("thread: " + Thread.currentThread().getName());
        pw.println("java: " + System.getProperty("java.version") + ", javafx: "
                + System.getProperty("javafx.runtime.version", "?") + ", os: " + System.getProperty("os.name"));
        if (error != null) {
            error.printStackTrace(pw);
        }
        pw.flush();
        return sw.toString();
    }

    /** Appends a time-stamped report; returns false if the log could not be written. */
    public boolean append(String what, Throwable error) {
        String entry = "=== " + Instant.now() + System.lineSeparator() + report(what, error) + System.lineSeparator();
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(
                    file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            System.err.println("FabricScope: could not write " + file + ": " + e.getMessage());
            System.err.print(entry);
            return false;
        }
    }
}
