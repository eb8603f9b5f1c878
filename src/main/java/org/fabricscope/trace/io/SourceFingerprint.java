package org.fabricscope.trace.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What a trace cache remembers of the JSON Lines file it was made from, to tell whether that file
 * has changed since: its size, its last-modified time and a SHA-256 of its first and last {@value
 * #EDGE_BYTES} bytes together with its identity and change time (device and inode, and the
 * status-change time {@code ctime}, where the file system has them). Hashing the edges rather
 * than the whole file keeps the check cheap (two small reads) whatever the file's size; it
 * catches a file replaced by another trace (a new header, a new end line) even when size and time
 * happen to agree. An edit in the middle that keeps the size and restores the modification time
 * ({@code touch -r}) is caught by the change time, which the kernel sets on every write and which
 * no user can set back; a file replaced by another (a rename over it) is caught by the inode.
 */
final class SourceFingerprint {
    static final int EDGE_BYTES = 64 * 1024;
    static final int HASH_BYTES = 32;

    final long sizeBytes;
    final long modifiedMicros;
    private final byte[] edgeHash;

    SourceFingerprint(long sizeBytes, long modifiedMicros, byte[] edgeHash) {
        if (edgeHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("edge hash of " + edgeHash.length + " bytes");
        }
        this.sizeBytes = sizeBytes;
        this.modifiedMicros = modifiedMicros;
        this.edgeHash = edgeHash.clone();
    }

    /** The fingerprint of {@code file} as it is now. */
    static SourceFingerprint of(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        MessageDigest sha = sha256();
        sha.update(identity(file, attrs).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size != attrs.size()) {
                throw new IOException("the file changed while its fingerprint was taken");
            }
            digest(ch, 0, Math.min(size, EDGE_BYTES), sha);
            long tail = Math.max(EDGE_BYTES, size - EDGE_BYTES);
            digest(ch, tail, size - tail, sha);
        }
        return new SourceFingerprint(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS), sha.digest());
    }

    /**
     * The file's identity and change time as text: {@code unix:dev}, {@code unix:ino} and {@code
     * unix:ctime} where the platform has them, else its file key.
     */
    private static String identity(Path file, BasicFileAttributes attrs) {
        try {
            java.util.Map<String, Object> unix = Files.readAttributes(file, "unix:dev,ino,ctime");
            Object ctime = unix.get("ctime");
            long ctimeNanos = ctime instanceof java.nio.file.attribute.FileTime t ? t.to(TimeUnit.NANOSECONDS) : 0;
            return "dev=" + unix.get("dev") + ",ino=" + unix.get("ino") + ",ctime=" + ctimeNanos;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "key=" + attrs.fileKey();
        }
    }

    private static void digest(FileChannel ch, long from, long length, MessageDigest sha) throws IOException {
        if (length <= 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                throw new IOException("the file shrank while its fingerprint was taken");
            }
        }
        buf.flip();
        sha.update(buf);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    byte[] edgeHash() {
        return edgeHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFingerprint f
                && f.sizeBytes == sizeBytes
                && f.modifiedMicros == modifiedMicros
                && Arrays.equals(f.edgeHash, edgeHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sizeBytes) * 31 + Arrays.hashCode(edgeHash);
    }

    @Override
    public String toString() {
        return "SourceFingerprint[" + sizeBytes + " bytes, modified " + modifiedMicros + " µs]";
    }
}
