package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * Where binary trace caches ({@link TraceCacheFormat}) live, and reading and writing them for a
 * JSON Lines source file. The JSON Lines file is the truth; a cache is a private copy of its
 * columns that this machine may throw away at any time.
 *
 * <p>A cache lives beside its source as {@code <source file name>.fscache} (so {@code
 * run.jsonl} gets {@code run.jsonl.fscache}) when the source's directory is writable, else in a
 * per-user directory ({@code ~/.fabricscope/cache/}) under a name made from a hash of the
 * source's real path, where only the {@value #MAX_USER_CACHES} most recently written are kept.
 * Reading looks beside the source first, then in the user directory.
 *
 * <p>Nothing here ever reports a problem: a cache that is missing, stale, of another version,
 * truncated or damaged reads as none ({@code null}), and a cache that cannot be written is not
 * written. Writes are atomic ({@link AtomicFile}) and only ever create or replace the cache file,
 * never the source.
 */
public final class TraceCache {
    /** Appended to the source file's name to name its cache. */
    public static final String SUFFIX = ".fscache";
    /**
     * The user directory keeps the most recently written caches only: each is about a fifth of
     * its source's size (300 MB for 10 million events), and nobody else cleans that directory.
     */
    public static final int MAX_USER_CACHES = 8;

    private final Path userDir;

    /**
     * @param userDir where caches go when the source's directory is not writable; {@code null}
     *     for nowhere (only beside the source)
     */
    public TraceCache(Path userDir) {
        this.userDir = userDir;
    }

    /** Caches beside the source, else in {@code ~/.fabricscope/cache/}. */
    public static TraceCache forCurrentUser() {
        String home = System.getProperty("user.home");
        return new TraceCache(home == null || home.isEmpty() ? null : Path.of(home, ".fabricscope", "cache"));
    }

    /** The cache file beside {@code source}. */
    public static Path besideSource(Path source) {
        Path abs = source.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + SUFFIX);
    }

    /** The cache file for {@code source} in the user directory, or {@code null} if there is none. */
    public Path inUserDir(Path source) {
        if (userDir == null) {
            return null;
        }
        Path key;
        try {
            key = source.toRealPath();
        } catch (IOException e) {
            key = source.toAbsolutePath().normalize();
        }
        // The real path's hash: one name per source file however it was reached, nothing of the
        // path readable in the cache directory's listing.
        byte[] hash = sha256(key.toString().getBytes(StandardCharsets.UTF_8));
        return userDir.resolve(HexFormat.of().formatHex(hash, 0, 16) + SUFFIX);
    }

    private List<Path> candidates(Path source) {
        List<Path> c = new ArrayList<>(2);
        c.add(besideSource(source));
        Path user = inUserDir(source);
        if (user != null) {
            c.add(user);
        }
        return c;
    }

    /**
     * The trace from a usable cache of {@code source}, or {@code null} if it has none (missing,
     * stale, damaged or unreadable). Reports bytes of the cache file read.
     *
     * @throws org.fabricscope.trace.CancelledException if {@code progress} is cancelled
     */
    public Trace read(Path source, Progress progress) {
        SourceFingerprint now;
        try {
            now = SourceFingerprint.of(source);
        } catch (IOException e) {
            return null;
        }
        return read(source, now, progress);
    }

    /** {@link #read(Path, Progress)} for a source whose fingerprint is {@code now}. */
    Trace read(Path source, SourceFingerprint now, Progress progress) {
        for (Path cache : candidates(source)) {
            if (!Files.isRegularFile(cache)) {
                continue;
            }
            try {
                return TraceCacheFormat.read(cache, now, progress);
            } catch (TraceCacheFormat.Unusable | IOException | RuntimeException e) {
                if (e instanceof org.fabricscope.trace.CancelledException c) {
                    throw c;
                }
                // Unusable: the JSON Lines file is read instead, and a fresh cache written over this one.
            }
        }
        return null;
    }

    /**
     * Writes a cache of {@code trace}, read from {@code source}, if {@code source} is still as it
     * is now. Returns where it went, or empty if it could not be written anywhere.
     */
    public Optional<Path> write(Path source, Trace trace) {
        try {
            return write(source, trace, SourceFingerprint.of(source));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes a cache of {@code trace}, which was read from {@code source} when its fingerprint was
     * {@code readFrom}; writes nothing if the source has changed since (the trace would not be
     * its content).
     */
    Optional<Path> write(Path source, Trace trace, SourceFingerprint readFrom) {
        try {
            if (!SourceFingerprint.of(source).equals(readFrom)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Path beside = besideSource(source);
        Path parent = beside.getParent();
        if (parent != null && Files.isWritable(parent) && tryWrite(beside, trace, readFrom)) {
            return Optional.of(beside);
        }
        Path user = inUserDir(source);
        if (user != null) {
            try {
                Files.createDirectories(user.getParent());
            } catch (IOException e) {
                return Optional.empty();
            }
            if (tryWrite(user, trace, readFrom)) {
                prune(user.getParent(), user);
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    private static boolean tryWrite(Path cache, Trace trace, SourceFingerprint source) {
        try {
            AtomicFile.write(cache, true, out -> TraceCacheFormat.write(trace, source, out, Progress.NONE));
            return true;
        } catch (IOException e) {
            // A read-only or full file system: the next place, or no cache.
            return false;
        }
    }

    /** Deletes all but the {@link #MAX_USER_CACHES} newest caches in {@code dir}; never {@code keep}. */
    private static void prune(Path dir, Path keep) {
        List<Path> caches;
        try (Stream<Path> files = Files.list(dir)) {
            caches = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && !p.equals(keep))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(TraceCache::modifiedOrEpoch).reversed().thenComparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        for (Path old : caches.subList(Math.min(caches.size(), MAX_USER_CACHES - 1), caches.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                // Another process's file, or gone already: pruning is best effort.
            }
        }
    }

    private static FileTime modifiedOrEpoch(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
