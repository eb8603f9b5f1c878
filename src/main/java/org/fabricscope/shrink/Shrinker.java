package org.fabricscope.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.core.IdSet;
import org.fabricscope.sim.core.SimulationLimitException;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * Shrinks a run that raises FPRE004 to a small scenario that raises it by the same mechanism
 * ({@link Fpre004Signature}: same mechanism, same rule broken, same pair of fields in the same order).
 *
 * <p>Every candidate is a real simulator run on the same seed and attempt. The phases:
 * <ol>
 *   <li><b>Time.</b> {@code durationMicros} is cut to just after the FPRE004; clients and compaction
 *       start no new work after it (in-flight work still completes, so the late ACK stays in the
 *       trace). This leaves every event before the FPRE004 unchanged. It is redone after each phase.
 *   <li><b>Parameters</b>, by delta debugging (ddmin): each parameter of {@link #SHRINKABLE} that is
 *       above its smallest value is a "feature"; ddmin finds a 1-minimal set of features that must
 *       keep their value, every other one going to its smallest (one node, one drive, one archive of
 *       two blocks, one client, bursts of one, no prefetch depth, no compaction, no media errors, no
 *       clock skew, no jitter, ...). Then each kept numeric parameter (the ACK jitter among them) is
 *       bisected down to the smallest value that still reproduces.
 *   <li><b>Operations</b>, by ddmin over the workload's individual operations: read bursts, read
 *       transactions, writes and compaction passes, left out through the scenario parameters
 *       {@code readBurstsSkipped}, {@code readTransactionsSkipped}, {@code writesSkipped} and
 *       {@code compactionPassesSkipped}. A left-out operation keeps its number and random draws, so
 *       the others keep their timing until they meet what it would have done.
 * </ol>
 * A candidate is accepted only if it reproduces and its trace is no longer than the best so far.
 * Everything is sequential and depends only on the input, so the same input gives the same shrunk
 * scenario. The result is an ordinary scenario (every parameter written out) plus the same seed and
 * attempt.
 */
public final class Shrinker {
    /** Parameters ddmin may take down to their catalogue minimum (booleans to false), in this order. */
    public static final List<String> SHRINKABLE = List.of(
            "nodes",
            "drivesPerNode",
            "archiveCount",
            "archiveBlocks",
            "fileXBlocks",
            "readClients",
            "writeClients",
            "readBurstSize",
            "misalignedReadPercent",
            "prefetchDepthBlocks",
            "compactionEnabled",
            "hotArchiveReadPercent",
            "hotArchiveWritePercent",
            "mediaErrorsPerMillionBlockReads",
            "clockOffsetMicrosMax",
            "clockDriftPpmMax",
            "ackJitterMicrosMax",
            "retryLimit",
            "latencySpikeMicros",
            "latencySpikeDurationMicros");

    private static final List<String> OPERATION_SETS =
            List.of("readBurstsSkipped", "readTransactionsSkipped", "writesSkipped", "compactionPassesSkipped");

    /** Before/after figures of a run: events, blocks, actors, simulated time span. */
    public record Figures(int events, int blocks, int actors, long durationMicros) {
        static Figures of(Trace t) {
            return new Figures(
                    t.size(), t.header().topology().blockCount(), t.actorCount(), t.size() == 0 ? 0 : t.endMicros());
        }
    }

    /**
     * The outcome: the shrunk scenario (re-run it with {@code seed} and {@code attempt}), its trace,
     * the FPRE004 both share, figures, what was removed (one line each) and how many candidate runs
     * it took.
     */
    public record Result(
            Scenario original,
            Scenario shrunk,
            long seed,
            int attempt,
            PatchSwitches patch,
            Fpre004Signature signature,
            Trace trace,
            int fpreSeq,
            int fpreBlock,
            Figures before,
            Figures after,
            List<String> removed,
            int candidateRuns) {}

    /** The run to shrink raises no FPRE004. */
    public static final class NoFpre004Exception extends Exception {
        NoFpre004Exception(String message) {
            super(message);
        }
    }

    private final long seed;
    private final int attempt;
    private final PatchSwitches patch;
    private final Progress progress;
    private final Progress runProgress;
    private Fpre004Signature target;
    private Best best;
    private int runs;
    private String originalDuration;

    private record Best(Scenario scenario, Trace trace, Fpre004Signature.Found found) {}

    private Shrinker(long seed, int attempt, PatchSwitches patch, Progress progress) {
        this.seed = seed;
        this.attempt = attempt;
        this.patch = patch;
        this.progress = progress;
        // Candidate runs only listen for Cancel; the shrink reports its own progress.
        this.runProgress = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    /**
     * Shrinks attempt {@code attempt} of {@code scenario} from base seed {@code seed}.
     *
     * @throws NoFpre004Exception if that run raises no FPRE004
     * @throws org.fabricscope.trace.CancelledException when cancelled
     */
    public static Result shrink(Scenario scenario, long seed, int attempt, PatchSwitches patch, Progress progress)
            throws NoFpre004Exception {
        return new Shrinker(seed, attempt, patch, progress).run(scenario);
    }

    private Result run(Scenario original) throws NoFpre004Exception {
        progress.phase("Running the original");
        SimulationResult first = Simulator.run(original, seed, attempt, patch, true, runProgress);
        runs++;
        Optional<Fpre004Signature.Found> found = Fpre004Signature.first(first.trace());
        if (found.isEmpty()) {
            throw new NoFpre004Exception("attempt " + attempt + " of scenario " + original.name() + " (seed " + seed
                    + ") raises no FPRE004: nothing to shrink");
        }
        target = found.get().signature();
        originalDuration = original.get("durationMicros");
        best = new Best(original, first.trace(), found.get());
        Figures before = Figures.of(first.trace());

        progress.phase("Cutting the duration");
        progress.update(0, 100);
        cutDuration();
        progress.phase("Shrinking parameters (ddmin)");
        shrinkParameters(progress.part(0.02, 0.35));
        cutDuration();
        progress.phase("Shrinking parameter values");
        refineValues(progress.part(0.35, 0.5));
        cutDuration();
        progress.phase("Shrinking operations (ddmin)");
        shrinkOperations(progress.part(0.5, 0.95));
        cutDuration();
        progress.phase("Shrinking parameter values again");
        refineValues(progress.part(0.95, 1));
        cutDuration();
        progress.update(100, 100);

        Scenario shrunk = best.scenario().named(original.name() + "-shrunk");
        // The final trace is the shrunk scenario's own run, under its own name: what a re-run gives.
        SimulationResult last = Simulator.run(shrunk, seed, attempt, patch, true, runProgress);
        runs++;
        Fpre004Signature.Found lastFound = Fpre004Signature.first(last.trace())
                .filter(f -> f.signature().equals(target))
                .orElseThrow(() -> new IllegalStateException("the shrunk scenario no longer reproduces"));
        return new Result(
                original,
                shrunk,
                seed,
                attempt,
                patch,
                target,
                last.trace(),
                lastFound.seq(),
                lastFound.block(),
                before,
                Figures.of(last.trace()),
                removed(original, shrunk, first.trace()),
                runs);
    }

    // ------------------------------------------------------------------ candidates

    /**
     * Runs a candidate; if it raises the target FPRE004, cuts its duration to just after it and makes
     * it the best when its trace is no longer than the best's. Returns true if accepted.
     */
    private boolean tryCandidate(Scenario candidate) {
        progress.checkCancelled();
        runs++;
        SimulationResult quick;
        try {
            quick = Simulator.run(candidate, seed, attempt, patch, false, runProgress);
        } catch (SimulationLimitException e) {
            return false;
        }
        // A run whose first FPRE004 comes after as many events as the best trace holds cannot beat it.
        if (quick.stats().fpre004() == 0
                || quick.stats().firstFpre004Seq() >= best.trace().size()) {
            return false;
        }
        Scenario cut;
        try {
            Fpre004Signature.Found f = recordFirst(candidate);
            if (f == null) {
                return false;
            }
            cut = candidate.with("durationMicros", Long.toString(cutAfter(f.timeMicros(), candidate)));
        } catch (ScenarioException e) {
            return false;
        }
        SimulationResult r = Simulator.run(cut, seed, attempt, patch, true, runProgress);
        runs++;
        Optional<Fpre004Signature.Found> f = Fpre004Signature.first(r.trace());
        if (f.isEmpty()
                || !f.get().signature().equals(target)
                || r.trace().size() > best.trace().size()) {
            return false;
        }
        best = new Best(cut, r.trace(), f.get());
        return true;
    }

    /**
     * The shrinker's acceptance test: true if the first FPRE004 of {@code trace} has the signature
     * {@code target}. A run that fails otherwise (a genuine media error, an FPRE004 by the other
     * mechanism or of another pair) is not the same failure.
     */
    public static boolean raisesSameFpre004(Fpre004Signature target, Trace trace) {
        return Fpre004Signature.first(trace)
                .filter(f -> f.signature().equals(target))
                .isPresent();
    }

    private Fpre004Signature.Found recordFirst(Scenario s) {
        SimulationResult r = Simulator.run(s, seed, attempt, patch, true, runProgress);
        runs++;
        Optional<Fpre004Signature.Found> f = Fpre004Signature.first(r.trace());
        return f.isPresent() && f.get().signature().equals(target) ? f.get() : null;
    }

    private static long cutAfter(long fpreMicros, Scenario s) {
        long current = Long.parseLong(s.get("durationMicros"));
        return Math.min(current, Math.max(1_000, fpreMicros + 1));
    }

    private void cutDuration() {
        try {
            long cut = cutAfter(best.found().timeMicros(), best.scenario());
            if (cut < Long.parseLong(best.scenario().get("durationMicros"))) {
                tryCandidate(best.scenario().with("durationMicros", Long.toString(cut)));
            }
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ parameters

    private record Feature(String name, String smallest) {}

    private void shrinkParameters(Progress part) {
        Scenario base0 = best.scenario();
        Scenario base;
        try {
            base = base0.with("durationMicros", originalDuration);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
        List<Feature> features = new ArrayList<>();
        for (String name : SHRINKABLE) {
            String smallest = smallest(name);
            if (!base.get(name).equals(smallest)) {
                features.add(new Feature(name, smallest));
            }
        }
        int[] tried = {0};
        // The features that must keep their value; every other one goes to its smallest.
        ddmin(features, kept -> {
            part.update(Math.min(++tried[0], 60), 60);
            Scenario c = base;
            try {
                for (Feature f : features) {
                    if (!kept.contains(f)) {
                        c = c.with(f.name(), f.smallest());
                    }
                }
                // Operations are numbered per run; new parameters renumber them.
                for (String set : OPERATION_SETS) {
                    c = c.with(set, "");
                }
            } catch (ScenarioException e) {
                return false;
            }
            // The original duration, not the cut one: smaller parameters may need longer to fail.
            return tryCandidate(c);
        });
    }

    private void refineValues(Progress part) {
        int i = 0;
        for (String name : SHRINKABLE) {
            part.update(i++, SHRINKABLE.size());
            ParameterSpec spec = spec(name);
            if (spec.type() != ParameterSpec.Type.INTEGER) {
                continue;
            }
            long lo = (long) spec.min();
            long hi = Long.parseLong(best.scenario().get(name));
            // lo is known (or assumed) not to reproduce; hi reproduces. Bisect.
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                Scenario c;
                try {
                    c = best.scenario().with(name, Long.toString(mid));
                } catch (ScenarioException e) {
                    break;
                }
                if (tryCandidate(c)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
        }
    }

    private static String smallest(String name) {
        ParameterSpec spec = spec(name);
        switch (spec.type()) {
            case BOOLEAN:
                return "false";
            case DECIMAL:
                return "0";
            default:
                return Long.toString((long) spec.min());
        }
    }

    private static ParameterSpec spec(String name) {
        for (ParameterSpec p : Scenario.catalog()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(name);
    }

    // ------------------------------------------------------------------ operations

    /** One workload operation: which set it is skipped through, and its number. */
    private record Op(String set, long id) {}

    private void shrinkOperations(Progress part) {
        Scenario base = best.scenario();
        Trace t = best.trace();
        List<Op> ops = new ArrayList<>();
        long bursts = 0;
        long transactions = 0;
        long writes = 0;
        for (int s = 0; s < t.size(); s++) {
            EventKind k = t.kind(s);
            if (k == EventKind.READ_BURST) {
                bursts++;
            } else if (k == EventKind.READ_ISSUE) {
                transactions = Math.max(transactions, t.arg(s));
            } else if (k == EventKind.WRITE_ISSUE) {
                writes = Math.max(writes, t.arg(s));
            }
        }
        long passes = 0;
        if (base.get("compactionEnabled").equals("true")) {
            long nodes = Long.parseLong(base.get("nodes"));
            long duration = Long.parseLong(base.get("durationMicros"));
            long interval = Long.parseLong(base.get("compactionIntervalMicros"));
            // A generous bound on the passes that can start: clocks drift by at most 0.1 %.
            passes = nodes * (duration / interval + 2);
        }
        addOps(ops, "readBurstsSkipped", bursts);
        addOps(ops, "readTransactionsSkipped", transactions);
        addOps(ops, "writesSkipped", writes);
        addOps(ops, "compactionPassesSkipped", passes);
        int[] tried = {0};
        ddmin(ops, kept -> {
            part.update(Math.min(++tried[0], 300), 300);
            Scenario c = best.scenario();
            try {
                for (String set : OPERATION_SETS) {
                    List<Long> skipped = new ArrayList<>();
                    for (Op op : ops) {
                        if (op.set().equals(set) && !kept.contains(op)) {
                            skipped.add(op.id());
                        }
                    }
                    c = c.with(
                            set,
                            IdSet.ofIds(skipped.stream()
                                            .mapToLong(Long::longValue)
                                            .toArray())
                                    .toString());
                }
            } catch (ScenarioException e) {
                // Too many ranges to write in one parameter: not a candidate.
                return false;
            }
            return tryCandidate(c);
        });
    }

    private static void addOps(List<Op> ops, String set, long count) {
        for (long id = 1; id <= count; id++) {
            ops.add(new Op(set, id));
        }
    }

    // ------------------------------------------------------------------ ddmin

    /**
     * Zeller's ddmin: a 1-minimal subset of {@code items} for which {@code test} holds, assuming it
     * holds for all of them. Subsets are tried before complements, in list order, so the result
     * depends only on the items and the test.
     */
    static <T> List<T> ddmin(List<T> items, Predicate<List<T>> test) {
        List<T> c = new ArrayList<>(items);
        if (c.isEmpty() || test.test(List.of())) {
            return List.of();
        }
        int n = 2;
        while (c.size() >= 2) {
            List<List<T>> chunks = split(c, n);
            boolean reduced = false;
            for (List<T> chunk : chunks) {
                if (test.test(chunk)) {
                    c = chunk;
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced && n > 2) {
                for (int i = 0; i < chunks.size(); i++) {
                    List<T> complement = new ArrayList<>();
                    for (int j = 0; j < chunks.size(); j++) {
                        if (j != i) {
                            complement.addAll(chunks.get(j));
                        }
                    }
                    if (test.test(complement)) {
                        c = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                        break;
                    }
                }
            }
            if (!reduced) {
                if (n >= c.size()) {
                    break;
                }
                n = Math.min(c.size(), 2 * n);
            }
        }
        if (c.size() == 1 && test.test(List.of())) {
            return List.of();
        }
        return c;
    }

    private static <T> List<List<T>> split(List<T> c, int n) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (c.size() - start) / (n - i);
            chunks.add(new ArrayList<>(c.subList(start, end)));
            start = end;
        }
        return chunks;
    }

    // ------------------------------------------------------------------ report

    private static List<String> removed(Scenario original, Scenario shrunk, Trace originalTrace) {
        List<String> lines = new ArrayList<>();
        for (ParameterSpec spec : Scenario.catalog()) {
            String before = original.get(spec.name());
            String after = shrunk.get(spec.name());
            if (before.equals(after)) {
                continue;
            }
            if (spec.type() == ParameterSpec.Type.ID_SET) {
                long n =
                        IdSet.parse(after, (long) spec.min(), (long) spec.max()).size();
                lines.add(n + " " + spec.unit() + " left out (" + spec.name() + " " + after + ")");
            } else {
                lines.add(spec.name() + " " + before + " → " + after);
            }
        }
        return lines;
    }
}
