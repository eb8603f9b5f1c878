package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Map;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.ExploredSchedule;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceHeader;

/**
 * Writes a {@link Trace} as a JSON Lines trace file (see {@code TRACE_FORMAT.md}). The output is
 * a pure function of the trace: the same trace always gives the same bytes.
 *
 * <p>Files are written atomically: to a temporary file in the target's directory, then moved
 * into place, so a reader never sees half a trace and a failed or cancelled write leaves the old
 * file untouched and no temporary file behind.
 */
public final class TraceWriter {
    private static final int PROGRESS_EVERY_EVENTS = 1 << 14;

    private TraceWriter() {}

    /** Writes {@code trace} to {@code path}, replacing any file there. */
    public static void write(Trace trace, Path path) throws IOException {
        write(trace, path, true, Progress.NONE);
    }

    /**
     * Writes {@code trace} to {@code path}.
     *
     * @throws FileAlreadyExistsException if {@code overwrite} is false and {@code path} exists
     */
    public static void write(Trace trace, Path path, boolean overwrite) throws IOException {
        write(trace, path, overwrite, Progress.NONE);
    }

    /**
     * Writes {@code trace} to {@code path}, reporting events written out of {@link Trace#size()}.
     *
     * @throws FileAlreadyExistsException if {@code overwrite} is false and {@code path} exists
     * @throws org.fabricscope.trace.CancelledException if cancelled; nothing is left behind
     * @throws IllegalArgumentException if an event holds a value its field cannot have (an enum
     *     ordinal out of range, a boolean other than 0/1): such a trace would not read back
     */
    public static void write(Trace trace, Path path, boolean overwrite, Progress progress) throws IOException {
        AtomicFile.write(path, overwrite, out -> write(trace, out, progress));
    }

    /** Writes {@code trace} to {@code out} (buffered internally; {@code out} is flushed, not closed). */
    public static void write(Trace trace, OutputStream out, Progress progress) throws IOException {
        JsonOut json = new JsonOut(out);
        writeHeader(trace.header(), json);
        new EventEncoder(trace).writeEvents(json, progress);
        json.ascii("{\"end\":true,\"events\":");
        json.number(trace.size());
        json.ascii("}\n");
        json.flush();
        progress.update(trace.size(), trace.size());
    }

    static void writeHeader(TraceHeader h, JsonOut json) throws IOException {
        json.ascii("{\"format\":");
        json.string(h.formatName());
        json.ascii(",\"version\":");
        json.number(h.formatVersion());
        json.ascii(",\"simulatorVersion\":");
        json.string(h.simulatorVersion());
        json.ascii(",\"scenario\":");
        json.string(h.scenarioName());
        json.ascii(",\"parameters\":{");
        boolean first = true;
        for (Map.Entry<String, String> p : h.parameters().entrySet()) {
            if (!first) {
                json.ch(',');
            }
            first = false;
            json.string(p.getKey());
            json.ch(':');
            writeParameterValue(p.getValue(), json);
        }
        json.ascii("},\"seed\":");
        json.number(h.seed());
        json.ascii(",\"attempt\":");
        json.number(h.attempt());
        json.ascii(",\"patch\":{\"reorder\":");
        json.ascii(Boolean.toString(h.patch().reorder()));
        json.ascii(",\"barrier\":");
        json.ascii(Boolean.toString(h.patch().barrier()));
        json.ascii(",\"backoff\":");
        json.ascii(Boolean.toString(h.patch().backoff()));
        Topology topo = h.topology();
        json.ascii("},\"topology\":{\"nodes\":");
        json.number(topo.nodes());
        json.ascii(",\"drivesPerNode\":");
        json.number(topo.drivesPerNode());
        json.ascii(",\"blocks\":[");
        for (int i = 0; i < topo.blockCount(); i++) {
            Topology.BlockInfo b = topo.block(i);
            if (i > 0) {
                json.ch(',');
            }
            json.ascii("{\"node\":");
            json.number(b.node());
            json.ascii(",\"drive\":");
            json.number(b.drive());
            json.ascii(",\"file\":");
            json.string(b.file());
            json.ch('}');
        }
        json.ascii("]}");
        // Only forks have interventions; an ordinary run's header is as it always was.
        if (!h.interventions().isEmpty()) {
            json.ascii(",\"interventions\":[");
            for (int i = 0; i < h.interventions().size(); i++) {
                Intervention iv = h.interventions().get(i);
                json.ascii(i > 0 ? ",{\"event\":" : "{\"event\":");
                json.string(iv.eventKey());
                if (iv.drop()) {
                    json.ascii(",\"drop\":true}");
                } else if (iv.runAfter()) {
                    json.ascii(",\"runAfter\":");
                    json.string(iv.afterEventKey());
                    json.ch('}');
                } else {
                    json.ascii(",\"deltaMicros\":");
                    json.number(iv.deltaMicros());
                    json.ch('}');
                }
            }
            json.ch(']');
        }
        // Only explored schedules have one (explore --out, the Explore panel's counterexamples).
        if (h.schedule() != null) {
            ExploredSchedule es = h.schedule();
            json.ascii(",\"schedule\":{\"jitterLevels\":");
            json.number(es.jitterLevels());
            json.ascii(",\"maxChoices\":");
            json.number(es.maxChoices());
            json.ascii(es.ties() ? ",\"ties\":true,\"choices\":[" : ",\"ties\":false,\"choices\":[");
            int[] cs = es.choices();
            for (int i = 0; i < cs.length; i++) {
                if (i > 0) {
                    json.ch(',');
                }
                json.number(cs[i]);
            }
            json.ascii("]}");
        }
        json.ascii("}\n");
    }

