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
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;

/**
 * Reads a JSON Lines trace file (see {@code TRACE_FORMAT.md}) straight into a {@link Trace}'s
 * columns with a streaming parser.
 *
 * <p>Every problem with the file is a {@link TraceFormatException} naming file, line and (where
 * known) column, what was wrong and what was expected; nothing partial is ever returned. Memory is
 * bounded by the data, never by a hostile line: strings, numbers, nesting, blocks and parameters
 * all have limits ({@link TraceFormat}), and an event object only accepts its known keys, once
 * each. Cancellation throws {@link org.fabricscope.trace.CancelledException}.
 */
public final class TraceReader {
    private static final int PROGRESS_EVERY_EVENTS = 1 << 13;

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(TraceFormat.MAX_STRING_CHARS)
                                    .maxNameLength(TraceFormat.MAX_STRING_CHARS)
                                    .maxNumberLength(TraceFormat.MAX_NUMBER_CHARS)
                                    .maxNestingDepth(TraceFormat.MAX_NESTING_DEPTH)
                                    .build())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .disable(JsonFactory.Feature.USE_THREAD_LOCAL_FOR_BUFFER_RECYCLING)
                    .build();

    private TraceReader() {}

    /** Reads the trace file at {@code path}, reporting bytes read out of the file's size. */
    public static Trace read(Path path, Progress progress) throws TraceFormatException {
        String name = path.toString();
        long size;
        InputStream in;
        try {
            size = Files.size(path);
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(name, 0, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new TraceFormatException(name, 0, 0, "permission denied", e);
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, 0, "cannot open the file: " + e.getMessage(), e);
        }
        try (InputStream closing = in) {
            return read(closing, name, size, progress);
        } catch (IOException e) {
            throw new TraceFormatException(name, 0, 0, "cannot close the file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a trace from {@code in} (not closed).
     *
     * @param displayName the name used in error messages
     * @param totalBytes the stream's length for progress, or -1 if unknown
     */
    public static Trace read(InputStream in, String displayName, long totalBytes, Progress progress)
            throws TraceFormatException {
        CountingInputStream counting = new CountingInputStream(in);
        return new Parse(displayName, counting, totalBytes, progress).run();
    }

    /** One read of one stream. */
    private static final class Parse {
        private static final int MISSING = Integer.MIN_VALUE;
        private static final int TAG_NONE = 0;
        private static final int TAG_NUMBER = 1;
        private static final int TAG_BOOL = 2;
        private static final int TAG_NAME = 3;

        private static final String EVENT_KEYS = "seq, t, block, node, actor, kind, field, old, new, cause, arg";
        private static final String HEADER_KEYS =
                "format, version, simulatorVersion, scenario, parameters, seed, attempt, patch, topology";

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
        private JsonParser p;
        private TraceBuilder builder;
        private int blockCount;
        private int nodeCount;
        /** Line of the most recent complete value, so a second one on the same line is caught. */
        private int lastLine;

        Parse(String file, CountingInputStream counting, long totalBytes, Progress progress) {
            this.file = file;
            this.counting = counting;
            this.totalBytes = totalBytes;
            this.progress = progress;
        }

        Trace run() throws TraceFormatException {
            try {
                PushbackInputStream in = new PushbackInputStream(counting, 4);
                sniffEncoding(in);
                p = FACTORY.createParser(in);
                TraceHeader header = readHeader();
                builder = new TraceBuilder(header, initialCapacity());
                readEvents();
                progress.update(counting.count(), totalBytes);
                return builder.build();
            } catch (JsonEOFException e) {
                throw fail(e, "the file ends in the middle of a line (truncated?); expected the rest of the JSON object");
            } catch (StreamConstraintsException e) {
                throw fail(e, describeLimit(e.getOriginalMessage()));
            } catch (JsonParseException e) {
                throw fail(e, describeParseError(e.getOriginalMessage()));
            } catch (CharConversionException e) {
                throw new TraceFormatException(file, lineNow(), 0, "not UTF-8 text: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new TraceFormatException(file, lineNow(), 0, "cannot read the file: " + e.getMessage(), e);
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

        private int initialCapacity() {
            // Events are ~90 bytes on average; sizing up front avoids most of the builder's regrowth.
            if (totalBytes <= 0) {
                return 1 << 12;
            }
            return (int) Math.min(1 << 26, Math.max(1 << 12, totalBytes / 80));
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
                throw new TraceFormatException(file, 0, 0,
                        "the file is empty; expected a header line {\"format\":\"fabricscope-trace\",\"version\":1,...}");
            }
            if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                    || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
                throw new TraceFormatException(file, 1, 1, "the file is UTF-16 text; trace files are UTF-8");
            }
            for (int i = 0; i < n; i++) {
                if (head[i] == 0) {
                    throw new TraceFormatException(file, 1, i + 1,
                            "the file holds binary data (a zero byte), not UTF-8 JSON Lines text");
                }
            }
            in.unread(head, 0, n);
        }

        // ---------------------------------------------------------------- header

        private TraceHeader readHeader() throws IOException, TraceFormatException {
            JsonToken tok = p.nextToken();
            if (tok == null) {
                throw new TraceFormatException(file, 1, 0,
                        "the file has no JSON in it; expected a header line {\"format\":\"fabricscope-trace\",...}");
            }
            int line = p.currentTokenLocation().getLineNr();
            if (tok != JsonToken.START_OBJECT) {
                throw failHere("the first line must be the header object {\"format\":\"fabricscope-trace\",...}, found "
                        + describe(tok));
            }
            String format = null;
            int version = MISSING;
            String simulatorVersion = null;
            String scenario = null;
            Map<String, String> parameters = null;
            Long seed = null;
            int attempt = MISSING;
            PatchSwitches patch = null;
            Topology topology = null;
            String key;
            List<String> seen = new ArrayList<>();
            while ((key = p.nextFieldName()) != null) {
                if (seen.contains(key)) {
                    throw failHere("key '" + key + "' appears twice in the header");
                }
                seen.add(key);
                switch (key) {
                    case TraceFormat.K_FORMAT:
                        format = readString(key);
                        if (!format.equals(TraceFormat.FORMAT_NAME)) {
                            throw failHere("not a FabricScope trace: format is '" + format + "', expected '"
                                    + TraceFormat.FORMAT_NAME + "'");
                        }
                        break;
                    case TraceFormat.K_VERSION:
                        version = readInt(key);
                        if (version != TraceFormat.VERSION) {
                            throw failHere("trace format version " + version + " is not supported; this FabricScope reads version "
                                    + TraceFormat.VERSION);
                        }
                        break;
                    case TraceFormat.K_SIMULATOR_VERSION:
                        simulatorVersion = readString(key);
                        break;
                    case TraceFormat.K_SCENARIO:
                        scenario = readString(key);
                        break;
                    case TraceFormat.K_PARAMETERS:
                        parameters = readParameters();
                        break;
                    case TraceFormat.K_SEED:
                        seed = readLong(key);
                        break;
                    case TraceFormat.K_ATTEMPT:
                        attempt = readInt(key);
                        break;
                    case TraceFormat.K_PATCH:
                        patch = readPatch();
                        break;
                    case TraceFormat.K_TOPOLOGY:
                        topology = readTopology();
                        break;
                    case TraceFormat.K_SEQ:
                    case TraceFormat.K_T:
                    case TraceFormat.K_KIND:
                    case TraceFormat.K_ACTOR:
                        throw new TraceFormatException(file, line, 0,
                                "line 1 is an event, but a trace starts with a header line {\"format\":\"fabricscope-trace\",\"version\":1,...}");
                    default:
                        throw failHere("unknown header key '" + key + "'; the header has " + HEADER_KEYS);
                }
            }
            requireSameLine(line, "the header");
            String missing = firstMissing(
                    new Object[] {format, version == MISSING ? null : version, simulatorVersion, scenario, parameters,
                        seed, attempt == MISSING ? null : attempt, patch, topology},
                    HEADER_KEYS);
            if (missing != null) {
                throw new TraceFormatException(file, line, 0,
                        "the header lacks '" + missing + "'; a header has " + HEADER_KEYS);
            }
            blockCount = topology.blockCount();
            nodeCount = topology.nodes();
            return new TraceHeader(format, version, simulatorVersion, scenario, parameters, seed, attempt, patch, topology);
        }

        private static String firstMissing(Object[] values, String names) {
            String[] n = names.split(", ");
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    return n[i];
                }
            }
            return null;
        }

        private Map<String, String> readParameters() throws IOException, TraceFormatException {
            expect(JsonToken.START_OBJECT, "parameters must be an object of name: value");
            Map<String, String> params = new LinkedHashMap<>();
            String name;
            while ((name = p.nextFieldName()) != null) {
                if (params.containsKey(name)) {
                    throw failHere("parameter '" + name + "' appears twice");
                }
                if (params.size() == TraceFormat.MAX_PARAMETERS) {
                    throw failHere("more than " + TraceFormat.MAX_PARAMETERS + " parameters");
                }
                JsonToken v = p.nextToken();
                switch (v) {
                    case VALUE_STRING:
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        // Numbers keep their literal text: it is the parameter's canonical text.
                        params.put(name, p.getText());
                        break;
                    case VALUE_TRUE:
                        params.put(name, "true");
                        break;
                    case VALUE_FALSE:
                        params.put(name, "false");
                        break;
                    default:
                        throw failHere("parameter '" + name + "' must be a string, number or boolean, found " + describe(v));
                }
            }
            return params;
        }

        private PatchSwitches readPatch() throws IOException, TraceFormatException {
            expect(JsonToken.START_OBJECT, "patch must be an object {\"reorder\":bool,\"barrier\":bool,\"backoff\":bool}");
            Boolean reorder = null;
            Boolean barrier = null;
            Boolean backoff = null;
            String key;
            while ((key = p.nextFieldName()) != null) {
                switch (key) {
                    case TraceFormat.K_REORDER:
                        reorder = readBool(key, reorder);
                        break;
                    case TraceFormat.K_BARRIER:
                        barrier = readBool(key, barrier);
                        break;
                    case TraceFormat.K_BACKOFF:
                        backoff = readBool(key, backoff);
                        break;
                    default:
                        throw failHere("unknown patch switch '" + key + "'; expected reorder, barrier, backoff");
                }
            }
            if (reorder == null || barrier == null || backoff == null) {
                throw failHere("patch must give all three switches reorder, barrier and backoff");
            }
            return new PatchSwitches(reorder, barrier, backoff);
        }

        private Topology readTopology() throws IOException, TraceFormatException {
            expect(JsonToken.START_OBJECT, "topology must be an object {\"nodes\":n,\"drivesPerNode\":n,\"blocks\":[...]}");
            int nodes = MISSING;
            int drives = MISSING;
            List<Topology.BlockInfo> blocks = null;
            String key;
            while ((key = p.nextFieldName()) != null) {
                switch (key) {
                    case TraceFormat.K_NODES:
                        nodes = readIntInRange(key, 0, TraceFormat.MAX_NODES);
                        break;
                    case TraceFormat.K_DRIVES_PER_NODE:
                        drives = readIntInRange(key, 0, Integer.MAX_VALUE);
                        break;
                    case TraceFormat.K_BLOCKS:
                        if (nodes == MISSING || drives == MISSING) {
                            throw failHere("topology must give nodes and drivesPerNode before blocks");
                        }
                        blocks = readBlocks(nodes, drives);
                        break;
                    default:
                        throw failHere("unknown topology key '" + key + "'; expected nodes, drivesPerNode, blocks");
                }
            }
            if (nodes == MISSING || drives == MISSING || blocks == null) {
                throw failHere("topology must give nodes, drivesPerNode and blocks");
            }
            return new Topology(nodes, drives, blocks);
        }

        private List<Topology.BlockInfo> readBlocks(int nodes, int drives) throws IOException, TraceFormatException {
            expect(JsonToken.START_ARRAY, "blocks must be an array of {\"node\":n,\"drive\":n,\"file\":\"name\"}");
            List<Topology.BlockInfo> blocks = new ArrayList<>();
            JsonToken tok;
            while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
                if (tok != JsonToken.START_OBJECT) {
                    throw failHere("block " + blocks.size() + " must be an object {\"node\":n,\"drive\":n,\"file\":\"name\"}, found "
                            + describe(tok));
                }
                if (blocks.size() == TraceFormat.MAX_BLOCKS) {
                    throw failHere("more than " + TraceFormat.MAX_BLOCKS + " blocks");
                }
                int node = MISSING;
                int drive = MISSING;
                String fileName = null;
                String key;
                while ((key = p.nextFieldName()) != null) {
                    switch (key) {
                        case TraceFormat.K_NODE:
                            node = readIntInRange("node", 0, nodes - 1);
                            break;
                        case TraceFormat.K_DRIVE:
                            drive = readIntInRange("drive", 0, drives - 1);
                            break;
                        case TraceFormat.K_FILE:
                            fileName = readString(key);
                            break;
                        default:
                            throw failHere("unknown block key '" + key + "'; expected node, drive, file");
                    }
                }
                if (node == MISSING || drive == MISSING || fileName == null) {
                    throw failHere("block " + blocks.size() + " must give node, drive and file");
                }
                blocks.add(new Topology.BlockInfo(node, drive, fileName));
            }
            return blocks;
        }

        // ---------------------------------------------------------------- events

        private void readEvents() throws IOException, TraceFormatException {
            int expectedSeq = 0;
            long prevTime = 0;
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                JsonLocation start = p.currentTokenLocation();
                int line = start.getLineNr();
                if (tok != JsonToken.START_OBJECT) {
                    throw failHere("expected an event object {\"seq\":n,...} on this line, found " + describe(tok));
                }
                if (line == lastLine) {
                    throw new TraceFormatException(file, line, start.getColumnNr(),
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
                String key;
                while ((key = p.nextFieldName()) != null) {
                    int bit;
                    switch (key) {
                        case TraceFormat.K_SEQ:
                            bit = 1;
                            seq = readInt(key);
                            break;
                        case TraceFormat.K_T:
                            bit = 2;
                            time = readLong(key);
                            break;
                        case TraceFormat.K_BLOCK:
                            bit = 4;
                            block = readInt(key);
                            break;
                        case TraceFormat.K_NODE:
                            bit = 8;
                            node = readInt(key);
                            break;
                        case TraceFormat.K_ACTOR:
                            bit = 16;
                            actor = readActor();
                            break;
                        case TraceFormat.K_KIND:
                            bit = 32;
                            kind = readName(key, KINDS, "an EventKind name such as PREFETCH_READY");
                            break;
                        case TraceFormat.K_FIELD:
                            bit = 64;
                            field = readName(key, FIELDS, "a field name such as cacheState");
                            break;
                        case TraceFormat.K_OLD:
                            bit = 128;
                            oldTag = readValueTag(key);
                            oldValue = scratchValue;
                            break;
                        case TraceFormat.K_NEW:
                            bit = 256;
                            newTag = readValueTag(key);
                            newValue = scratchValue;
                            break;
                        case TraceFormat.K_CAUSE:
                            bit = 512;
                            cause = readInt(key);
                            break;
                        case TraceFormat.K_ARG:
                            bit = 1024;
                            arg = readInt(key);
                            break;
                        case TraceFormat.K_END:
                            bit = 2048;
                            JsonToken v = p.nextToken();
                            if (v != JsonToken.VALUE_TRUE) {
                                throw failHere("end must be true, found " + describe(v));
                            }
                            end = true;
                            break;
                        case TraceFormat.K_EVENTS:
                            bit = 4096;
                            endEvents = readLong(key);
                            break;
                        default:
                            throw failHere("unknown event key '" + key + "'; an event has " + EVENT_KEYS);
                    }
                    if ((seen & bit) != 0) {
                        throw failHere("key '" + key + "' appears twice in this event");
                    }
                    seen |= bit;
                }
                requireSameLine(line, "an event");
                lastLine = line;
                if ((seen & (2048 | 4096)) != 0) {
                    finishAtEndLine(line, seen, end, endEvents, expectedSeq);
                    return;
                }
                if ((seen & 1) == 0) {
                    throw objectFail(line, "the event lacks 'seq'; expected seq " + expectedSeq);
                }
                if (seq != expectedSeq) {
                    throw objectFail(line, seq < expectedSeq
                            ? "seq " + seq + " repeats or goes back; expected seq " + expectedSeq
                            : "seq " + seq + " skips events " + expectedSeq + ".." + (seq - 1) + "; expected seq " + expectedSeq);
                }
                if ((seen & 2) == 0) {
                    throw objectFail(line, "event " + seq + " lacks 't' (time in microseconds)");
                }
                if ((seen & 16) == 0) {
                    throw objectFail(line, "event " + seq + " lacks 'actor'");
                }
                if ((seen & 32) == 0) {
                    throw objectFail(line, "event " + seq + " lacks 'kind'");
                }
                if (time < 0) {
                    throw objectFail(line, "event " + seq + " has negative time " + time + "; times are microseconds from 0");
                }
                if (time < prevTime) {
                    throw objectFail(line, "time goes backwards: event " + seq + " at t=" + time
                            + " comes after t=" + prevTime + "; events must be in time order");
                }
                if (block < -1 || block >= blockCount) {
                    throw objectFail(line, "event " + seq + " names unknown block " + block + "; the topology has blocks 0.."
                            + (blockCount - 1) + " (omit block, or -1, for none)");
                }
                if (node < -1 || node >= nodeCount) {
                    throw objectFail(line, "event " + seq + " names unknown node " + node + "; the topology has nodes 0.."
                            + (nodeCount - 1) + " (omit node, or -1, for none)");
                }
                if (cause < -1 || cause >= seq) {
                    throw objectFail(line, "event " + seq + " has cause " + cause
                            + ", which is not an earlier event; a cause is -1 (none) or the seq of an event before it");
                }
                if (field >= 0) {
                    if (oldTag == TAG_NONE || newTag == TAG_NONE) {
                        throw objectFail(line, "event " + seq + " names field " + Field.ofOrdinal(field).jsonName()
                                + " but lacks '" + (oldTag == TAG_NONE ? "old" : "new") + "'");
                    }
                    oldValue = resolveValue(line, seq, "old", field, oldTag, oldValue);
                    newValue = resolveValue(line, seq, "new", field, newTag, newValue);
                } else if ((oldTag != TAG_NONE && oldTag != TAG_NUMBER) || (newTag != TAG_NONE && newTag != TAG_NUMBER)) {
                    throw objectFail(line, "event " + seq + " has no field, so old and new must be plain integers");
                }
                builder.append(time, block, node, actor, kind, field, oldValue, newValue, cause, arg);
                prevTime = time;
                expectedSeq++;
            }
            throw new TraceFormatException(file, Math.max(lastLine, 1), 0,
                    "the file ends after " + expectedSeq + " events without the end line {\"end\":true,\"events\":"
                            + expectedSeq + "}; it is truncated or its writer did not finish");
        }

        private void finishAtEndLine(int line, int seen, boolean end, long endEvents, int events)
                throws IOException, TraceFormatException {
            if ((seen & ~(2048 | 4096)) != 0 || !end || endEvents < 0) {
                throw objectFail(line, "the end line must be exactly {\"end\":true,\"events\":" + events + "}");
            }
            if (endEvents != events) {
                throw objectFail(line, "the end line counts " + endEvents + " events but the file holds " + events);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw failHere("content after the end line; the end line {\"end\":true,...} must be last");
            }
        }

        /** Converts a parsed old/new token into the field's int form. */
        private int resolveValue(int line, int seq, String which, int fieldOrdinal, int tag, int raw)
                throws TraceFormatException {
            Field f = Field.ofOrdinal(fieldOrdinal);
            switch (f.type()) {
                case BOOL:
                    if (tag != TAG_BOOL) {
                        throw objectFail(line, "event " + seq + ": " + which + " of " + f.jsonName()
                                + " must be true or false, found " + describeValue(tag, raw));
                    }
                    return raw;
                case ENUM:
                    int v = tag == TAG_NAME ? ENUM_VALUE[fieldOrdinal][raw] : -1;
                    if (v < 0) {
                        throw objectFail(line, "event " + seq + ": " + which + " of " + f.jsonName() + " is "
                                + describeValue(tag, raw) + "; expected one of " + f.enumNames());
                    }
                    return v;
                default:
                    if (tag != TAG_NUMBER) {
                        throw objectFail(line, "event " + seq + ": " + which + " of " + f.jsonName()
                                + " must be an integer, found " + describeValue(tag, raw));
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
                    scratchValue = intValue(key);
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
                        throw failHere(key + " is \"" + shorten(p.getText())
                                + "\", which is no state name; expected an integer, true/false, or a state such as READY");
                    }
                    scratchValue = id;
                    return TAG_NAME;
                default:
                    throw failHere(key + " must be an integer, boolean or state name, found " + describe(v));
            }
        }

        private int readActor() throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw failHere("actor must be a string (e.g. \"prefetch@n1\"), found " + describe(v));
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
                    throw failHere("too many distinct actor names: " + e.getMessage());
                }
                actors.put(name, id);
            }
            return id;
        }

        private int readName(String key, NameTable table, String expected) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw failHere(key + " must be a string, " + expected + ", found " + describe(v));
            }
            int id = table.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (id < 0) {
                throw failHere("unknown " + key + " \"" + shorten(p.getText()) + "\"; expected " + expected);
            }
            return id;
        }

        private String readString(String key) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw failHere(key + " must be a string, found " + describe(v));
            }
            return p.getText();
        }

        private Boolean readBool(String key, Boolean previous) throws IOException, TraceFormatException {
            if (previous != null) {
                throw failHere("key '" + key + "' appears twice");
            }
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                throw failHere(key + " must be true or false, found " + describe(v));
            }
            return v == JsonToken.VALUE_TRUE;
        }

        private int readInt(String key) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT) {
                throw failHere(key + " must be an integer, found " + describe(v));
            }
            return intValue(key);
        }

        private int intValue(String key) throws IOException, TraceFormatException {
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected an integer from "
                        + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
            return p.getIntValue();
        }

        private int readIntInRange(String key, int min, int max) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT) {
                throw failHere(key + " must be an integer, found " + describe(v));
            }
            JsonParser.NumberType type = p.getNumberType();
            long value = type == JsonParser.NumberType.BIG_INTEGER ? Long.MAX_VALUE : p.getLongValue();
            if (value < min || value > max) {
                throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected " + min + " to " + max);
            }
            return (int) value;
        }

        private long readLong(String key) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT) {
                throw failHere(key + " must be an integer, found " + describe(v));
            }
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected a 64-bit integer");
            }
            return p.getLongValue();
        }

        private void expect(JsonToken expected, String what) throws IOException, TraceFormatException {
            JsonToken v = p.nextToken();
            if (v != expected) {
                throw failHere(what + ", found " + describe(v));
            }
        }

        private void requireSameLine(int startLine, String what) throws TraceFormatException {
            int endLine = p.currentTokenLocation().getLineNr();
            if (endLine != startLine) {
                throw new TraceFormatException(file, startLine, 0, what + " spans lines " + startLine + " to " + endLine
                        + "; each JSON object must be on one line");
            }
        }

        // ---------------------------------------------------------------- errors

        private String describe(JsonToken tok) throws IOException {
            if (tok == null) {
                return "the end of the file";
            }
            switch (tok) {
                case START_OBJECT:
                    return "an object";
                case START_ARRAY:
                    return "an array";
                case END_OBJECT:
                case END_ARRAY:
                    return "the end of " + (tok == JsonToken.END_OBJECT ? "an object" : "an array");
                case VALUE_STRING:
                    return "the string \"" + shorten(p.getText()) + "\"";
                case VALUE_NULL:
                    return "null";
                case VALUE_TRUE:
                    return "true";
                case VALUE_FALSE:
                    return "false";
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return "the number " + shorten(p.getText());
                default:
                    return tok.toString();
            }
        }

        private static String shorten(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }

        private TraceFormatException failHere(String problem) {
            JsonLocation loc = p.currentTokenLocation();
            return new TraceFormatException(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0), problem);
        }

        private TraceFormatException objectFail(int line, String problem) {
            return new TraceFormatException(file, line, 0, problem);
        }

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
            if (m.contains("String value length") || m.contains("Name length")) {
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
            return shorten(nl < 0 ? m : m.substring(0, nl));
        }
    }
}
