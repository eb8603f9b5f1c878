package org.fabricscope.sim.core;

import org.fabricscope.trace.EventIdentity;
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

    /** Null in ordinary runs: then nothing below costs anything. */
    private InterventionPlan plan;

    /** Null in ordinary runs; an explorer's choices of tie order (see {@link Choices}). */
    private Choices choices;

    private EventIdentity.Tracker identities;
    private long timersScheduled;
    private long firingTimer = -1;
    private long firingTimerSetMicros;
    private long firingShiftMicros;
    private int firingFirstSeq = -1;
    private long firingFirstId;
    private EventKind firingFirstKind;

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

    /**
     * Makes this run probe for, or apply, interventions (before anything is scheduled or emitted).
     * Timers are then numbered and every event's identity is tracked as it is emitted.
     */
    public void intervene(InterventionPlan plan) {
        if (events > 0 || timersScheduled > 0) {
            throw new IllegalStateException("interventions must be set before the run starts");
        }
        this.plan = plan;
        this.identities = new EventIdentity.Tracker();
    }

    /** Makes this run take the order of timers due at the same instant from {@code choices}. */
    public void explore(Choices choices) {
        this.choices = choices;
    }

    /**
     * True if the event an actor is about to emit is dropped by an intervention: the actor then
     * does not do what that event stands for. Always false in an ordinary run.
     */
    public boolean dropped(int block, String actor, EventKind kind, Field field, int cause) {
        return dropped(block, actor, kind, field, cause, 0);
    }

    /** {@link #dropped(int, String, EventKind, Field, int)} for an event whose {@code arg} is known. */
    public boolean dropped(int block, String actor, EventKind kind, Field field, int cause, int arg) {
        return plan != null && plan.drops(identities.peek(actor, kind, block, field, cause, arg));
    }

    /**
     * How much an intervention moved the timer now firing (µs, negative earlier; 0 in an ordinary
     * run), for events that record a duration (the ACK's jitter), so they say what really happened.
     */
    public long firingShiftMicros() {
        return plan == null ? 0 : firingShiftMicros;
    }

    private void schedule(long atMicros, Action action) {
        if (plan == null) {
            queue.add(atMicros, action);
            return;
        }
        long timer = timersScheduled++;
        long set = now;
        plan.noteScheduled(timer, firingTimer);
        if (plan.isHeld(timer)) {
            // A reorder: this step waits for its releasing event and then runs at that moment.
            plan.hold(timer, () -> {
                firingTimer = timer;
                firingTimerSetMicros = set;
                firingShiftMicros = now - atMicros;
                firingFirstSeq = -1;
                action.fire();
            });
            return;
        }
        long at = atMicros + plan.shiftOf(timer);
        long shift = Math.max(now, at) - Math.max(now, atMicros);
        queue.add(Math.max(now, at), () -> {
            firingTimer = timer;
            firingTimerSetMicros = set;
            firingShiftMicros = shift;
            firingFirstSeq = -1;
            action.fire();
        });
    }

    public Counters counters() {
        return counters;
    }

    public int eventCount() {
        return events;
    }

    /** Schedules {@code action} at absolute time {@code atMicros} (never before now). */
    public void at(long atMicros, Action action) {
        schedule(Math.max(now, atMicros), action);
    }

    /** Schedules {@code action} after {@code delayMicros} of real (simulated) time. */
    public void after(long delayMicros, Action action) {
        schedule(now + Math.max(0, delayMicros), action);
    }

    /**
     * Fires timers until none is left. Reports progress as simulated time against {@code
     * expectedEndMicros} and honours cancellation.
     */
    public void run(long expectedEndMicros) {
        long fired = 0;
        // Every timer should lead to events; a model bug that spins timers without recording
        // anything would otherwise never reach maxEvents.
        long maxTimers = 4 * maxEvents + 1_000_000;
        while (!queue.isEmpty()) {
            if (fired >= maxTimers) {
                throw new SimulationLimitException(
                        "run fired " + fired + " timers, more than 4 × maxEventsPerRun," + " at t=" + now + " µs");
            }
            now = checkForward(now, queue.peekTime());
            if (now > expectedEndMicros + DRAIN_LIMIT_MICROS) {
                throw new SimulationLimitException("run still busy " + DRAIN_LIMIT_MICROS
                        + " µs of simulated time after its workload ended (durationMicros " + expectedEndMicros + ")");
            }
            if (choices == null) {
                queue.poll().fire();
            } else if (choices.beforeTimer(now, events, queue)) {
                queue.pollChoosing(choices).fire();
            } else {
                return;
            }
            if (plan != null) {
                // Reordered steps run right after the step that released them, at the same time.
                for (Action held = plan.takeReleased(); held != null; held = plan.takeReleased()) {
                    held.fire();
                }
            }
            if (++fired % PROGRESS_EVERY_TIMERS == 0) {
                progress.checkCancelled();
                progress.update(Math.min(now, expectedEndMicros), expectedEndMicros);
            }
        }
    }

    /**
     * The clock's next reading: {@code nextMicros}, which must not be before {@code nowMicros}.
     * Simulated time only moves forward; a timer due in the past is a bug of the queue or a caller.
     */
    static long checkForward(long nowMicros, long nextMicros) {
        if (nextMicros < nowMicros) {
            throw new ModelAssertionError("time went backwards: a timer is due at t=" + nextMicros
                    + " µs, the clock is at t=" + nowMicros + " µs");
        }
        return nextMicros;
    }

    /** Records an event and returns its sequence number (its cause must be -1 or an earlier event). */
    public int emit(
            int block,
            int node,
            String actor,
            EventKind kind,
            Field field,
            int oldValue,
            int newValue,
            int cause,
            int arg) {
        if (events >= maxEvents) {
            throw new SimulationLimitException(
                    "run exceeded its limit of " + maxEvents + " events (maxEventsPerRun) at t=" + now + " µs");
        }
        if (cause < -1 || cause >= events) {
            throw new ModelAssertionError("event " + events + " (" + kind + " by " + actor + ") names cause " + cause
                    + ", which is not an earlier event");
        }
        int seq = events++;
        if (plan != null) {
            long id = identities.add(actor, kind, block, field, cause, arg);
            if (firingFirstSeq < 0) {
                firingFirstSeq = seq;
                firingFirstId = id;
                firingFirstKind = kind;
            }
            plan.noteEmitted(
                    id,
                    seq,
                    kind,
                    actor,
                    block,
                    now,
                    firingTimer,
                    firingTimerSetMicros,
                    firingFirstSeq,
                    firingFirstId,
                    firingFirstKind);
        }
        if (sink != null) {
            sink.event(now, block, node, actor, kind, field, oldValue, newValue, cause, arg);
        }
        return seq;
    }
}
