package org.fabricscope.trace.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;

/**
 * Exports a {@link Trace} as Chrome Trace Event JSON, which Perfetto ({@code ui.perfetto.dev}) and
 * {@code chrome://tracing} open.
 *
 * <p>Layout: process 1 "actors" has one track per actor, with an instant event for every event
 * it produced (args: seq, block, field, old, new, cause, arg). Process 2 "blocks" has two tracks
 * per block: its cache state as complete ('X') slices, one per non-{@code EMPTY} interval, and its
 * {@code lastWritePending} intervals; every FPRE004 is also a global instant named {@value
 * #FPRE004_NAME}, so it shows across all tracks. Times stay microseconds, Chrome's own unit. The
 * output is deterministic.
 */
public final class ChromeTraceExporter {
    /** The name an FPRE004 event carries in the export. */
    public static final String FPRE004_NAME = "FPRE004 ECC/checksum mismatch";

    private static final int PROGRESS_EVERY_EVENTS = 1 << 14;
    private static final int CACHE = Field.CACHE_STATE.ordinal();
    private static final int PENDING = Field.LAST_WRITE_PENDING.ordinal();

    private ChromeTraceExporter() {}

    /** Exports to {@code path} atomically; refuses an existing file unless {@code overwrite}. */
    public static void export(Trace trace, Path path, boolean overwrite, Progress progress) throws IOException {
        AtomicFile.write(path, overwrite, out -> export(trace, out, progress));
    }

    /** Exports to {@code out} (flushed, not closed). */
    public static void export(Trace trace, OutputStream out, Progress progress) throws IOException {
        JsonOut json = new JsonOut(out);
        json.ascii("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"scenario\":");
        json.string(trace.header().scenarioName());
        json.ascii(",\"seed\":");
        json.string(Long.toString(trace.header().seed()));
        json.ascii(",\"attempt\":");
        json.number(trace.header().attempt());
        json.ascii(",\"patch\":");
        json.string(trace.header().patch().toString());
        json.ascii("},\"traceEvents\":[\n");
        new Export(trace, json).run(progress);
        json.ascii("\n]}\n");
        json.flush();
        progress.update(trace.size(), trace.size());
    }

    private static final class Export {
        private final Trace trace;
        private final JsonOut json;
        private final byte[][] actorNames;
        private boolean first = true;
        private final int blocks;
        private final int[] cacheState;
        private final long[] cacheSince;
        private final boolean[] pending;
        private final long[] pendingSince;

        Export(Trace trace, JsonOut json) {
            this.trace = trace;
            this.json = json;
            actorNames = new byte[trace.actorCount()][];
            for (int i = 0; i < actorNames.length; i++) {
                actorNames[i] = JsonOut.encodeString(trace.actorName(i));
            }
            blocks = trace.header().topology().blockCount();
            cacheState = new int[blocks];
            cacheSince = new long[blocks];
            pending = new boolean[blocks];
            pendingSince = new long[blocks];
        }

        void run(Progress progress) throws IOException {
            metadata();
            int n = trace.size();
            for (int seq = 0; seq < n; seq++) {
                if ((seq & (PROGRESS_EVERY_EVENTS - 1)) == 0) {
                    progress.checkCancelled();
                    progress.update(seq, n);
                }
                instant(seq);
                int b = trace.block(seq);
                EventKind kind = trace.kind(seq);
                if (b >= 0 && kind != EventKind.VERIFY_CHECK && kind != EventKind.FPRE004) {
                    long t = trace.timeMicros(seq);
                    int f = trace.fieldOrdinal(seq);
                    if (f == CACHE && trace.newValue(seq) != cacheState[b]) {
                        closeCache(b, t);
                        cacheState[b] = trace.newValue(seq);
                        cacheSince[b] = t;
                    } else if (f == PENDING && (trace.newValue(seq) != 0) != pending[b]) {
                        closePending(b, t);
                        pending[b] = trace.newValue(seq) != 0;
                        pendingSince[b] = t;
                    }
                }
            }
            long end = trace.endMicros();
            for (int b = 0; b < blocks; b++) {
                closeCache(b, end);
                closePending(b, end);
            }
        }

