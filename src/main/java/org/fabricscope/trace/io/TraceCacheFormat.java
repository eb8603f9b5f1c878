package org.fabricscope.trace.io;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;

/**
 * The binary trace cache file, version {@value #VERSION}: a trace's columns as they lie in memory,
 * so that reading one is a few bulk copies instead of parsing JSON. Private to one machine's
 * FabricScope; never an exchange format (see {@code TRACE_FORMAT.md}).
 *
 * <p>Layout, little-endian throughout:
 *
 * <pre>
 * offset  bytes  what
 *  0      8      magic 0x89 'F' 'S' 'C' '\r' '\n' 0x1A '\n'
 *  8      4      cache format version ({@value #VERSION})
 * 12      4      schema: CRC32C of the event kinds, fields and enum names in ordinal order
 * 16      8      source file size in bytes
 * 24      8      source file last-modified time, µs since the epoch
 * 32      32     SHA-256 of the source's first and last 64 KiB ({@link SourceFingerprint})
 * 64      4+H    H, then the trace header as the JSON object of the source's line 1 (UTF-8)
 *         4+...  A, then A actor names, each a 4-byte length and UTF-8 bytes, in id order
 *         4      n, the number of events
 *         1      time form: 0 chunked (long[(n >>> 12) + 1] chunk bases, int[n] unsigned
 *                offsets), 1 wide (long[n] times)
 *         ...    int[n] block, short[n] node, short[n] actor, byte[n] kind, byte[n] field,
 *                int[n] old, int[n] new, int[n] cause, int[n] arg
 *         4      CRC32C of every byte before it
 *         4      end magic 'F' 'S' 'C' 'E'
 * </pre>
 *
 * <p>Reading checks, before it allocates any column, the magic, version, schema and source
 * fingerprint and that the file is exactly as long as the counts say; after it, the checksum,
 * and then {@link Trace#adopt} checks every event's ids and order. Any failure is a {@link
 * Unusable}: the caller reads the JSON Lines file instead.
 */
final class TraceCacheFormat {
    static final int VERSION = 1;
    static final byte[] MAGIC = {(byte) 0x89, 'F', 'S', 'C', '\r', '\n', 0x1A, '\n'};
    static final byte[] END_MAGIC = {'F', 'S', 'C', 'E'};
    /** Bytes before the header's length: magic, version, schema, source size, time and hash. */
    static final int PRELUDE_BYTES = 64;

    private static final int TRAILER_BYTES = 8;
    private static final byte TIME_CHUNKED = 0;
    private static final byte TIME_WIDE = 1;
    /** Per-event bytes of every column but the times. */
    private static final int COLUMN_BYTES_PER_EVENT = 4 + 2 + 2 + 1 + 1 + 4 * 4;
    /** Large reads: one system call and one bulk copy per few megabytes, not per event. */
    private static final int READ_BUFFER_BYTES = 4 << 20;

    private static final int WRITE_BUFFER_BYTES = 1 << 20;
    private static final int MAX_HEADER_BYTES = 256 << 20;
    private static final int MAX_ACTORS = Short.MAX_VALUE + 1;

    /** The names whose ordinals the columns hold; any change to them makes old caches unusable. */
    static final int SCHEMA = schema();

    private TraceCacheFormat() {}

