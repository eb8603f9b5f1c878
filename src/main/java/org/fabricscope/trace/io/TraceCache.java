package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;

/**
 * The binary cache as a {@link TraceSource}: the trace from a usable binary cache ({@link
 * TraceCacheFormat}) of the file, else from its origin source (the fast path and general reader),
 * after which a cache is written for next time. The JSON Lines file is the truth; a cache is a
 * private copy of its columns that this machine may throw away at any time, and whatever it holds
 * the result is the origin's trace or the origin's error.
 *
 * <p>Caches live in one per-user directory ({@link TraceCacheSettings}), by default the
 * platform's cache directory ({@link TraceCacheSettings#defaultDirectory}: {@code
 * $XDG_CACHE_HOME/fabricscope}, else {@code ~/.cache/fabricscope}), each under a name made from a
 * hash of its source's real path, so two {@code run.jsonl} in two directories never share one;
 * never beside the user's files unless the user names that directory. Only the {@value
 * #MAX_USER_CACHES} most recently written are kept; only sources of at least {@link
 * TraceCacheSettings#minSourceBytes} get one.
 *
 * <p>The directory is private: created owner-only ({@code rwx------}), and used only while it is
 * a real directory (not a symbolic link) owned by the current user with no permission for group
 * or others; a cache file is used only if it is a regular file owned by the user. So another user
 * cannot plant a cache that changes what FabricScope shows, and caches never land in a directory
 * others can write. Caches are written owner-only ({@code rw-------}).
 *
 * <p>Nothing here ever reports a problem: a cache that is missing, stale, of another version,
 * truncated, damaged or not private reads as none ({@code null}), and a cache that cannot be
 * written is not written. Writes are atomic ({@link AtomicFile}) and only ever create or replace
 * the cache file, never the source. A source that is not a regular file (a pipe, a device) gets
 * no cache.
 */
public final class TraceCache implements TraceSource {
    /** Appended to the hashed name of a cache file. */
    public static final String SUFFIX = ".fscache";
    /**
     * The directory keeps the most recently written caches only: each is about a fifth of its
     * source's size (300 MB for 10 million events), and nobody else cleans that directory.
     */
    public static final int MAX_USER_CACHES = 8;

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final long minSourceBytes;
    private final TraceSource origin;
    private final Executor cacheWriter;

    /** A loaded trace and whether it came from the cache. */
    public record Loaded(Trace trace, boolean fromCache) {}

    /**
     * @param settings where caches go (created owner-only when first needed, and never used
     *     unless private to the current user) and which sources get one
     * @param origin reads the JSON Lines file when there is no usable cache
     * @param cacheWriter runs the cache write after a read from {@code origin} ({@code
     *     Runnable::run} to write before {@link #load} returns; a background thread to return the
     *     trace at once)
     */
    public TraceCache(TraceCacheSettings settings, TraceSource origin, Executor cacheWriter) {
        this.dir = settings.enabled() ? settings.directory() : null;
        this.minSourceBytes = settings.minSourceBytes();
        this.origin = origin;
        this.cacheWriter = cacheWriter;
    }

    /** Caches of every source in {@code dir}, read through {@link TraceReader#direct()}, written at once. */
    public TraceCache(Path dir) {
        this(
                dir == null ? TraceCacheSettings.off() : TraceCacheSettings.in(dir, 0),
                TraceReader.direct(),
                Runnable::run);
    }

    @Override
    public Trace load(Path source, Progress progress) throws IOException, TraceFormatException {
        return open(source, progress).trace();
    }

    /** {@link #load}, saying whether the trace came from the cache. */
    public Loaded open(Path source, Progress progress) throws IOException, TraceFormatException {
        // A pipe or device is read once, by the origin: no fingerprint, no cache.
        SourceFingerprint before = dir == null || !Files.isRegularFile(source) || sizeOf(source) < minSourceBytes
                ? null
                : fingerprint(source);
        if (before == null) {
            return new Loaded(origin.load(source, progress), false);
        }
        Trace cached = read(source, before, progress);
        if (cached != null) {
            return new Loaded(cached, true);
        }
        Trace trace = origin.load(source, progress);
        try {
            // The write checks the source's fingerprint again: a file changed during the read gets no cache.
            cacheWriter.execute(() -> write(source, trace, before));
        } catch (RejectedExecutionException e) {
            // Shutting down: the next open makes the cache.
        }
        return new Loaded(trace, false);
    }

