package org.fabricscope.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fabricscope.trace.Progress;

/** The SHA-256 of a file's bytes, which says whether a session's trace is still the one it was saved on. */
public final class ContentHash {
    private static final int BUFFER = 1 << 16;

    private ContentHash() {}

    /**
     * The SHA-256 of {@code file}, lower-case hex, reading it once with progress (bytes) and
     * cancellation ({@link org.fabricscope.trace.CancelledException}).
     */
    public static String sha256(Path file, Progress progress) throws IOException {
        MessageDigest digest = newDigest();
        long total = Files.size(file);
        long done = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                done += n;
                if ((done & ((1 << 22) - 1)) < n) {
                    progress.checkCancelled();
                    progress.update(done, total);
                }
            }
        }
        progress.update(total, total);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("this Java runtime lacks SHA-256", e);
        }
    }
}
