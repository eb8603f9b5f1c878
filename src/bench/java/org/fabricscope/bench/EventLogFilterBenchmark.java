package org.fabricscope.bench;

import java.util.List;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.eventlog.EventFilter;

/**
 * {@code bench event-log-filter [EVENTS]}: prints how long the event log takes to filter a large
 * synthetic trace (kind, block, text).
 */
final class EventLogFilterBenchmark {
    private EventLogFilterBenchmark() {}

    static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        Trace trace = PanelsStepBenchmark.syntheticTrace(events);
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
        System.out.printf(
                "%-16s %,d events -> %,d kept in %.1f ms (best of 5, %.1f M events/s)%n",
                name, events, kept, best / 1e6, events / (best / 1e9) / 1e6);
    }
}
