package org.fabricscope.trace.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;

/**
 * The one way the application and the command line open a trace file: from its binary cache
 * ({@link TraceCache}) when a usable one exists, else from the JSON Lines file with {@link
 * TraceReader}, after which a cache is written for next time.
 *
 * <p>Only files of at least {@link #DEFAULT_MIN_CACHED_BYTES} get a cache: smaller ones parse in
 * well under a second, and a cache of each of them would only fill the cache directory. The system property
 * {@value #PROPERTY} set to {@code off} (or {@code false}) turns caching off; {@value
 * #MIN_BYTES_PROPERTY} changes the size threshold.
 *
 * <p>Whatever the cache holds, the result is the trace the JSON Lines file holds, or that file's
 * own {@link TraceFormatException}: a bad cache is passed over silently.
 */
public final class TraceLoader {
    /** System property: {@code off} or {@code false} turns the cache off. */
    public static final String PROPERTY = "fabricscope.cache";
    /** System property: the cache directory, instead of the platform's per-user one. */
    public static final String DIR_PROPERTY = "fabricscope.cache.dir";
    /** System property: the smallest source file, in bytes, that gets a cache. */
    public static final String MIN_BYTES_PROPERTY = "fabricscope.cache.minBytes";
    /** Files below 50 MB (about 330k events) load in a fraction of a second without a cache. */
    public static final long DEFAULT_MIN_CACHED_BYTES = 50_000_000L;

    /** A loaded trace and whether it came from the cache. */
    public record Loaded(Trace trace, boolean fromCache) {}

    private final TraceCache cache;
    private final long minCachedBytes;
    private final Executor cacheWriter;

    /**
     * @param cache where caches are read and written, or {@code null} to always read JSON Lines
     * @param minCachedBytes the smallest source that is read from or written to the cache
     * @param cacheWriter runs the cache write after a JSON read ({@code Runnable::run} to write
     *     before {@link #load} returns; a background thread to return the trace at once)
     */
    public TraceLoader(TraceCache cache, long minCachedBytes, Executor cacheWriter) {
        this.cache = cache;
        this.minCachedBytes = minCachedBytes;
        this.cacheWriter = cacheWriter;
    }

    /** A loader that always reads the JSON Lines file. */
    public static TraceLoader withoutCache() {
        return new TraceLoader(null, Long.MAX_VALUE, Runnable::run);
    }

    /**
     * The loader as the system properties ask for: the per-user {@link TraceCache} unless
     * {@value #PROPERTY} is {@code off}, and the size threshold of {@value #MIN_BYTES_PROPERTY}
     * or {@link #DEFAULT_MIN_CACHED_BYTES}.
     */
    public static TraceLoader fromSystemProperties(Executor cacheWriter) {
        String mode = System.getProperty(PROPERTY, "on").trim();
        if (mode.equalsIgnoreCase("off") || mode.equalsIgnoreCase("false")) {
            return withoutCache();
        }
        long min = DEFAULT_MIN_CACHED_BYTES;
        try {
            min = Long.parseLong(
                    System.getProperty(MIN_BYTES_PROPERTY, Long.toString(min)).trim());
        } catch (NumberFormatException e) {
            // A mistyped threshold keeps the default rather than stopping the application.
        }
        String dir = System.getProperty(DIR_PROPERTY, "").trim();
        TraceCache cache = dir.isEmpty() ? TraceCache.forCurrentUser() : new TraceCache(Path.of(dir));
        return new TraceLoader(cache, min, cacheWriter);
    }

    /** Reads the trace in {@code source}; see {@link #read}. */
    public Trace load(Path source, Progress progress) throws TraceFormatException {
        return read(source, progress).trace();
    }

    /**
     * Reads the trace in {@code source}, from its cache if usable, reporting progress (bytes of
     * whichever file is being read) and honouring cancellation.
     *
     * @throws TraceFormatException as {@link TraceReader#read(Path, Progress)} does
     * @throws org.fabricscope.trace.CancelledException if cancelled
     */
    public Loaded read(Path source, Progress progress) throws TraceFormatException {
        // A pipe or device is read once, by the JSON reader: no fingerprint, no cache.
        SourceFingerprint before = cache == null || !Files.isRegularFile(source) || sizeOf(source) < minCachedBytes
                ? null
                : fingerprint(source);
        if (before == null) {
            return new Loaded(TraceReader.read(source, progress), false);
        }
        Trace cached = cache.read(source, before, progress);
        if (cached != null) {
            return new Loaded(cached, true);
        }
        Trace trace = TraceReader.read(source, progress);
        try {
            // The write checks the source's fingerprint again: a file changed during the read gets no cache.
            cacheWriter.execute(() -> cache.write(source, trace, before));
        } catch (RejectedExecutionException e) {
            // Shutting down: the next open makes the cache.
        }
        return new Loaded(trace, false);
    }

    /** The file's size, or -1 if it cannot be had (TraceReader then reports why). */
    private static long sizeOf(Path source) {
        try {
            return Files.size(source);
        } catch (IOException e) {
            return -1;
        }
    }

    private static SourceFingerprint fingerprint(Path source) {
        try {
            return SourceFingerprint.of(source);
        } catch (IOException e) {
            // TraceReader meets the same problem and reports it properly.
            return null;
        }
    }
}
