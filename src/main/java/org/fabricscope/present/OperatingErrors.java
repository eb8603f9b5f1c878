package org.fabricscope.present;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.fabricscope.diff.IncomparableTracesException;
import org.fabricscope.session.SessionFormatException;
import org.fabricscope.sim.core.SimulationLimitException;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.TraceFormatException;

/**
 * The one mapping from an error to what the user reads, for the command line and the GUI alike.
 *
 * <p>Two kinds of error, as TigerBeetle separates them. An <em>operating error</em> is expected:
 * bad input (a malformed trace, scenario or session file, a bad option), a limit the user set or
 * can set (maxEventsPerRun), the machine's limits (out of memory), I/O, a cancel. It reaches the
 * user as one clear line, never a stack trace. Anything else is a <em>bug</em>: an assertion of
 * the model failing, a {@code NullPointerException}. A bug is not dressed up as a message; the
 * front end crashes the action with a report ({@link #bugLine} heads it) so it gets fixed.
 */
public final class OperatingErrors {
    private static final String HEAP = "out of memory; run with a larger heap, e.g. java -Xmx8g -jar fabricscope.jar …";

    private OperatingErrors() {}

    /** The one line for an operating error, or empty if {@code error} is a bug. */
    public static Optional<String> message(Throwable error) {
        Throwable e = unwrap(error);
        if (isOutOfMemory(e)) {
            return Optional.of(HEAP);
        }
        if (e instanceof StackOverflowError) {
            return Optional.of("input nested too deeply (stack overflow); run with a larger stack,"
                    + " e.g. java -Xss8m -jar fabricscope.jar …");
        }
        if (e instanceof SimulationLimitException) {
            // A documented limit the user set or can set, not a bug.
            return Optional.of("the run hit a limit: " + e.getMessage()
                    + "; raise that limit or shorten the run (durationMicros)");
        }
        if (e instanceof OperatingError
                || e instanceof TraceFormatException
                || e instanceof ScenarioException
                || e instanceof SessionFormatException
                || e instanceof IncomparableTracesException
                || e instanceof IllegalArgumentException) {
            // Their messages are written for the user (FILE:LINE: reason); IllegalArgumentException is
            // how parsers of user text (breakpoints, durations, links) refuse it.
            return Optional.of(String.valueOf(e.getMessage()));
        }
        if (e instanceof CancelledException) {
            return Optional.of("cancelled");
        }
        if (e instanceof NoSuchFileException f) {
            return Optional.of(f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "no such file"));
        }
        if (e instanceof AccessDeniedException f) {
            return Optional.of(f.getFile() + ": permission denied");
        }
        if (e instanceof FileAlreadyExistsException f) {
            return Optional.of(f.getFile() + ": file exists; use --force to overwrite it");
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return Optional.of(f.getFile() + ": "
                    + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName()));
        }
        if (e instanceof IOException) {
            return Optional.of("I/O error: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** True for an expected error that {@link #message} turns into one line. */
    public static boolean isOperating(Throwable error) {
        return message(error).isPresent();
    }

    /** The first line of a bug's report, e.g. {@code internal error (NullPointerException): … please report it}. */
    public static String bugLine(Throwable error) {
        Throwable e = unwrap(error);
        return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                + " — please report it with what you did and the report below";
    }

    /** The line for any error: {@link #message} for an operating error, else {@link #bugLine}. */
    public static String line(Throwable error) {
        return message(error).orElseGet(() -> bugLine(error));
    }

    /** The error a worker threw, out of the wrappers of executors and futures. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        for (int hops = 0; hops < 16; hops++) {
            boolean wrapper = e instanceof ExecutionException
                    || e instanceof CompletionException
                    || e.getClass() == RuntimeException.class;
            if (!wrapper || e.getCause() == null || e.getCause() == e) {
                break;
            }
            e = e.getCause();
        }
        return e;
    }

    private static boolean isOutOfMemory(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
