package org.fabricscope.sim.core;

import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceSink;

/**
 * The clock, the timer queue and the event recorder of one run. Single-threaded: one engine per
 * run, and nothing in it is shared.
 *
 * <p>Rules: simulated time is a {@code long} of microseconds and only moves forward, to the time of
 * the timer being fired; timers due at the same time fire in scheduling order; every event gets
 * the next sequence number whether or not a trace is being recorded, so causes are the same in
 * recorded and unrecorded runs. Limits: at most {@code maxEvents} events, {@code maxQueueSize}
 * pending timers, and {@link #DRAIN_LIMIT_MICROS} of simulated time after the workload's end;
 * exceeding any throws {@link SimulationLimitException}.
 */
public final class Engine {
    private static final int PROGRESS_EVERY_TIMERS = 1 << 14;
    /**
     * Simulated time a run may take to drain after its workload ends: longer than the slowest
     * retry sequence and latency spike the catalogue allows, so only a runaway model reaches it.
     */
    public static final long DRAIN_LIMIT_MICROS = 1_000_000_000L;

    private final EventQueue queue;
    private final TraceSink sink;
    private final long maxEvents;
    private final Progress progress;
    private final Counters counters = new Counters();
    private long now;
    private int events;

    /**
     * @param sink where events go, or {@code null} to only count them
     */
    public Engine(TraceSink sink, long maxEvents, int maxQueueSize, Progress progress) {
        this.sink = sink;
        this.maxEvents = maxEvents;
        this.queue = new EventQueue(maxQueueSize);
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public long now() {
        return now;
    }

    public Counters counters() {
        return counters;
    }

    public int eventCount() {
        return events;
    }

    /** Schedules {@code action} at absolute time {@code atMicros} (never before now). */
    public void at(long atMicros, Action action) {
        queue.add(Math.max(now, atMicros), action);
    }

    /** Schedules {@code action} after {@code delayMicros} of real (simulated) time. */
    public void after(long delayMicros, Action action) {
        queue.add(now + Math.max(0, delayMicros), action);
    }

    /**
     * Fires timers until none is left. Reports progress as simulated time against {@code
     * expectedEndMicros} and honours cancellation.
     */
    public void run(long expectedEndMicros) {
        long fired = 0;
        while (!queue.isEmpty()) {
            now = queue.peekTime();
            if (now > expectedEndMicros + DRAIN_LIMIT_MICROS) {
                throw new SimulationLimitException("run still busy " + DRAIN_LIMIT_MICROS
                        + " µs of simulated time after its workload ended (durationMicros " + expectedEndMicros + ")");
            }
            queue.poll().fire();
            if (++fired % PROGRESS_EVERY_TIMERS == 0) {
                progress.checkCancelled();
                progress.update(Math.min(now, expectedEndMicros), expectedEndMicros);
            }
        }
    }

    /** Records an event and returns its sequence number. */
    public int emit(
            int block, int node, String actor, EventKind kind, Field field, int oldValue, int newValue, int cause,
            int arg) {
        if (events >= maxEvents) {
            throw new SimulationLimitException(
                    "run exceeded its limit of " + maxEvents + " events (maxEventsPerRun) at t=" + now + " µs");
        }
        int seq = events++;
        if (sink != null) {
            sink.event(now, block, node, actor, kind, field, oldValue, newValue, cause, arg);
        }
        return seq;
    }
}
