package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that nobody ever sees half of it: into a temporary file in the target's
 * directory (same file system, so the move is a rename), then moved into place. On any failure,
 * cancellation included, the temporary file is deleted and the target is untouched.
 *
 * <p>Only a regular file (or a name not yet taken) is replaced that way. Renaming over a device or
 * a FIFO would turn {@code /dev/null} into an ordinary file, so a character device or a FIFO is
 * written straight into, as {@code cat > /dev/null} would; a directory, a block device or a socket
 * is refused ({@link NotARegularFileException}).
 *
 * <p>Temporary files are named {@code .<target name>.fabricscope-<pid>-<random>.tmp}: recognisable,
 * so a later write to the same target deletes those a killed process left behind (its pid no
 * longer runs), and registered for deletion when the JVM shuts down, so an interrupt (SIGINT,
 * SIGTERM) does not leave them either. Every error names the target, never the temporary file.
 */
public final class AtomicFile {
    /** Writes the content to a stream. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The target exists and is neither a regular file nor something written straight into. */
    static final class NotARegularFileException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        NotARegularFileException(Path file, String reason) {
            super(file.toString(), null, reason);
        }
    }

    /** What a new file gets: read/write for its owner, readable by others, like most tools make. */
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    /** Marks a temporary file as this class's, between the target's name and the pid. */
    static final String TEMP_MARK = ".fabricscope-";

    static final String TEMP_SUFFIX = ".tmp";

    private static final Set<Path> LIVE_TEMPS = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // On SIGINT or SIGTERM the JVM runs shutdown hooks: the temporary files being written
        // then are removed (on Linux, deleting a file still open for writing is fine).
        Thread hook = new Thread(AtomicFile::deleteLiveTemps, "fabricscope-temp-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Nothing to protect then.
        }
    }

    private AtomicFile() {}

    /**
     * A temporary file is created private (rw-------); the file the user asked for gets the
     * permissions of the file it replaces, or ordinary ones when new.
     */
    private static void givePermissions(Path tmp, Path target, boolean privateFile) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = privateFile
                ? PosixFilePermissions.fromString("rw-------")
                : Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Writes {@code content} to {@code path} atomically; an existing file is replaced only when
     * {@code overwrite} (else {@link FileAlreadyExistsException}). Public for other file formats
     * of the application (session files), which must be written the same way.
     */
    public static void write(Path path, boolean overwrite, Content content) throws IOException {
        write(path, overwrite, false, content);
    }

    /**
     * @param privateFile the new file is readable by its owner only (caches), whatever it replaces
     */
    static void write(Path path, boolean overwrite, boolean privateFile, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || Files.isDirectory(target)) {
            throw new NotARegularFileException(path, "is a directory; give the name of a file to write");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            writeStraight(path, target, content);
            return;
        }
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(path.toString(), null, "a file is already there; not overwriting it");
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new NotARegularFileException(
                    path, "is a symbolic link to a missing file; remove it or give another name");
        }
        deleteStaleTemps(dir, target.getFileName().toString());
        Path tmp;
        try {
            tmp = Files.createFile(
                    dir.resolve(tempName(
                            target.getFileName().toString(),
                            ProcessHandle.current().pid())),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createFile(dir.resolve(tempName(
                    target.getFileName().toString(), ProcessHandle.current().pid())));
        } catch (IOException e) {
            throw aboutTarget(e, path);
        }
        LIVE_TEMPS.add(tmp);
        boolean done = false;
        try {
            givePermissions(tmp, target, privateFile);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                // On disk before the rename, so a crash never leaves a renamed but empty file.
                channel.force(true);
            }
            if (overwrite) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                // Without REPLACE_EXISTING the move refuses a file that appeared meanwhile.
                Files.move(tmp, target);
            }
            done = true;
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(
                    path.toString(), null, "a file appeared there meanwhile; not overwriting it");
        } catch (IOException e) {
            throw aboutTarget(e, path);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
            LIVE_TEMPS.remove(tmp);
        }
    }

    /** Writes into a FIFO or character device as it is; refuses anything else that is not a regular file. */
    private static void writeStraight(Path path, Path target, Content content) throws IOException {
        String kind = kindOf(target);
        if (!kind.equals("fifo") && !kind.equals("character device")) {
            throw new NotARegularFileException(
                    path, "is a " + kind + ", not a regular file; give the name of a file to write");
        }
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw aboutTarget(e, path);
        }
    }

    /** What kind of file system object {@code p} is, from its mode bits; "special file" if unknown. */
    static String kindOf(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(p)) {
                mode = (Integer) Files.getAttribute(p, "unix:mode");
            }
            switch (mode & 0170000) {
                case 0010000:
                    return "fifo";
                case 0020000:
                    return "character device";
                case 0060000:
                    return "block device";
                case 0140000:
                    return "socket";
                case 0040000:
                    return "directory";
                case 0100000:
                    return "regular file";
                default:
                    return "special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "special file";
        }
    }

    /** The temporary file name for {@code targetName} written by process {@code pid}. */
    static String tempName(String targetName, long pid) {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return "." + targetName + TEMP_MARK + pid + "-" + HexFormat.of().formatHex(r) + TEMP_SUFFIX;
    }

    /**
     * Deletes temporary files for {@code targetName} in {@code dir} whose writing process no longer
     * runs (it was killed before it could clean up). Best effort: a file that cannot be deleted is
     * left.
     */
    static void deleteStaleTemps(Path dir, String targetName) {
        String prefix = "." + targetName + TEMP_MARK;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(
                dir,
                p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(TEMP_SUFFIX))) {
            for (Path p : files) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid).isPresent()) {
                    continue; // another run writing the same target right now
                }
                if (pid == ProcessHandle.current().pid() && LIVE_TEMPS.contains(p)) {
                    continue;
                }
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Someone else's file, or gone already.
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable directory: the write itself reports it.
        }
    }

    private static void deleteLiveTemps() {
        for (Path p : LIVE_TEMPS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Exiting anyway.
            }
        }
    }

    /** {@code e} reworded to name the user's {@code target}, never the temporary file. */
    private static IOException aboutTarget(IOException e, Path target) {
        String t = target.toString();
        if (e instanceof AccessDeniedException) {
            return withCause(new AccessDeniedException(t, null, "permission denied"), e);
        }
        if (e instanceof NoSuchFileException) {
            return withCause(new NoSuchFileException(t, null, "its directory does not exist"), e);
        }
        if (e instanceof FileSystemException fse) {
            if (t.equals(fse.getFile())) {
                return e;
            }
            return withCause(
                    new FileSystemException(
                            t,
                            null,
                            fse.getReason() != null
                                    ? fse.getReason()
                                    : e.getClass().getSimpleName()),
                    e);
        }
        return withCause(
                new FileSystemException(
                        t,
                        null,
                        e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()),
                e);
    }

    private static IOException withCause(IOException mine, IOException cause) {
        mine.initCause(cause);
        return mine;
    }

    /** For tests: whether a temporary file is registered for deletion at shutdown. */
    static boolean isLiveTemp(Path p) {
        return LIVE_TEMPS.contains(p);
    }
}
