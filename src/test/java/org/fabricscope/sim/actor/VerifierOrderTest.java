package org.fabricscope.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The verifier's checks as the trace records them, read back run by run: which fields it reads in
 * which order (legacy and reordered), and when it raises FPRE004. Mutation testing showed that
 * nothing else notices a legacy verifier that never raises FPRE004 on its lastWritePending check.
 */
class VerifierOrderTest {
    private static final int READY = CacheState.READY.ordinal();
    /** On base seed 1 the legacy fabric raises its first FPRE004 on attempt 6, on lastWritePending. */
    private static final int LEGACY_FPRE004_ATTEMPT = 6;

    private static Simulator.Detailed run(int attempt, PatchSwitches patch) throws Exception {
        return Simulator.runDetailed(
                Scenario.builtIn(Scenario.DEFAULT_NAME), Scenario.DEFAULT_SEED, attempt, patch, true, Progress.NONE);
    }

    /** One verification: its checks in order (each caused by the one before), and what ended it. */
    private record Verification(List<Integer> checks, int ending) {
        List<Field> fields(Trace t) {
            return checks.stream().map(t::field).toList();
        }

        int seen(Trace t, Field f) {
            for (int c : checks) {
                if (t.field(c) == f) {
                    return t.newValue(c);
                }
            }
            throw new AssertionError("no check of " + f + " in " + fields(t));
        }
    }

    private static List<Verification> verifications(Trace t) {
        Map<Integer, List<Integer>> byLast = new LinkedHashMap<>();
        Map<Integer, Integer> endings = new LinkedHashMap<>();
        List<List<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            int cause = t.cause(i);
            List<Integer> run = cause >= 0 ? byLast.remove(cause) : null;
            if (t.kind(i) == EventKind.VERIFY_CHECK) {
                if (run == null) {
                    run = new ArrayList<>();
                    runs.add(run);
                }
                run.add(i);
                byLast.put(i, run);
            } else if (run != null) {
                endings.put(run.get(0), i);
            }
        }
        List<Verification> out = new ArrayList<>();
        for (List<Integer> run : runs) {
            out.add(new Verification(run, endings.getOrDefault(run.get(0), -1)));
        }
        return out;
    }

    @Test
    void legacyVerifierRaisesFpre004WhenItSawReadyAndThenLastWritePendingSet() throws Exception {
        Simulator.Detailed d = run(LEGACY_FPRE004_ATTEMPT, PatchSwitches.NONE);
        Trace t = d.result().trace();
        List<Verification> raised = verifications(t).stream()
                .filter(v -> v.ending() >= 0 && t.kind(v.ending()) == EventKind.FPRE004)
                .toList();

        assertThat(raised).isNotEmpty();
        Verification first = raised.get(0);
        assertThat(t.field(first.ending())).isEqualTo(Field.LAST_WRITE_PENDING);
        assertThat(first.seen(t, Field.CACHE_STATE)).isEqualTo(READY);
        assertThat(first.seen(t, Field.LAST_WRITE_PENDING)).isNotZero();
        assertThat(d.result().stats().firstFpre004Seq()).isEqualTo(first.ending());
        assertThat(d.result().stats().fpre004()).isEqualTo(raised.size());
        assertThat(java.util.Arrays.stream(d.files().fpre004).sum()).isEqualTo(raised.size());
        int nodeBit = 1 << t.node(first.ending());
        assertThat(java.util.Arrays.stream(d.files().fpre004NodeMask).anyMatch(mask -> (mask & nodeBit) != 0))
                .isTrue();
    }

    @Test
    void legacyVerifierReadsCacheStateFirstAndRaisesExactlyOnAReadyPendingPair() throws Exception {
        for (int attempt = 1; attempt <= LEGACY_FPRE004_ATTEMPT; attempt++) {
            Trace t = run(attempt, PatchSwitches.NONE).result().trace();
            for (Verification v : verifications(t)) {
                List<Field> fields = v.fields(t);
                boolean ready = t.newValue(v.checks().get(0)) == READY;
                List<Field> plan = ready
                        ? List.of(
                                Field.CACHE_STATE,
                                Field.CACHE_VERSION,
                                Field.CHECKSUM,
                                Field.LOCK_HOLDER,
                                Field.LAST_WRITE_PENDING)
                        : List.of(Field.CACHE_STATE, Field.LOCK_HOLDER, Field.LAST_WRITE_PENDING);
                assertThat(plan)
                        .as("attempt %d, checks %s", attempt, v.checks())
                        .startsWith(fields.toArray(Field[]::new));
                boolean fpre004 = v.ending() >= 0 && t.kind(v.ending()) == EventKind.FPRE004;
                if (fields.size() == plan.size()) {
                    boolean pendingPair = ready && v.seen(t, Field.LAST_WRITE_PENDING) != 0;
                    assertThat(fpre004 && t.field(v.ending()) == Field.LAST_WRITE_PENDING)
                            .as("attempt %d, checks %s", attempt, v.checks())
                            .isEqualTo(pendingPair);
                } else if (v.ending() >= 0) {
                    // Cut short: only a checksum mismatch stops the legacy order early.
                    assertThat(fpre004).isTrue();
                    assertThat(fields.get(fields.size() - 1)).isEqualTo(Field.CHECKSUM);
                }
            }
        }
    }

    @Test
    void reorderedVerifierReadsThePendingFlagAndLockFirstAndTheCacheOnlyWhenBothAreClear() throws Exception {
        PatchSwitches reorder = new PatchSwitches(true, false, false);
        int fromCache = 0;
        int toMedia = 0;
        for (int attempt = 1; attempt <= LEGACY_FPRE004_ATTEMPT; attempt++) {
            Trace t = run(attempt, reorder).result().trace();
            for (Verification v : verifications(t)) {
                List<Field> fields = v.fields(t);
                List<Field> plan = new ArrayList<>(List.of(Field.LAST_WRITE_PENDING, Field.LOCK_HOLDER));
                if (fields.size() >= 2
                        && t.newValue(v.checks().get(0)) == 0
                        && t.newValue(v.checks().get(1)) == 0) {
                    plan.add(Field.CACHE_STATE);
                    if (fields.size() >= 3 && t.newValue(v.checks().get(2)) == READY) {
                        plan.add(Field.CACHE_VERSION);
                        plan.add(Field.CHECKSUM);
                        fromCache++;
                    }
                }
                if (plan.size() == 2) {
                    toMedia++;
                }
                if (v.ending() >= 0 && t.kind(v.ending()) != EventKind.FPRE004) {
                    assertThat(fields)
                            .as("attempt %d, checks %s", attempt, v.checks())
                            .isEqualTo(plan);
                } else {
                    assertThat(plan).startsWith(fields.toArray(Field[]::new));
                }
                if (v.ending() >= 0 && t.kind(v.ending()) == EventKind.FPRE004) {
                    assertThat(t.field(v.ending())).isEqualTo(Field.CHECKSUM);
                }
            }
        }
        assertThat(fromCache).as("verifications served from the cache").isPositive();
        assertThat(toMedia).as("verifications that went to the media").isPositive();
    }
}