    /** Numbers and booleans go out as JSON numbers and booleans; a reader gets the same text back. */
    private static void writeParameterValue(String value, JsonOut json) throws IOException {
        if (value.equals("true") || value.equals("false")) {
            json.ascii(value);
        } else if (value.length() <= TraceFormat.MAX_NUMBER_CHARS
                && TraceFormat.JSON_NUMBER.matcher(value).matches()) {
            json.ascii(value);
        } else {
            json.string(value);
        }
    }

    /** Encodes event lines, with every repeated name pre-encoded once. */
    private static final class EventEncoder {
        private final Trace trace;
        private final byte[][] actorJson;
        private final byte[][] kindJson;
        private final byte[][] fieldJson;
        private final byte[][][] enumJson;

        EventEncoder(Trace trace) {
            this.trace = trace;
            actorJson = new byte[trace.actorCount()][];
            for (int i = 0; i < actorJson.length; i++) {
                actorJson[i] = JsonOut.encodeString(trace.actorName(i));
            }
            EventKind[] kinds = EventKind.values();
            kindJson = new byte[kinds.length][];
            for (EventKind k : kinds) {
                kindJson[k.ordinal()] = ascii(",\"kind\":\"" + k.name() + "\"");
            }
            Field[] fields = Field.values();
            fieldJson = new byte[fields.length][];
            enumJson = new byte[fields.length][][];
            for (Field f : fields) {
                fieldJson[f.ordinal()] = ascii(",\"field\":\"" + f.jsonName() + "\"");
                enumJson[f.ordinal()] = new byte[f.enumNames().size()][];
                for (int v = 0; v < f.enumNames().size(); v++) {
                    enumJson[f.ordinal()][v] = ascii("\"" + f.enumNames().get(v) + "\"");
                }
            }
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        void writeEvents(JsonOut json, Progress progress) throws IOException {
            int n = trace.size();
            for (int seq = 0; seq < n; seq++) {
                if ((seq & (PROGRESS_EVERY_EVENTS - 1)) == 0) {
                    progress.checkCancelled();
                    progress.update(seq, n);
                }
                json.ascii("{\"seq\":");
                json.number(seq);
                json.ascii(",\"t\":");
                json.number(trace.timeMicros(seq));
                int block = trace.block(seq);
                if (block != -1) {
                    json.ascii(",\"block\":");
                    json.number(block);
                }
                int node = trace.node(seq);
                if (node != -1) {
                    json.ascii(",\"node\":");
                    json.number(node);
                }
                json.ascii(",\"actor\":");
                json.raw(actorJson[trace.actorId(seq)]);
                json.raw(kindJson[trace.kindOrdinal(seq)]);
                int f = trace.fieldOrdinal(seq);
                int oldValue = trace.oldValue(seq);
                int newValue = trace.newValue(seq);
                if (f >= 0) {
                    json.raw(fieldJson[f]);
                    json.ascii(",\"old\":");
                    writeValue(json, seq, f, oldValue);
                    json.ascii(",\"new\":");
                    writeValue(json, seq, f, newValue);
                } else {
                    if (oldValue != 0) {
                        json.ascii(",\"old\":");
                        json.number(oldValue);
                    }
                    if (newValue != 0) {
                        json.ascii(",\"new\":");
                        json.number(newValue);
                    }
                }
                int cause = trace.cause(seq);
                if (cause != -1) {
                    json.ascii(",\"cause\":");
                    json.number(cause);
                }
                int arg = trace.arg(seq);
                if (arg != 0) {
                    json.ascii(",\"arg\":");
                    json.number(arg);
                }
                json.ascii("}\n");
            }
        }

        private void writeValue(JsonOut json, int seq, int fieldOrdinal, int value) throws IOException {
            Field field = Field.ofOrdinal(fieldOrdinal);
            switch (field.type()) {
                case BOOL:
                    if (value != 0 && value != 1) {
                        throw new IllegalArgumentException(
                                "event " + seq + ": " + field.jsonName() + " is a boolean but holds " + value);
                    }
                    json.ascii(value == 1 ? "true" : "false");
                    break;
                case ENUM:
                    byte[][] names = enumJson[fieldOrdinal];
                    if (value < 0 || value >= names.length) {
                        throw new IllegalArgumentException("event " + seq + ": " + field.jsonName() + " holds " + value
                                + ", not one of " + field.enumNames());
                    }
                    json.raw(names[value]);
                    break;
                default:
                    json.number(value);
                    break;
            }
        }
    }
}