        private void closeCache(int b, long t) throws IOException {
            if (cacheState[b] != CacheState.EMPTY.ordinal()) {
                slice("cache " + Field.CACHE_STATE.format(cacheState[b]), "cacheState", b * 2, cacheSince[b], t);
            }
        }

        private void closePending(int b, long t) throws IOException {
            if (pending[b]) {
                slice("lastWritePending", "lastWritePending", b * 2 + 1, pendingSince[b], t);
            }
        }

        private void metadata() throws IOException {
            begin();
            json.ascii("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"actors\"}}");
            begin();
            json.ascii("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":2,\"args\":{\"name\":\"blocks\"}}");
            for (int a = 0; a < actorNames.length; a++) {
                begin();
                json.ascii("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":");
                json.number(a);
                json.ascii(",\"args\":{\"name\":");
                json.raw(actorNames[a]);
                json.ascii("}}");
            }
            Topology topo = trace.header().topology();
            for (int b = 0; b < blocks; b++) {
                Topology.BlockInfo info = topo.block(b);
                String where = " (" + info.file() + ", n" + info.node() + "/d" + info.drive() + ")";
                threadName(b * 2, "block " + b + " cache" + where);
                threadName(b * 2 + 1, "block " + b + " lastWritePending");
            }
        }

        private void threadName(int tid, String name) throws IOException {
            begin();
            json.ascii("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":2,\"tid\":");
            json.number(tid);
            json.ascii(",\"args\":{\"name\":");
            json.string(name);
            json.ascii("}}");
            begin();
            json.ascii("{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":2,\"tid\":");
            json.number(tid);
            json.ascii(",\"args\":{\"sort_index\":");
            json.number(tid);
            json.ascii("}}");
        }

        private void instant(int seq) throws IOException {
            EventKind kind = trace.kind(seq);
            boolean fpre = kind == EventKind.FPRE004;
            begin();
            json.ascii("{\"name\":");
            json.string(fpre ? FPRE004_NAME : kind.name());
            json.ascii(",\"cat\":");
            json.string(fpre ? "FPRE004" : category(kind.actorKind()));
            // A global instant draws FPRE004 across every track; the rest stay on their actor's.
            json.ascii(fpre ? ",\"ph\":\"i\",\"s\":\"g\",\"ts\":" : ",\"ph\":\"i\",\"s\":\"t\",\"ts\":");
            json.number(trace.timeMicros(seq));
            json.ascii(",\"pid\":1,\"tid\":");
            json.number(trace.actorId(seq));
            json.ascii(",\"args\":{\"seq\":");
            json.number(seq);
            if (trace.block(seq) >= 0) {
                json.ascii(",\"block\":");
                json.number(trace.block(seq));
            }
            Field f = trace.field(seq);
            if (f != null) {
                json.ascii(",\"field\":");
                json.string(f.jsonName());
                json.ascii(",\"old\":");
                json.string(f.format(trace.oldValue(seq)));
                json.ascii(",\"new\":");
                json.string(f.format(trace.newValue(seq)));
            }
            if (trace.cause(seq) >= 0) {
                json.ascii(",\"cause\":");
                json.number(trace.cause(seq));
            }
            if (trace.arg(seq) != 0) {
                json.ascii(",\"arg\":");
                json.number(trace.arg(seq));
            }
            json.ascii("}}");
        }

        private void slice(String name, String category, int tid, long start, long end) throws IOException {
            begin();
            json.ascii("{\"name\":");
            json.string(name);
            json.ascii(",\"cat\":");
            json.string(category);
            json.ascii(",\"ph\":\"X\",\"ts\":");
            json.number(start);
            json.ascii(",\"dur\":");
            json.number(end - start);
            json.ascii(",\"pid\":2,\"tid\":");
            json.number(tid);
            json.ascii("}");
        }

        private static String category(ActorKind a) {
            return a.name().toLowerCase(java.util.Locale.ROOT);
        }

        private void begin() throws IOException {
            if (!first) {
                json.ascii(",\n");
            }
            first = false;
        }
    }
}
