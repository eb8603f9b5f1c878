package org.fabricscope.ui.eventlog;

import java.util.List;
import java.util.Map;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;

/**
 * Prints how long the event log takes to filter a large synthetic trace (kind, block, text). Not a
 * test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.fabricscope.ui.eventlog.EventLogFilterBenchmark 5000000}.
 */
public final class EventLogFilterBenchmark {
    private EventLogFilterBenchmark() {}

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int blocks = 4096;
        List<Topology.BlockInfo> infos = new java.util.ArrayList<>();
        for (int b = 0; b < blocks; b++) {
            infos.add(new Topology.BlockInfo(b % 8, b % 4, "archive-" + (b % 16)));
        }
        TraceBuilder builder = new TraceBuilder(new TraceHeader(TraceHeader.FORMAT_NAME, TraceHeader.FORMAT_VERSION,
                "bench", "bench", Map.of(), 1, 1, PatchSwitches.NONE, new Topology(8, 4, infos)), events);
        EventKind[] kinds = EventKind.values();
        long x = 12345;
        for (int i = 0; i < events; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L; // fixed LCG: the same trace every run
            int r = (int) (x >>> 33);
            EventKind kind = kinds[Math.floorMod(r, kinds.length)];
            Field field = Field.values()[Math.floorMod(r >> 8, Field.count())];
            builder.event(i, Math.floorMod(r >> 12, blocks), 0, "actor-" + Math.floorMod(r >> 4, 32), kind, field,
                    0, Math.floorMod(r >> 20, 3), -1, 0);
        }
        Trace trace = builder.build();
        run("kind = FPRE004", EventFilter.of(trace, List.of(), List.of(), List.of(EventKind.FPRE004), ""), events);
        run("block = 7", EventFilter.of(trace, List.of(7), List.of(), List.of(), ""), events);
        run("text 'ready'", EventFilter.of(trace, List.of(), List.of(), List.of(), "ready"), events);
        run("text '17'", EventFilter.of(trace, List.of(), List.of(), List.of(), "17"), events);
    }

    private static void run(String name, EventFilter filter, int events) {
        int kept = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            kept = filter.apply(Progress.NONE).length;
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("%-16s %,d events -> %,d kept in %.1f ms (best of 5, %.1f M events/s)%n",
                name, events, kept, best / 1e6, events / (best / 1e9) / 1e6);
    }
}
