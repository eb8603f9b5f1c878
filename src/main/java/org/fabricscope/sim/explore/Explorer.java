package org.fabricscope.sim.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.check.InvariantChecker;
import org.fabricscope.sim.core.Choices;
import org.fabricscope.sim.core.EventQueue;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.ExploredSchedule;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Depth-first search over every choice sequence of a scenario within {@link ExploreBounds}, by
 * stateless re-execution: each schedule is a fresh simulator run fed a prefix of choices (the
 * first unexplored alternative of the previous schedule's deepest open choice point), then the
 * first value of every choice after it.
 *
 * <p><b>Reduction: state hashing.</b> Before each timer of a run past its forced prefix, while
 * choice points remain under the bound, and at the first timer after the bound is used up, the
 * whole state is fingerprinted ({@link StateHash}). A state whose sub-tree has already been explored
 * completely (the search has since backtracked above the choice point where it was first reached)
 * is not explored again: the run stops there. It is not skipped if reached now with fewer events
 * (a shorter counterexample could follow) or with more choice points left under {@code
 * maxChoices}. Everything a cut run did before the cut is still checked. Partial-order reduction
 * is not used: in this model two timers on different blocks do not always commute (compaction's
 * queue of rewritten blocks, shared streams and counters see their order).
 *
 * <p>Every run's trace is checked by the {@link InvariantChecker}; the first violation is kept.
 */
public final class Explorer {
    private static final int NEAREST_ATTEMPTS = 400;

    private final Scenario scenario;
    private final long seed;
    private final int attempt;
    private final PatchSwitches patch;
    private final ExploreBounds bounds;
    private final boolean reduction;
    private final long durationMicros;

    public Explorer(
            Scenario scenario, long seed, int attempt, PatchSwitches patch, ExploreBounds bounds, boolean reduction) {
        this.scenario = scenario;
        this.seed = seed;
        this.attempt = attempt;
        this.patch = patch;
        this.bounds = bounds;
        this.reduction = reduction;
        this.durationMicros = scenario.model().durationMicros;
    }

    /**
     * Explores. Reports runs so far as progress (total -1), and to an {@link ExploreProgress} the
     * distinct states and failing runs too; honours cancellation after every run.
     *
     * @throws org.fabricscope.trace.CancelledException when cancelled
     */
    public ExploreResult explore(Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        StateTable table = reduction ? new StateTable() : null;
        int[] prefix = new int[0];
        long runs = 0;
        long cut = 0;
        long failing = 0;
        int maxPoints = 0;
        boolean complete = true;
        Schedule shortest = null;
        Schedule violation = null;
        List<String> violations = List.of();
        while (true) {
            Run r = new Run(prefix, table);
            SimulationResult res = Simulator.runExplored(scenario, seed, attempt, patch, true, r);
            runs++;
            if (r.cut) {
                cut++;
            }
            maxPoints = Math.max(maxPoints, r.points.size());
            Schedule s = r.schedule(res);
            if (s.fails()) {
                failing++;
                if (shortest == null || s.eventsToFpre004() < shortest.eventsToFpre004()) {
                    shortest = s;
                }
            }
            if (violation == null) {
                InvariantChecker.Report report = InvariantChecker.check(res.trace());
                if (!report.ok()) {
                    violation = s;
                    violations = report.violations();
                }
            }
            // Every run polls for cancel (a volatile read), so Cancel and Ctrl+C stop the search
            // within one simulator run; progress goes out every 64 runs.
            p.checkCancelled();
            if ((runs & 63) == 0) {
                p.update(runs, -1);
                if (p instanceof ExploreProgress ep) {
                    ep.explored(runs, table == null ? 0 : table.size(), failing);
                }
            }
            int j = r.points.size() - 1;
            while (j >= 0 && r.points.get(j).chosen() == r.points.get(j).domain() - 1) {
                j--;
            }
            if (j < 0) {
                break;
            }
            if (runs >= bounds.maxSchedules()) {
                complete = false;
                break;
            }
            if (table != null) {
                table.backtrackTo(j);
            }
            prefix = new int[j + 1];
            for (int i = 0; i < j; i++) {
                prefix[i] = r.points.get(i).chosen();
            }
            prefix[j] = r.points.get(j).chosen() + 1;
        }
        p.update(runs, runs);
        if (p instanceof ExploreProgress ep) {
            ep.explored(runs, table == null ? 0 : table.size(), failing);
        }
        Schedule nearest = shortest == null ? null : nearestPassing(shortest, p);
        return new ExploreResult(
                scenario.name(),
                patch,
                bounds,
                reduction,
                runs,
                cut,
                table == null ? 0 : table.size(),
                complete,
                failing,
                shortest,
                nearest,
                violation,
                violations,
                maxPoints);
    }

    /**
     * A passing schedule one choice away from {@code failing}: the latest choice point whose change
     * avoids FPRE004 (later choices at their first value), so the two runs share the longest start.
     */
    private Schedule nearestPassing(Schedule failing, Progress p) {
        int tried = 0;
        int[] c = failing.choices();
        for (int i = c.length - 1; i >= 0 && tried < NEAREST_ATTEMPTS; i--) {
            for (int v = 0; v < failing.points().get(i).domain() && tried < NEAREST_ATTEMPTS; v++) {
                if (v == c[i]) {
                    continue;
                }
                int[] prefix = Arrays.copyOf(c, i + 1);
                prefix[i] = v;
                tried++;
                Run r = new Run(prefix, null);
                Schedule s = r.schedule(Simulator.runExplored(scenario, seed, attempt, patch, false, r));
                if (!s.fails()) {
                    return s;
                }
                p.checkCancelled();
            }
        }
        return null;
    }

    /** Re-runs one schedule (its choices) with a trace. */
    public SimulationResult replay(int[] choices) {
        Run r = new Run(choices, null);
        // The header names the schedule, so the trace says it is not the seeded run and
        // simulate --schedule can re-run it from the trace alone.
        ExploredSchedule stamp =
                new ExploredSchedule(bounds.jitterLevels(), bounds.maxChoices(), bounds.ties(), choices);
        return Simulator.runExplored(scenario, seed, attempt, patch, true, r, stamp);
    }

    /** The choices of one run: forced by its prefix, then each choice point's first value. */
    private final class Run implements Choices {
        private final int[] prefix;
        private final StateTable table;
        final List<ChoicePoint> points = new ArrayList<>();
        private int streams;
        private long now;
        /** The number of choice points when the state was last hashed, -1 before the first. */
        private int hashedAt = -1;

        boolean cut;

        Run(int[] prefix, StateTable table) {
            this.prefix = prefix;
            this.table = table;
        }

        private boolean open() {
            return points.size() < bounds.maxChoices();
        }

        private int next() {
            int i = points.size();
            return i < prefix.length ? prefix[i] : 0;
        }

        /** The forced index at this choice point, which must be one of its {@code count} values. */
        private int pick(int count) {
            int k = next();
            if (k >= count) {
                // Only a schedule from elsewhere (a schedule file) can name a value that is not there.
                throw new IllegalArgumentException("choice " + points.size() + " is index " + k
                        + ", but that choice point has only " + count + " values: the schedule does not fit this"
                        + " scenario");
            }
            return k;
        }

        @Override
        public int newStream() {
            return ++streams;
        }

        @Override
        public long uniform(int stream, long min, long max, long drawn) {
            if (bounds.jitterLevels() < 2 || !open()) {
                return drawn;
            }
            int count = Levels.uniformCount(min, max, bounds.jitterLevels());
            int k = pick(count);
            long v = Levels.uniform(min, max, k, count);
            points.add(new ChoicePoint(ChoicePoint.Kind.UNIFORM, stream, count, k, v, now));
            return v;
        }

        @Override
        public long exponential(int stream, double mean, long drawn) {
            if (bounds.jitterLevels() < 2 || !open()) {
                return drawn;
            }
            // Exponential draws are the clients' think times; every level that ends after the
            // workload leads to the same nothing (the client issues no more work), so those
            // levels count as one: the first of them.
            int count = 0;
            while (count < bounds.jitterLevels()
                    && now + Levels.exponential(mean, count, bounds.jitterLevels()) <= durationMicros) {
                count++;
            }
            if (count < bounds.jitterLevels()) {
                count++;
            }
            if (count < 2) {
                return Levels.exponential(mean, 0, bounds.jitterLevels());
            }
            int k = pick(count);
            long v = Levels.exponential(mean, k, bounds.jitterLevels());
            points.add(new ChoicePoint(ChoicePoint.Kind.EXPONENTIAL, stream, count, k, v, now));
            return v;
        }

        @Override
        public int tie(int count) {
            if (!bounds.ties() || !open()) {
                return 0;
            }
            int k = pick(count);
            points.add(new ChoicePoint(ChoicePoint.Kind.TIE, 0, count, k, k, now));
            return k;
        }

        @Override
        public boolean beforeTimer(long nowMicros, int events, EventQueue queue) {
            now = nowMicros;
            if (table == null || points.size() < prefix.length || (!open() && points.size() == hashedAt)) {
                return true;
            }
            // While choice points are open every timer is hashed: a state met again is cut before
            // the next choice branches. Once the bound is used up the rest of the run is fixed, so
            // only its first timer is hashed; hashing every timer of that tail made a schedule of
            // the shrunk reproducer 5 to 12 times as expensive (docs/BENCHMARK.md).
            hashedAt = points.size();
            long[] h = StateHash.of(nowMicros, queue);
            int left =
                    bounds.maxChoices() == Integer.MAX_VALUE ? Integer.MAX_VALUE : bounds.maxChoices() - points.size();
            if (table.visit(h, events, points.size(), left)) {
                return true;
            }
            cut = true;
            return false;
        }

        Schedule schedule(SimulationResult res) {
            int[] c = new int[points.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = points.get(i).chosen();
            }
            return new Schedule(
                    c, points, (int) res.stats().events(), res.stats().firstFpre004Seq());
        }
    }

    /** Hashed states, and which of them have had their whole sub-tree explored. */
    private static final class StateTable {
        private static final class Entry {
            int minEvents;
            int choicesLeft;
            int reachedAt;
            boolean complete;
        }

        private final Map<Key, Entry> states = new HashMap<>();
        private final List<Entry> open = new ArrayList<>();

        private record Key(long a, long b) {}

        int size() {
            return states.size();
        }

        /** True to go on from this state; false if it has been explored already. */
        boolean visit(long[] h, int events, int reachedAt, int choicesLeft) {
            Key k = new Key(h[0], h[1]);
            Entry e = states.get(k);
            if (e != null && e.complete && e.minEvents <= events && e.choicesLeft >= choicesLeft) {
                return false;
            }
            if (e == null) {
                e = new Entry();
                states.put(k, e);
            } else if (!e.complete) {
                return true; // being explored right now, further up this very search
            }
            e.minEvents = e.complete ? Math.min(e.minEvents, events) : events;
            e.choicesLeft = e.complete ? Math.max(e.choicesLeft, choicesLeft) : choicesLeft;
            e.reachedAt = reachedAt;
            e.complete = false;
            open.add(e);
            return true;
        }

        /** The search now changes choice point {@code j}: sub-trees entered after it are done. */
        void backtrackTo(int j) {
            for (int i = open.size() - 1; i >= 0; i--) {
                Entry e = open.get(i);
                if (e.reachedAt > j) {
                    e.complete = true;
                    open.remove(i);
                }
            }
        }
    }
}
