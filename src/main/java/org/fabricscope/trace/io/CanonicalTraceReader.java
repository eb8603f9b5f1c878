package org.fabricscope.trace.io;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;

/**
 * The fast path of {@link TraceReader#direct()}: a byte-level reader for files in the exact form
 * {@link TraceWriter} writes (keys in the writer's order, defaults omitted, no spaces, {@code \n}
 * line ends, plain ASCII names). It checks everything the general reader checks, but it reports
 * nothing: at the first byte that is not canonical, or anything wrong, it gives up with {@link
 * NotCanonicalException} (and only with that) and the general reader reads the file from the start, accepting what the format
 * allows and naming the line of any error. So the set of files that load, what they load as, and
 * every error message are the general reader's; this class only makes the common case fast (a
 * Jackson token stream costs more per event than parsing these few known shapes directly).
 *
 * <p>The header line goes through the general {@link HeaderReader}.
 */
final class CanonicalTraceReader {
    private static final int PROGRESS_EVERY_EVENTS = 1 << 13;
    private static final int BUFFER = 1 << 18;
    /** Longer event lines exist only in hand-made files; they take the general path. */
    private static final int MAX_LINE = 4096;

    private static final int MAX_NAME = 512;
    /** The largest header the fast path buffers (the largest catalogue topology takes under 1 MB). */
    private static final int MAX_HEADER_BUFFER = 1 << 21;

    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] T = ascii(",\"t\":");
    private static final byte[] BLOCK = ascii(",\"block\":");
    private static final byte[] NODE = ascii(",\"node\":");
    private static final byte[] ACTOR = ascii(",\"actor\":\"");
    private static final byte[] KIND = ascii(",\"kind\":\"");
    private static final byte[] FIELD = ascii(",\"field\":\"");
    private static final byte[] OLD = ascii(",\"old\":");
    private static final byte[] NEW = ascii(",\"new\":");
    private static final byte[] CAUSE = ascii(",\"cause\":");
    private static final byte[] ARG = ascii(",\"arg\":");
    private static final byte[] END = ascii("{\"end\":true,\"events\":");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private static final NameTable KINDS = new NameTable();
    private static final NameTable FIELDS = new NameTable();
    private static final NameTable[] ENUMS = new NameTable[Field.count()];
    private static final Field.ValueType[] TYPES = new Field.ValueType[Field.count()];

    static {
        for (EventKind k : EventKind.values()) {
            KINDS.put(k.name(), k.ordinal());
        }
        for (Field f : Field.values()) {
            FIELDS.put(f.jsonName(), f.ordinal());
            TYPES[f.ordinal()] = f.type();
            ENUMS[f.ordinal()] = new NameTable();
            for (int v = 0; v < f.enumNames().size(); v++) {
                ENUMS[f.ordinal()].put(f.enumNames().get(v), v);
            }
        }
    }

    private final InputStream in;
    private final long totalBytes;
    private final Progress progress;
    private final NameTable actors = new NameTable();
    private final char[] chars = new char[MAX_NAME];
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private long consumedBefore;
    private boolean eof;
    private TraceBuilder builder;
    /** The event count the end line announces, or -1: sizes the columns exactly (no regrowth, no trim copy). */
    private long expectedEvents = -1;

    private CanonicalTraceReader(InputStream in, long totalBytes, Progress progress) {
        this.in = in;
        this.totalBytes = totalBytes;
        this.progress = progress;
    }

    /**
     * The fast path as a {@link TraceSource}: a regular file is read here, and handed to {@code
     * fallback} from its start only when {@link NotCanonicalException} says so. A pipe or device
     * goes straight to {@code fallback}: it can be read only once.
     */
    static TraceSource before(TraceSource fallback) {
        return (path, progress) -> {
            if (!Files.isRegularFile(path)) {
                return fallback.load(path, progress);
            }
            try {
                return read(path, progress);
            } catch (NotCanonicalException e) {
                return fallback.load(path, progress);
            }
        };
    }

    /**
     * Reads {@code path}, a regular file, if it is canonical and valid. Any other exception than
     * {@link NotCanonicalException} is not a reason to fall back: an I/O failure is the file's
     * (the general reader would meet it too), and a runtime exception is a bug of this class,
     * which must show rather than hide behind the slower reader.
     *
     * @throws NotCanonicalException where the file stops being canonical or valid
     * @throws IOException when the file cannot be read, naming it
     * @throws org.fabricscope.trace.CancelledException if {@code progress} is cancelled
     */
    static Trace read(Path path, Progress progress) throws IOException, NotCanonicalException {
        String name = path.toString();
        try (InputStream in = TraceReader.open(path)) {
            long totalBytes = Files.size(path);
            CanonicalTraceReader reader = new CanonicalTraceReader(in, totalBytes, progress);
            reader.expectedEvents = endLineCount(path, totalBytes);
            return reader.run(name);
        } catch (NotCanonicalException e) {
            throw e;
        } catch (java.nio.file.FileSystemException e) {
            throw e.getFile() != null && e.getFile().equals(name) ? e : IoFailures.of(name, e);
        } catch (IOException e) {
            throw IoFailures.of(name, e);
        }
    }

    private Trace run(String file) throws IOException, NotCanonicalException {
        fill();
        if (limit == 0 || buf[0] != '{') {
            throw NotCanonicalException.INSTANCE;
        }
        int nl = indexOf((byte) '\n', 0);
        while (nl < 0 && !eof) {
            growAndFill();
            nl = indexOf((byte) '\n', 0);
        }
        if (nl < 0) {
            throw NotCanonicalException.INSTANCE;
        }
        TraceHeader header;
        try (JsonParser p = TraceReader.FACTORY.createParser(buf, 0, nl)) {
            header = HeaderReader.read(new JsonCursor(p, file));
            if (p.nextToken() != null) {
                throw NotCanonicalException.INSTANCE;
            }
        } catch (TraceFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // The general reader reads the header as a stream and names the error's line and column.
            throw NotCanonicalException.INSTANCE;
        }
        pos = nl + 1;
        int blockCount = header.topology().blockCount();
        int nodeCount = header.topology().nodes();
        // The end line's count is checked against the events actually read; here it only sizes
        // the columns, and only as far as the events read justify: a sparse file's end line may
        // claim 50 million events over nothing. The builder starts small and grows to the claim
        // once the events read come within a factor of four of it.
        boolean plausible = expectedEvents >= 0 && expectedEvents <= totalBytes / 20;
        builder = new TraceBuilder(
                header,
                plausible
                        ? (int) Math.max(1, Math.min(expectedEvents, TraceReader.MAX_INITIAL_CAPACITY))
                        : TraceReader.initialCapacity(totalBytes));
        if (plausible) {
            builder.expectEvents((int) expectedEvents);
        }
        int seq = 0;
        long prevTime = 0;
        while (true) {
            if (limit - pos < MAX_LINE && !eof) {
                fill();
            }
            if ((seq & (PROGRESS_EVERY_EVENTS - 1)) == 0) {
                progress.checkCancelled();
                progress.update(consumedBefore + pos, totalBytes);
            }
            if (!lit(SEQ)) {
                if (lit(END)) {
                    long n = parseLong();
                    if (n != seq || !ch('}')) {
                        throw NotCanonicalException.INSTANCE;
                    }
                    if (pos < limit && buf[pos] == '\n') {
                        pos++;
                    }
                    if (pos != limit || !eof) {
                        throw NotCanonicalException.INSTANCE;
                    }
                    progress.update(totalBytes, totalBytes);
                    return builder.build();
                }
                throw NotCanonicalException.INSTANCE;
            }
            if (parseInt() != seq || !lit(T)) {
                throw NotCanonicalException.INSTANCE;
            }
            long time = parseLong();
            if (time < prevTime) {
                throw NotCanonicalException.INSTANCE;
            }
            int block = -1;
            if (lit(BLOCK)) {
                block = parseInt();
                if (block < -1 || block >= blockCount) {
                    throw NotCanonicalException.INSTANCE;
                }
            }
            int node = -1;
            if (lit(NODE)) {
                node = parseInt();
                if (node < -1 || node >= nodeCount) {
                    throw NotCanonicalException.INSTANCE;
                }
            }
            if (!lit(ACTOR)) {
                throw NotCanonicalException.INSTANCE;
            }
            int actor = actor();
            if (!lit(KIND)) {
                throw NotCanonicalException.INSTANCE;
            }
            int kind = name(KINDS);
            int field = -1;
            int oldValue = 0;
            int newValue = 0;
            if (lit(FIELD)) {
                field = name(FIELDS);
                if (!lit(OLD)) {
                    throw NotCanonicalException.INSTANCE;
                }
                oldValue = value(field);
                if (!lit(NEW)) {
                    throw NotCanonicalException.INSTANCE;
                }
                newValue = value(field);
            } else {
                if (lit(OLD)) {
                    oldValue = parseInt();
                }
                if (lit(NEW)) {
                    newValue = parseInt();
                }
            }
            int cause = -1;
            if (lit(CAUSE)) {
                cause = parseInt();
                if (cause < -1 || cause >= seq) {
                    throw NotCanonicalException.INSTANCE;
                }
            }
            int arg = 0;
            if (lit(ARG)) {
                arg = parseInt();
            }
            if (!ch('}') || !ch('\n')) {
                throw NotCanonicalException.INSTANCE;
            }
            builder.append(time, block, node, actor, kind, field, oldValue, newValue, cause, arg);
            prevTime = time;
            seq++;
        }
    }

    /** N from a final line {@code {"end":true,"events":N}} (with or without a newline), else -1. */
    private static long endLineCount(Path path, long size) {
        int n = (int) Math.min(size, 64);
        if (n < END.length + 2) {
            return -1;
        }
        byte[] tail = new byte[n];
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tail);
            long at = size - n;
            while (b.hasRemaining()) {
                int r = ch.read(b, at + b.position());
                if (r < 0) {
                    return -1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        int end = n;
        if (tail[end - 1] == '\n') {
            end--;
        }
        if (end < 1 || tail[end - 1] != '}') {
            return -1;
        }
        int digitsEnd = end - 1;
        int i = digitsEnd;
        while (i > 0 && tail[i - 1] >= '0' && tail[i - 1] <= '9' && digitsEnd - i < 12) {
            i--;
        }
        if (i == digitsEnd || i < END.length || !java.util.Arrays.equals(tail, i - END.length, i, END, 0, END.length)) {
            return -1;
        }
        long v = 0;
        for (int k = i; k < digitsEnd; k++) {
            v = v * 10 + (tail[k] - '0');
        }
        return v;
    }

    // ---------------------------------------------------------------- values

    private int value(int field) throws NotCanonicalException {
        switch (TYPES[field]) {
            case BOOL:
                if (lit(TRUE)) {
                    return 1;
                }
                if (lit(FALSE)) {
                    return 0;
                }
                throw NotCanonicalException.INSTANCE;
            case ENUM:
                if (!ch('"')) {
                    throw NotCanonicalException.INSTANCE;
                }
                return name(ENUMS[field]);
            default:
                return parseInt();
        }
    }

    /** A 32-bit integer as the format writes it: optional '-', no leading zeros, no "-0". */
    private int parseInt() throws NotCanonicalException {
        boolean negative = ch('-');
        int start = pos;
        long v = 0;
        while (pos < limit) {
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            pos++;
            if (pos - start > 10) {
                throw NotCanonicalException.INSTANCE;
            }
        }
        int digits = pos - start;
        if (digits == 0 || (buf[start] == '0' && (digits > 1 || negative))) {
            throw NotCanonicalException.INSTANCE;
        }
        v = negative ? -v : v;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw NotCanonicalException.INSTANCE;
        }
        return (int) v;
    }

    /** A non-negative 64-bit integer of at most 18 digits (times and counts). */
    private long parseLong() throws NotCanonicalException {
        int start = pos;
        long v = 0;
        while (pos < limit) {
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            pos++;
            if (pos - start > 18) {
                throw NotCanonicalException.INSTANCE;
            }
        }
        int digits = pos - start;
        if (digits == 0 || (buf[start] == '0' && digits > 1)) {
            throw NotCanonicalException.INSTANCE;
        }
        return v;
    }

    /** The chars of a plain ASCII string whose opening quote was just read, up to its closing quote. */
    private int string() throws NotCanonicalException {
        int n = 0;
        while (true) {
            if (pos >= limit) {
                throw NotCanonicalException.INSTANCE;
            }
            byte b = buf[pos++];
            if (b == '"') {
                return n;
            }
            if (b < 0x20 || b > 0x7e || b == '\\' || n == MAX_NAME) {
                throw NotCanonicalException.INSTANCE;
            }
            chars[n++] = (char) b;
        }
    }

    private int name(NameTable table) throws NotCanonicalException {
        int id = table.find(chars, 0, string());
        if (id < 0) {
            throw NotCanonicalException.INSTANCE;
        }
        return id;
    }

    private int actor() throws NotCanonicalException {
        int n = string();
        int id = actors.find(chars, 0, n);
        if (id < 0) {
            String name = new String(chars, 0, n);
            try {
                id = builder.internActor(name);
            } catch (IllegalStateException e) {
                // Past the format's actor limit: the general reader names the line that passes it.
                throw NotCanonicalException.INSTANCE;
            }
            actors.put(name, id);
        }
        return id;
    }

    // ---------------------------------------------------------------- bytes

    private boolean ch(char c) {
        if (pos < limit && buf[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean lit(byte[] literal) {
        int n = literal.length;
        if (limit - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != literal[i]) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    private int indexOf(byte b, int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front and reads until the buffer is full or the file ends. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < buf.length && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
    }

    /**
     * For a header longer than the buffer, up to {@link #MAX_HEADER_BUFFER}: a longer first line
     * is left to the general reader, which streams it and stops at the format's limits.
     */
    private void growAndFill() throws IOException, NotCanonicalException {
        if (buf.length >= MAX_HEADER_BUFFER) {
            throw NotCanonicalException.INSTANCE;
        }
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        fill();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