    /** Why a cache file cannot be used; never shown to the user, who gets the JSON read instead. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static int schema() {
        StringBuilder sb = new StringBuilder("chunk=").append(Trace.TIME_CHUNK_SHIFT);
        for (EventKind k : EventKind.values()) {
            sb.append('\n').append(k.name());
        }
        for (Field f : Field.values()) {
            sb.append('\n').append(f.jsonName()).append(':').append(f.type()).append(f.enumNames());
        }
        CRC32C crc = new CRC32C();
        crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code trace}, made from a source with fingerprint {@code source}, to {@code out}. */
    static void write(Trace trace, SourceFingerprint source, OutputStream out, Progress progress) throws IOException {
        Out o = new Out(out);
        o.bytes(MAGIC);
        o.putInt(VERSION);
        o.putInt(SCHEMA);
        o.putLong(source.sizeBytes);
        o.putLong(source.modifiedMicros);
        o.bytes(source.edgeHash());
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        JsonOut json = new JsonOut(header);
        TraceWriter.writeHeader(trace.header(), json);
        json.flush();
        o.blob(header.toByteArray());
        o.putInt(trace.actorCount());
        for (int a = 0; a < trace.actorCount(); a++) {
            o.blob(trace.actorName(a).getBytes(StandardCharsets.UTF_8));
        }
        int n = trace.size();
        o.putInt(n);
        long[] bases = chunkBases(trace);
        if (bases != null) {
            o.put(TIME_CHUNKED);
            for (long b : bases) {
                o.putLong(b);
            }
            for (int i = 0; i < n; i++) {
                o.putInt((int) (trace.timeMicros(i) - bases[i >>> Trace.TIME_CHUNK_SHIFT]));
            }
        } else {
            o.put(TIME_WIDE);
            for (int i = 0; i < n; i++) {
                o.putLong(trace.timeMicros(i));
            }
        }
        progress.checkCancelled();
        for (int i = 0; i < n; i++) {
            o.putInt(trace.block(i));
        }
        for (int i = 0; i < n; i++) {
            o.putShort(trace.node(i));
        }
        for (int i = 0; i < n; i++) {
            o.putShort(trace.actorId(i));
        }
        for (int i = 0; i < n; i++) {
            o.put((byte) trace.kindOrdinal(i));
        }
        for (int i = 0; i < n; i++) {
            o.put((byte) trace.fieldOrdinal(i));
        }
        progress.checkCancelled();
        for (int i = 0; i < n; i++) {
            o.putInt(trace.oldValue(i));
        }
        for (int i = 0; i < n; i++) {
            o.putInt(trace.newValue(i));
        }
        for (int i = 0; i < n; i++) {
            o.putInt(trace.cause(i));
        }
        for (int i = 0; i < n; i++) {
            o.putInt(trace.arg(i));
        }
        progress.checkCancelled();
        o.finish();
    }

    /**
     * The chunk bases {@link Trace} itself would use, or null when a chunk spans more than an
     * unsigned int of µs (the trace then keeps wide times, and so does the cache).
     */
    private static long[] chunkBases(Trace trace) {
        int n = trace.size();
        long[] base = new long[(n >>> Trace.TIME_CHUNK_SHIFT) + 1];
        for (int c = 0; c < base.length; c++) {
            int first = c << Trace.TIME_CHUNK_SHIFT;
            if (first >= n) {
                break;
            }
            int last = Math.min(n, first + (1 << Trace.TIME_CHUNK_SHIFT)) - 1;
            base[c] = trace.timeMicros(first);
            long span = trace.timeMicros(last) - base[c];
            if (span < 0 || span > 0xFFFF_FFFFL) {
                return null;
            }
        }
        return base;
    }

    /** A buffered little-endian writer that checksums what it writes. */
    private static final class Out {
        private final OutputStream out;
        private final byte[] array = new byte[WRITE_BUFFER_BYTES];
        private final ByteBuffer buf = ByteBuffer.wrap(array).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Out(OutputStream out) {
            this.out = out;
        }

        private void room(int n) throws IOException {
            if (buf.remaining() < n) {
                flush();
            }
        }

        private void flush() throws IOException {
            crc.update(array, 0, buf.position());
            out.write(array, 0, buf.position());
            buf.clear();
        }

        void put(byte b) throws IOException {
            room(1);
            buf.put(b);
        }