    /** The file's size, or -1 if it cannot be had (the origin then reports why). */
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
            // The origin meets the same problem and reports it properly.
            return null;
        }
    }

    /** The cache directory, or {@code null} if caching is off. */
    public Path directory() {
        return dir;
    }

    /** The cache file for {@code source}, or {@code null} if there is no cache directory. */
    public Path fileFor(Path source) {
        if (dir == null) {
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
        return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + SUFFIX);
    }

    /**
     * Whether the cache directory exists and is private to this user (a directory, not a link,
     * owned by the user, no access for group or others), creating it owner-only first if {@code
     * create}. A directory of the user's with looser permissions is tightened; one that is not
     * the user's is never used.
     */
    boolean privateDirectory(boolean create) {
        if (dir == null) {
            return false;
        }
        try {
            if (create && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Path parent = dir.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // Made meanwhile (by another run, or someone else): checked below.
                }
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (!Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return true; // no POSIX owner and mode to check (Windows: the user's profile is private)
            }
            if (!isCurrentUser(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY_DIR.containsAll(perms)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A cache file that may be read: a regular file (not a link) owned by the current user. */
    private static boolean isOwnFile(Path cache) {
        try {
            if (!Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (!Files.getFileStore(cache).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return true;
            }
            return isCurrentUser(Files.getOwner(cache, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static volatile UserPrincipal currentUser;

    /** Whether {@code owner} is the user this process runs as (found as the owner of a file it creates). */
    private static boolean isCurrentUser(UserPrincipal owner) throws IOException {
        UserPrincipal me = currentUser;
        if (me == null) {
            Path probe = Files.createTempFile("fabricscope-owner", ".tmp");
            try {
                me = Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
            currentUser = me;
        }
        return me.equals(owner);
    }

    /**
     * The trace from a usable cache of {@code source}, or {@code null} if it has none (missing,
     * stale, damaged or unreadable). Reports bytes of the cache file read.
     *
     * @throws org.fabricscope.trace.CancelledException if {@code progress} is cancelled
     */
    public Trace read(Path source, Progress progress) {
        if (!Files.isRegularFile(source)) {
            return null; // a pipe read for a fingerprint would lose what it holds
        }
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
        if (!Files.isRegularFile(source) || !privateDirectory(false)) {
            return null;
        }
        Path cache = fileFor(source);
        if (!isOwnFile(cache)) {
            return null;
        }
        try {
            return TraceCacheFormat.read(cache, now, progress);
        } catch (TraceCacheFormat.Unusable | IOException | RuntimeException e) {
            if (e instanceof org.fabricscope.trace.CancelledException c) {
                throw c;
            }
            // Unusable: the JSON Lines file is read instead, and a fresh cache written over this one.
            return null;
        }
    }

    /**
     * Writes a cache of {@code trace}, read from {@code source}, if {@code source} is still as it
     * is now. Returns where it went, or empty if it could not be written anywhere.
     */
    public Optional<Path> write(Path source, Trace trace) {
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
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
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            if (!SourceFingerprint.of(source).equals(readFrom)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!privateDirectory(true)) {
            return Optional.empty();
        }
        Path cache = fileFor(source);
        if (tryWrite(cache, trace, readFrom)) {
            prune(dir, cache);
            return Optional.of(cache);
        }
        return Optional.empty();
    }

    private static boolean tryWrite(Path cache, Trace trace, SourceFingerprint source) {
        try {
            AtomicFile.write(cache, true, true, out -> TraceCacheFormat.write(trace, source, out, Progress.NONE));
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
                    .sorted(Comparator.comparing(TraceCache::modifiedOrEpoch)
                            .reversed()
                            .thenComparing(Path::toString))
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
