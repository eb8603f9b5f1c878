package org.fabricscope.trace.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.trace.TruncatedTraceException;

/**
 * Reads a JSON Lines trace file (see {@code TRACE_FORMAT.md}) straight into a {@link Trace}'s
 * columns with a streaming parser.
 *
 * <p>Every problem with the file is a {@link TraceFormatException} naming file, line and (where
 * known) column, what was wrong and what was expected; nothing partial is ever returned. Memory is
 * bounded by the data, never by a hostile line: strings, numbers, nesting, blocks and parameters
 * all have limits ({@link TraceFormat}), and an event object only accepts its known keys, once
 * each. Cancellation throws {@link org.fabricscope.trace.CancelledException}.
 *
 * <p>A file that is valid but stops early (no end line, perhaps a last line cut off) is refused
 * with a {@link TruncatedTraceException} that counts its complete events; {@link
 * #readCompletePrefix} reads just those, for a caller that asked the user first.
 */
public final class TraceReader {
    private static final int PROGRESS_EVERY_EVENTS = 1 << 13;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(TraceFormat.MAX_STRING_CHARS)
                    .maxNameLength(TraceFormat.MAX_KEY_CHARS)
                    .maxNumberLength(TraceFormat.MAX_NUMBER_CHARS)
                    .maxNestingDepth(TraceFormat.MAX_NESTING_DEPTH)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonFactory.Feature.USE_THREAD_LOCAL_FOR_BUFFER_RECYCLING)
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private TraceReader() {}

    /**
     * Reads the trace file at {@code path} without any cache: {@link #direct()}.
     *
     * @throws TraceFormatException when its content is not a valid trace
     * @throws IOException when it cannot be read (naming the file; see {@link TraceSource})
     */
    public static Trace read(Path path, Progress progress) throws IOException, TraceFormatException {
        return DIRECT.load(path, progress);
    }

    private static final TraceSource GENERAL = TraceReader::readGeneral;
    private static final TraceSource DIRECT = CanonicalTraceReader.before(GENERAL);

    /** The general reader: any valid file, and the error of any other, by the streaming parser. */
    public static TraceSource general() {
        return GENERAL;
    }

    /**
     * The canonical fast path ({@link CanonicalTraceReader}) for files as {@link TraceWriter}
     * writes them, and the general reader for every other file: no cache.
     */
    public static TraceSource direct() {
        return DIRECT;
    }

    private static Trace readGeneral(Path path, Progress progress) throws IOException, TraceFormatException {
        String name = path.toString();
        try (InputStream in = open(path)) {
            // A pipe (/dev/stdin, <(…)) has no size: progress then counts bytes of an unknown total.
            long size = Files.isRegularFile(path) ? Files.size(path) : -1;
            return new Parse(name, new CountingInputStream(in), size, progress).run();
        }
    }

    /** Opens {@code path} for reading; failures as {@link IoFailures} names them. */
    static InputStream open(Path path) throws IOException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw IoFailures.isDirectory(name);
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw IoFailures.of(name, e);
        }
    }

    /**
     * Reads the complete events of a trace file that may be cut off (see {@link
     * TruncatedTraceException}): a complete file reads as {@link #read(Path, Progress)} reads it;
     * a file that stops early reads as its events before the cut. Any other problem is reported
     * as by {@link #read(Path, Progress)}. Always the general reader: a cut file is not canonical.
     */
    public static Trace readCompletePrefix(Path path, Progress progress) throws IOException, TraceFormatException {
        String name = path.toString();
        try (InputStream in = open(path)) {
            long size = Files.isRegularFile(path) ? Files.size(path) : -1;
            Parse parse = new Parse(name, new CountingInputStream(in), size, progress);
            parse.allowTruncated = true;
            return parse.run();
        }
    }

    /**
     * Reads a trace from {@code in} (not closed).
     *
     * @param displayName the name used in error messages
     * @param totalBytes the stream's length for progress, or -1 if unknown
     * @throws IOException when {@code in} fails, naming {@code displayName}
     */
    public static Trace read(InputStream in, String displayName, long totalBytes, Progress progress)
            throws IOException, TraceFormatException {
        CountingInputStream counting = new CountingInputStream(in);
        return new Parse(displayName, counting, totalBytes, progress).run();
    }

    /**
     * The builder's starting capacity for a file of {@code totalBytes} (-1 if unknown). A file's
     * size is a claim too (a sparse file of 1 GB holds nothing), so the start is capped at
     * {@link #MAX_INITIAL_CAPACITY} events (about 9 MB of columns); beyond, the columns grow
     * with the events actually read.
     */
    static int initialCapacity(long totalBytes) {
        // Events are ~90 bytes on average; sizing up front avoids most of the builder's regrowth.
        if (totalBytes <= 0) {
            return 1 << 12;
        }
        return (int) Math.min(MAX_INITIAL_CAPACITY, Math.max(1 << 12, totalBytes / 80));
    }

    /** The most events memory is reserved for before any of them has been read. */
    static final int MAX_INITIAL_CAPACITY = 1 << 18;

    /** One read of one stream. */
    private static final class Parse {
        private static final int TAG_NONE = 0;
        private static final int TAG_NUMBER = 1;
        private static final int TAG_BOOL = 2;
        private static final int TAG_NAME = 3;

        /** Event keys in the order the writer emits them; key i has bit 1 << i. */
        private static final SerializedString[] PREDICTABLE_KEYS = {
            new SerializedString(TraceFormat.K_SEQ),
            new SerializedString(TraceFormat.K_T),
            new SerializedString(TraceFormat.K_BLOCK),
            new SerializedString(TraceFormat.K_NODE),
            new SerializedString(TraceFormat.K_ACTOR),
            new SerializedString(TraceFormat.K_KIND),
            new SerializedString(TraceFormat.K_FIELD),
            new SerializedString(TraceFormat.K_OLD),
            new SerializedString(TraceFormat.K_NEW),
            new SerializedString(TraceFormat.K_CAUSE),
            new SerializedString(TraceFormat.K_ARG)
        };

        private static final String EVENT_KEYS = "seq, t, block, node, actor, kind, field, old, new, cause, arg";

        private static final NameTable KINDS = new NameTable();
        private static final NameTable FIELDS = new NameTable();
        private static final NameTable ENUM_NAMES = new NameTable();
        private static final List<String> ENUM_NAME_LIST = new ArrayList<>();
        /** For each field, enum-name id to the field's ordinal value, or -1. */
        private static final int[][] ENUM_VALUE;

        static {
            for (EventKind k : EventKind.values()) {
                KINDS.put(k.name(), k.ordinal());
            }
            for (Field f : Field.values()) {
                FIELDS.put(f.jsonName(), f.ordinal());
                for (String n : f.enumNames()) {
                    if (ENUM_NAMES.find(n) < 0) {
                        ENUM_NAMES.put(n, ENUM_NAME_LIST.size());
                        ENUM_NAME_LIST.add(n);
                    }
                }
            }
            ENUM_VALUE = new int[Field.count()][ENUM_NAME_LIST.size()];
            for (Field f : Field.values()) {
                java.util.Arrays.fill(ENUM_VALUE[f.ordinal()], -1);
                for (int v = 0; v < f.enumNames().size(); v++) {
                    ENUM_VALUE[f.ordinal()][ENUM_NAMES.find(f.enumNames().get(v))] = v;
                }
            }
        }

        private final String file;
        private final CountingInputStream counting;
        private final long totalBytes;
        private final Progress progress;
        private final NameTable actors = new NameTable();
        /**
         * For each kind (index 0: kind not read yet) and each key position (0: object start, i+1:
         * after key i), the key that followed last time, or {@code PREDICTABLE_KEYS.length} for
         * the object's end. Starts as the writer's order.
         */
        private final int[][] successorByKind = initialSuccessors();

        private JsonParser p;
        private JsonCursor c;
        private TraceBuilder builder;
        private int blockCount;
        private int nodeCount;
        /** Line of the most recent complete value, so a second one on the same line is caught. */
        private int lastLine;
        /** Line on which the JSON object being read began (1 while reading the header). */
        private int objectStartLine = 1;
        /** Events read completely so far. */
        private int complete;
        /** Return the complete events of a file that stops early instead of refusing it. */
        private boolean allowTruncated;

        private static int[][] initialSuccessors() {
            int[][] table = new int[EventKind.count() + 1][PREDICTABLE_KEYS.length + 1];
            for (int[] row : table) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = i;
                }
            }
            return table;
        }

        Parse(String file, CountingInputStream counting, long totalBytes, Progress progress) {
            this.file = file;
            this.counting = counting;
            this.totalBytes = totalBytes;
            this.progress = progress;
        }

        Trace run() throws IOException, TraceFormatException {
            try {
                PushbackInputStream in = new PushbackInputStream(counting, 4);
                sniffEncoding(in);
                p = FACTORY.createParser(in);
                c = new JsonCursor(p, file);
                TraceHeader header = HeaderReader.read(c);
                lastLine = c.tokenLine();
                blockCount = header.topology().blockCount();
                nodeCount = header.topology().nodes();
                builder = new TraceBuilder(header, initialCapacity(totalBytes));
                readEvents();
                progress.update(counting.count(), totalBytes);
                return builder.build();
            } catch (JsonEOFException e) {
                // Name the line the unfinished object began on: that is the line the user must look at.
                String problem = "the file ends before the JSON object begun on this line is complete (truncated?); "
                        + "expected the rest of the object";
                if (builder == null) {
                    throw new TraceFormatException(file, objectStartLine, 0, problem, e);
                }
                if (allowTruncated) {
                    return builder.build();
                }
                throw new TruncatedTraceException(file, objectStartLine, 0, problem, complete, objectStartLine, e);
            } catch (StreamConstraintsException e) {
                throw fail(e, describeLimit(e.getOriginalMessage()));
            } catch (JsonParseException e) {
                throw fail(e, describeParseError(e.getOriginalMessage()));
            } catch (CharConversionException e) {
                throw new TraceFormatException(file, lineNow(), 0, "not UTF-8 text: " + e.getMessage(), e);
            } catch (IOException e) {
                // The file, not its content, failed (a read error, a vanished network file): no line to name.
                throw IoFailures.of(file, e);
            } finally {
                if (p != null) {
                    try {
                        p.close();
                    } catch (IOException ignored) {
                        // The stream belongs to the caller; a failure to release the parser changes nothing.
                    }
                }
            }
        }

        private void sniffEncoding(PushbackInputStream in) throws IOException, TraceFormatException {
            byte[] head = new byte[4];
            int n = 0;
            while (n < 4) {
                int r = in.read(head, n, 4 - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n == 0) {
                throw new TraceFormatException(
                        file,
                        0,
                        0,
                        "the file is empty; expected a header line " + org.fabricscope.trace.TraceHeader.HEADER_START);
            }
            if (n >= 2
                    && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
                throw new TraceFormatException(file, 1, 1, "the file is UTF-16 text; trace files are UTF-8");
            }
            for (int i = 0; i < n; i++) {
                if (head[i] == 0) {
                    throw new TraceFormatException(
                            file, 1, i + 1, "the file holds binary data (a zero byte), not UTF-8 JSON Lines text");
                }
            }
            in.unread(head, 0, n);
        }

        // ---------------------------------------------------------------- header

        // ---------------------------------------------------------------- events

        private void readEvents() throws IOException, TraceFormatException {
            int expectedSeq = 0;
            long prevTime = 0;
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                int line = c.tokenLine();
                objectStartLine = line;
                if (tok != JsonToken.START_OBJECT) {
                    throw c.failHere("expected an event object {\"seq\":n,...} on this line, found " + c.describe(tok));
                }
                if (line == lastLine) {
                    throw new TraceFormatException(
                            file,
                            line,
                            p.currentTokenLocation().getColumnNr(),
                            "a second JSON value on one line; each line holds exactly one event");
                }
                if ((expectedSeq & (PROGRESS_EVERY_EVENTS - 1)) == 0) {
                    progress.checkCancelled();
                    progress.update(counting.count(), totalBytes);
                }
                int seen = 0;
                int seq = 0;
                long time = 0;
                int block = -1;
                int node = -1;
                int actor = -1;
                int kind = -1;
                int field = -1;
                int oldValue = 0;
                int oldTag = TAG_NONE;
                int newValue = 0;
                int newTag = TAG_NONE;
                int cause = -1;
                int arg = 0;
                boolean end = false;
                long endEvents = -1;
                int previousKey = 0;
                int predicted = successorByKind[0][0];
                while (true) {
                    // The writer's key order predicts the next key; a right guess is a byte
                    // comparison inside the parser instead of a symbol-table lookup.
                    String key;
                    int bit;
                    if (predicted < PREDICTABLE_KEYS.length && p.nextFieldName(PREDICTABLE_KEYS[predicted])) {
                        key = PREDICTABLE_KEYS[predicted].getValue();
                        bit = 1 << predicted;
                    } else {
                        if ((predicted < PREDICTABLE_KEYS.length ? p.currentToken() : p.nextToken())
                                != JsonToken.FIELD_NAME) {
                            successorByKind[kind + 1][previousKey] = PREDICTABLE_KEYS.length;
                            break;
                        }
                        key = p.currentName();
                        bit = keyBit(key);
                    }
                    int keyIndex = bit == 0 ? PREDICTABLE_KEYS.length : Integer.numberOfTrailingZeros(bit);
                    if (keyIndex < PREDICTABLE_KEYS.length) {
                        // Learn which key follows this one (per kind once the kind is known).
                        successorByKind[kind + 1][previousKey] = keyIndex;
                        previousKey = keyIndex + 1;
                    }
                    switch (bit) {
                        case 1:
                            seq = c.readInt(key);
                            break;
                        case 2:
                            time = c.readLong(key);
                            break;
                        case 4:
                            block = c.readInt(key);
                            break;
                        case 8:
                            node = c.readInt(key);
                            break;
                        case 16:
                            actor = readActor();
                            break;
                        case 32:
                            kind = readName(key, KINDS, "an EventKind name such as PREFETCH_READY");
                            break;
                        case 64:
                            field = readName(key, FIELDS, "a field name such as cacheState");
                            break;
                        case 128:
                            oldTag = readValueTag(key);
                            oldValue = scratchValue;
                            break;
                        case 256:
                            newTag = readValueTag(key);
                            newValue = scratchValue;
                            break;
                        case 512:
                            cause = c.readInt(key);
                            break;
                        case 1024:
                            arg = c.readInt(key);
                            break;
                        case 2048:
                            JsonToken v = p.nextToken();
                            if (v != JsonToken.VALUE_TRUE) {
                                throw c.failHere("end must be true, found " + c.describe(v));
                            }
                            end = true;
                            break;
                        case 4096:
                            endEvents = c.readLong(key);
                            break;
                        default:
                            throw c.failHere("unknown event key '" + key + "'; an event has " + EVENT_KEYS);
                    }
                    if ((seen & bit) != 0) {
                        throw c.failHere("key '" + key + "' appears twice in this event");
                    }
                    seen |= bit;
                    predicted = successorByKind[kind + 1][previousKey];
                }
                c.requireSameLine(line, "an event");
                lastLine = line;
                if ((seen & (2048 | 4096)) != 0) {
                    finishAtEndLine(line, seen, end, endEvents, expectedSeq);
                    return;
                }
                if ((seen & 1) == 0) {
                    throw c.objectFail(line, "the event lacks 'seq'; expected seq " + expectedSeq);
                }
                if (seq != expectedSeq) {
                    throw c.objectFail(
                            line,
                            seq < expectedSeq
                                    ? "seq " + seq + " repeats or goes back; expected seq " + expectedSeq
                                    : "seq " + seq + " skips events " + expectedSeq + ".." + (seq - 1)
                                            + "; expected seq " + expectedSeq);
                }
                if ((seen & 2) == 0) {
                    throw c.objectFail(line, "event " + seq + " lacks 't' (time in microseconds)");
                }
                if ((seen & 16) == 0) {
                    throw c.objectFail(line, "event " + seq + " lacks 'actor'");
                }
                if ((seen & 32) == 0) {
                    throw c.objectFail(line, "event " + seq + " lacks 'kind'");
                }
                if (time < 0) {
                    throw c.objectFail(
                            line, "event " + seq + " has negative time " + time + "; times are microseconds from 0");
                }
                if (time < prevTime) {
                    throw c.objectFail(
                            line,
                            "time goes backwards: event " + seq + " at t=" + time + " comes after t=" + prevTime
                                    + "; events must be in time order");
                }
                if (block < -1 || block >= blockCount) {
                    throw c.objectFail(
                            line,
                            "event " + seq + " names unknown block " + block + "; the topology has blocks 0.."
                                    + (blockCount - 1) + " (omit block, or -1, for none)");
                }
                if (node < -1 || node >= nodeCount) {
                    throw c.objectFail(
                            line,
                            "event " + seq + " names unknown node " + node + "; the topology has nodes 0.."
                                    + (nodeCount - 1) + " (omit node, or -1, for none)");
                }
                if (cause < -1 || cause >= seq) {
                    throw c.objectFail(
                            line,
                            "event " + seq + " has cause " + cause
                                    + ", which is not an earlier event; a cause is -1 (none) or the seq of an event before it");
                }
                if (field >= 0) {
                    if (oldTag == TAG_NONE || newTag == TAG_NONE) {
                        throw c.objectFail(
                                line,
                                "event " + seq + " names field "
                                        + Field.ofOrdinal(field).jsonName() + " but lacks '"
                                        + (oldTag == TAG_NONE ? "old" : "new") + "'");
                    }
                    oldValue = resolveValue(line, seq, "old", field, oldTag, oldValue);
                    newValue = resolveValue(line, seq, "new", field, newTag, newValue);
                } else if ((oldTag != TAG_NONE && oldTag != TAG_NUMBER)
                        || (newTag != TAG_NONE && newTag != TAG_NUMBER)) {
                    throw c.objectFail(line, "event " + seq + " has no field, so old and new must be plain integers");
                }
                builder.append(time, block, node, actor, kind, field, oldValue, newValue, cause, arg);
                prevTime = time;
                expectedSeq++;
                complete = expectedSeq;
            }
            if (allowTruncated) {
                return;
            }
            throw new TruncatedTraceException(
                    file,
                    Math.max(lastLine, 1),
                    0,
                    "the file ends after " + expectedSeq + " events without the end line {\"end\":true,\"events\":"
                            + expectedSeq + "}; it is truncated or its writer did not finish",
                    expectedSeq,
                    0,
                    null);
        }

        /**
         * The bit of an event key, or 0 if unknown. Jackson interns key names, as Java interns
         * literals, so identity finds the common keys without hashing; equals covers a parser
         * that did not intern.
         */
        private static int keyBit(String key) {
            if (key == TraceFormat.K_SEQ) {
                return 1;
            }
            if (key == TraceFormat.K_T) {
                return 2;
            }
            if (key == TraceFormat.K_BLOCK) {
                return 4;
            }
            if (key == TraceFormat.K_NODE) {
                return 8;
            }
            if (key == TraceFormat.K_ACTOR) {
                return 16;
            }
            if (key == TraceFormat.K_KIND) {
                return 32;
            }
            if (key == TraceFormat.K_FIELD) {
                return 64;
            }
            if (key == TraceFormat.K_OLD) {
                return 128;
            }
            if (key == TraceFormat.K_NEW) {
                return 256;
            }
            if (key == TraceFormat.K_CAUSE) {
                return 512;
            }
            if (key == TraceFormat.K_ARG) {
                return 1024;
            }
            switch (key) {
                case TraceFormat.K_SEQ:
                    return 1;
                case TraceFormat.K_T:
                    return 2;
                case TraceFormat.K_BLOCK:
                    return 4;
                case TraceFormat.K_NODE:
                    return 8;
                case TraceFormat.K_ACTOR:
                    return 16;
                case TraceFormat.K_KIND:
                    return 32;
                case TraceFormat.K_FIELD:
                    return 64;
                case TraceFormat.K_OLD:
                    return 128;
                case TraceFormat.K_NEW:
                    return 256;
                case TraceFormat.K_CAUSE:
                    return 512;
                case TraceFormat.K_ARG:
                    return 1024;
                case TraceFormat.K_END:
                    return 2048;
                case TraceFormat.K_EVENTS:
                    return 4096;
                default:
                    return 0;
            }
        }

        private void finishAtEndLine(int line, int seen, boolean end, long endEvents, int events)
                throws IOException, TraceFormatException {
            if ((seen & ~(2048 | 4096)) != 0 || !end || endEvents < 0) {
                throw c.objectFail(line, "the end line must be exactly {\"end\":true,\"events\":" + events + "}");
            }
            if (endEvents != events) {
                throw c.objectFail(line, "the end line counts " + endEvents + " events but the file holds " + events);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw c.failHere("content after the end line; the end line {\"end\":true,...} must be last");
            }
        }

        /** Converts a parsed old/new token into the field's int form. */
        private int resolveValue(int line, int seq, String which, int fieldOrdinal, int tag, int raw)
                throws TraceFormatException {
            Field f = Field.ofOrdinal(fieldOrdinal);
            switch (f.type()) {
                case BOOL:
                    if (tag != TAG_BOOL) {
                        throw c.objectFail(
                                line,
                                "event " + seq + ": " + which + " of " + f.jsonName() + " must be true or false, found "
                                        + describeValue(tag, raw));
                    }
                    return raw;
                case ENUM:
                    int v = tag == TAG_NAME ? ENUM_VALUE[fieldOrdinal][raw] : -1;
                    if (v < 0) {
                        throw c.objectFail(
                                line,
                                "event " + seq + ": " + which + " of " + f.jsonName() + " is " + describeValue(tag, raw)
                                        + "; expected one of " + f.enumNames());
                    }
                    return v;
                default:
                    if (tag != TAG_NUMBER) {
                        throw c.objectFail(
                                line,
                                "event " + seq + ": " + which + " of " + f.jsonName() + " must be an integer, found "
                                        + describeValue(tag, raw));
                    }
                    return raw;
            }
        }

        private static String describeValue(int tag, int raw) {
            switch (tag) {
                case TAG_BOOL:
                    return raw != 0 ? "true" : "false";
                case TAG_NAME:
                    return raw < 0 ? "an unknown name" : "\"" + ENUM_NAME_LIST.get(raw) + "\"";
                default:
                    return Integer.toString(raw);
            }
        }

        // ---------------------------------------------------------------- values

        /** The int payload of the last {@link #readValueTag}. */
        private int scratchValue;

        private int readValueTag(String key) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            switch (v) {
                case VALUE_NUMBER_INT:
                    scratchValue = c.intValue(key);
                    return TAG_NUMBER;
                case VALUE_TRUE:
                    scratchValue = 1;
                    return TAG_BOOL;
                case VALUE_FALSE:
                    scratchValue = 0;
                    return TAG_BOOL;
                case VALUE_STRING:
                    int id = ENUM_NAMES.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (id < 0) {
                        throw c.failHere(
                                key + " is \"" + JsonCursor.shorten(p.getText())
                                        + "\", which is no state name; expected an integer, true/false, or a state such as READY");
                    }
                    scratchValue = id;
                    return TAG_NAME;
                default:
                    throw c.failHere(key + " must be an integer, boolean or state name, found " + c.describe(v));
            }
        }

        private int readActor() throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw c.failHere("actor must be a string (e.g. \"prefetch@n1\"), found " + c.describe(v));
            }
            char[] chars = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            int id = actors.find(chars, off, len);
            if (id < 0) {
                String name = new String(chars, off, len);
                try {
                    id = builder.internActor(name);
                } catch (IllegalStateException e) {
                    throw c.failHere("too many distinct actor names: " + e.getMessage());
                }
                actors.put(name, id);
            }
            return id;
        }

        private int readName(String key, NameTable table, String expected) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw c.failHere(key + " must be a string, " + expected + ", found " + c.describe(v));
            }
            int id = table.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (id < 0) {
                throw c.failHere(
                        "unknown " + key + " \"" + JsonCursor.shorten(p.getText()) + "\"; expected " + expected);
            }
            return id;
        }

        // ---------------------------------------------------------------- errors

        private TraceFormatException fail(JsonProcessingException e, String problem) {
            JsonLocation loc = e.getLocation();
            if (loc == null && p != null) {
                loc = p.currentLocation();
            }
            long line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            long column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
            return new TraceFormatException(file, line, column, problem, e);
        }

        private long lineNow() {
            return p == null ? 0 : Math.max(p.currentLocation().getLineNr(), 0);
        }

        private static String describeLimit(String jacksonMessage) {
            String m = jacksonMessage == null ? "" : jacksonMessage;
            if (m.contains("Name length")) {
                return "a key longer than " + TraceFormat.MAX_KEY_CHARS
                        + " characters; trace keys are short names (is this a trace file?)";
            }
            if (m.contains("String value length")) {
                // Jackson counts long number literals against the string limit too.
                return "a string or number longer than " + TraceFormat.MAX_STRING_CHARS
                        + " characters; trace strings are short names (is this a trace file?)";
            }
            if (m.contains("Number value length") || m.contains("number")) {
                return "a number longer than " + TraceFormat.MAX_NUMBER_CHARS + " characters";
            }
            if (m.contains("nesting depth")) {
                return "JSON nested deeper than " + TraceFormat.MAX_NESTING_DEPTH
                        + " levels; an event is one flat object";
            }
            return "a value exceeds the format's limits (" + firstLine(m) + ")";
        }

        private static String describeParseError(String jacksonMessage) {
            String m = jacksonMessage == null ? "" : jacksonMessage;
            if (m.contains("UTF-8") || m.contains("UTF8")) {
                return "not valid UTF-8 text (" + firstLine(m) + "); trace files are UTF-8";
            }
            return "not valid JSON (" + firstLine(m) + "); each line must be one JSON object";
        }

        private static String firstLine(String m) {
            int nl = m.indexOf('\n');
            return JsonCursor.shorten(nl < 0 ? m : m.substring(0, nl));
        }
    }
}