        void putShort(int v) throws IOException {
            room(2);
            buf.putShort((short) v);
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putLong(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void bytes(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                room(1);
                int k = Math.min(buf.remaining(), b.length - off);
                buf.put(b, off, k);
                off += k;
            }
        }

        /** A 4-byte length, then the bytes. */
        void blob(byte[] b) throws IOException {
            putInt(b.length);
            bytes(b);
        }

        /** The checksum of everything before it, the end magic, and a flush. */
        void finish() throws IOException {
            flush();
            buf.putInt((int) crc.getValue());
            buf.put(END_MAGIC);
            out.write(array, 0, buf.position());
            buf.clear();
            out.flush();
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads the cache file at {@code file}, which must have been made from a source whose
     * fingerprint is now {@code source}; reports bytes read out of the cache file's size.
     *
     * @throws Unusable if the file is stale, of another version, truncated, damaged or not a
     *     cache at all
     * @throws IOException if it cannot be read
     * @throws org.fabricscope.trace.CancelledException if {@code progress} is cancelled
     */
    static Trace read(Path file, SourceFingerprint source, Progress progress) throws IOException, Unusable {
        progress.checkCancelled();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new In(ch, ch.size(), progress).read(file.toString(), source);
        }
    }

    /** One read of one cache file: a direct buffer refilled from the channel, checksummed as it fills. */
    private static final class In {
        private final FileChannel ch;
        private final long fileSize;
        private final long checkedBytes;
        private final Progress progress;
        private final ByteBuffer buf;
        private final CRC32C crc = new CRC32C();
        /** Bytes of the file read into the buffer so far. */
        private long filled;

        In(FileChannel ch, long fileSize, Progress progress) {
            this.ch = ch;
            this.fileSize = fileSize;
            this.checkedBytes = fileSize - TRAILER_BYTES;
            this.progress = progress;
            this.buf = ByteBuffer.allocateDirect((int) Math.max(PRELUDE_BYTES, Math.min(READ_BUFFER_BYTES, fileSize)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buf.limit(0);
        }

        Trace read(String name, SourceFingerprint source) throws IOException, Unusable {
            if (fileSize < PRELUDE_BYTES + TRAILER_BYTES) {
                throw new Unusable("too short to be a cache");
            }
            byte[] magic = bytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new Unusable("not a trace cache (bad magic)");
            }
            int version = getInt();
            if (version != VERSION) {
                throw new Unusable("cache format version " + version + ", expected " + VERSION);
            }
            if (getInt() != SCHEMA) {
                throw new Unusable("written for other event kinds or fields");
            }
            long size = getLong();
            long modified = getLong();
            byte[] hash = bytes(SourceFingerprint.HASH_BYTES);
            if (!new SourceFingerprint(size, modified, hash).equals(source)) {
                throw new Unusable("stale: the source file changed since the cache was written");
            }
            TraceHeader header = header(name, blob(MAX_HEADER_BYTES));
            int actors = getInt();
            if (actors < 0 || actors > MAX_ACTORS) {
                throw new Unusable("bad actor count " + actors);
            }
            String[] actorNames = new String[actors];
            for (int a = 0; a < actors; a++) {
                actorNames[a] = new String(blob(Integer.MAX_VALUE), StandardCharsets.UTF_8);
            }
            int n = getInt();
            byte form = get();
            if (n < 0 || (form != TIME_CHUNKED && form != TIME_WIDE)) {
                throw new Unusable("bad event count or time form");
            }
            int chunks = (n >>> Trace.TIME_CHUNK_SHIFT) + 1;
            long timeBytes = form == TIME_CHUNKED ? 8L * chunks + 4L * n : 8L * n;
            long expected = position() + timeBytes + (long) COLUMN_BYTES_PER_EVENT * n + TRAILER_BYTES;
            if (expected != fileSize) {
                throw new Unusable("the file is " + fileSize + " bytes, its counts say " + expected + " (truncated?)");
            }
            long[] timeBase = null;
            int[] timeOffset = null;
            long[] timeWide = null;
            if (form == TIME_CHUNKED) {
                timeBase = longs(new long[chunks]);
                timeOffset = ints(new int[n]);
            } else {
                timeWide = longs(new long[n]);
            }
            int[] block = ints(new int[n]);
            short[] node = shorts(new short[n]);
            short[] actor = shorts(new short[n]);
            byte[] kind = bytes(n);
            byte[] field = bytes(n);
            int[] oldValue = ints(new int[n]);
            int[] newValue = ints(new int[n]);
            int[] cause = ints(new int[n]);
            int[] arg = ints(new int[n]);
            int sum = (int) crc.getValue();
            if (getInt() != sum) {
                throw new Unusable("checksum mismatch: the cache is damaged");
            }
            if (!java.util.Arrays.equals(bytes(END_MAGIC.length), END_MAGIC)) {
                throw new Unusable("bad end magic");
            }
            progress.update(fileSize, fileSize);
            // A small cache is read in one buffer: a cancel asked for meanwhile still counts.
            progress.checkCancelled();
            try {
                return Trace.adopt(
                        header,
                        actorNames,
                        timeBase,
                        timeOffset,
                        timeWide,
                        block,
                        node,
                        actor,
                        kind,
                        field,
                        oldValue,
                        newValue,
                        cause,
                        arg);
            } catch (IllegalArgumentException e) {
                throw new Unusable("inconsistent events: " + e.getMessage());
            }
        }

        private static TraceHeader header(String name, byte[] json) throws Unusable {
            try (JsonParser p = TraceReader.FACTORY.createParser(json)) {
                TraceHeader h = HeaderReader.read(new JsonCursor(p, name));
                if (p.nextToken() != null) {
                    throw new Unusable("more than the header in the header's place");
                }
                return h;
            } catch (TraceFormatException | IOException e) {
                // Damaged header bytes: the checksum would say so too, but only at the end.
                throw new Unusable("bad header: " + e.getMessage());
            }
        }

        private long position() {
            return filled - buf.remaining();
        }

        /** Moves what is left to the front and reads as much as fits; checksums and reports the new bytes. */
        private void refill() throws IOException {
            progress.checkCancelled();
            buf.compact();
            int start = buf.position();
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            int end = buf.position();
            long checkedEnd = Math.min(filled + (end - start), checkedBytes);
            if (checkedEnd > filled) {
                ByteBuffer d = buf.duplicate();
                d.position(start).limit(start + (int) (checkedEnd - filled));
                crc.update(d);
            }
            filled += end - start;
            buf.flip();
            progress.update(filled, fileSize);
        }

        private void need(int n) throws IOException, Unusable {
            if (buf.remaining() < n) {
                refill();
                if (buf.remaining() < n) {
                    throw new Unusable("the file ends early (truncated)");
                }
            }
        }

        byte get() throws IOException, Unusable {
            need(1);
            return buf.get();
        }

        int getInt() throws IOException, Unusable {
            need(4);
            return buf.getInt();
        }

        long getLong() throws IOException, Unusable {
            need(8);
            return buf.getLong();
        }

        /** A 4-byte length of at most {@code max} that fits in the file, then that many bytes. */
        byte[] blob(int max) throws IOException, Unusable {
            int length = getInt();
            if (length < 0 || length > max || length > fileSize - position()) {
                throw new Unusable("bad length " + length);
            }
            return bytes(length);
        }

        byte[] bytes(int n) throws IOException, Unusable {
            byte[] dst = new byte[n];
            int off = 0;
            while (off < n) {
                need(1);
                int k = Math.min(buf.remaining(), n - off);
                buf.get(dst, off, k);
                off += k;
            }
            return dst;
        }

        // The bulk copies below are what makes the cache fast: one copy per buffer-full, through
        // a typed view that shares the buffer's little-endian order.

        short[] shorts(short[] dst) throws IOException, Unusable {
            int off = 0;
            while (off < dst.length) {
                need(2);
                int k = Math.min(buf.remaining() / 2, dst.length - off);
                buf.asShortBuffer().get(dst, off, k);
                buf.position(buf.position() + 2 * k);
                off += k;
            }
            return dst;
        }

        int[] ints(int[] dst) throws IOException, Unusable {
            int off = 0;
            while (off < dst.length) {
                need(4);
                int k = Math.min(buf.remaining() / 4, dst.length - off);
                buf.asIntBuffer().get(dst, off, k);
                buf.position(buf.position() + 4 * k);
                off += k;
            }
            return dst;
        }

        long[] longs(long[] dst) throws IOException, Unusable {
            int off = 0;
            while (off < dst.length) {
                need(8);
                int k = Math.min(buf.remaining() / 8, dst.length - off);
                buf.asLongBuffer().get(dst, off, k);
                buf.position(buf.position() + 8 * k);
                off += k;
            }
            return dst;
        }
    }
}
