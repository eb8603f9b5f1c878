package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that nobody ever sees half of it: into a temporary file in the target's
 * directory (same file system, so the move is a rename), then moved into place. On any failure,
 * cancellation included, the temporary file is deleted and the target is untouched.
 */
public final class AtomicFile {
    /** Writes the content to a stream. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a new file gets: read/write for its owner, readable by others, like most tools make. */
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {}

    /**
     * A temporary file is created private (rw-------); the file the user asked for gets the
     * permissions of the file it replaces, or ordinary ones when new.
     */
    private static void givePermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms =
                Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS;
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Writes {@code content} to {@code path} atomically; an existing file is replaced only when
     * {@code overwrite} (else {@link FileAlreadyExistsException}). Public for other file formats
     * of the application (session files), which must be written the same way.
     */
    public static void write(Path path, boolean overwrite, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file is already there; not overwriting it");
        }
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            givePermissions(tmp, target);
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
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
