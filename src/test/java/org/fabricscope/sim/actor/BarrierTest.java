package org.fabricscope.sim.actor;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.replay.BlockState;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The barrier switch, read back from the block states a trace records: under it neither the
 * prefetch engine nor compaction marks a buffer ready while a write holds the block, nor over a
 * buffer of another version. Without it the prefetch engine does (the control), which is the race
 * the switch closes.
 */
class BarrierTest {
    private static final int ATTEMPTS = 8;

    /** Counts of cache-ready events made while a write held the block, and of all of them. */
    private record Counts(int readyUnderWrite, int ready, int refreshUnderWrite, int refresh, int staleReady) {}

    private static Counts count(PatchSwitches patch) throws Exception {
        Scenario s = Scenario.builtIn(Scenario.DEFAULT_NAME);
        int readyUnderWrite = 0;
        int ready = 0;
        int refreshUnderWrite = 0;
        int refresh = 0;
        int staleReady = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Trace t = Simulator.run(s, Scenario.DEFAULT_SEED, attempt, patch, true, Progress.NONE)
                    .trace();
            TraceIndex index = TraceIndex.build(t, Progress.NONE);
            for (int i = 1; i < t.size(); i++) {
                EventKind k = t.kind(i);
                if (k == EventKind.PREFETCH_READY && t.field(i) == Field.CACHE_STATE) {
                    BlockState before = index.stateAt(t.block(i), i - 1);
                    ready++;
                    if (before.get(Field.LOCK_HOLDER) != 0) {
                        readyUnderWrite++;
                    }
                    if (before.get(Field.CACHE_VERSION) != before.get(Field.VERSION)) {
                        staleReady++;
                    }
                } else if (k == EventKind.COMPACT_REFRESH && t.kind(t.cause(i)) != EventKind.COMPACT_REFRESH) {
                    // The first event of a refresh: the state compaction looked at.
                    BlockState before = index.stateAt(t.block(i), i - 1);
                    refresh++;
                    if (before.get(Field.LOCK_HOLDER) != 0 || before.get(Field.LAST_WRITE_PENDING) != 0) {
                        refreshUnderWrite++;
                    }
                }
            }
        }
        return new Counts(readyUnderWrite, ready, refreshUnderWrite, refresh, staleReady);
    }

    @Test
    void withTheBarrierNoBufferIsMarkedReadyWhileAWriteHoldsTheBlock() throws Exception {
        Counts c = count(new PatchSwitches(false, true, false));

        assertThat(c.ready()).as("prefetch READY events").isPositive();
        assertThat(c.readyUnderWrite()).as("%s", c).isZero();
        assertThat(c.staleReady())
                .as("READY over a buffer of another version, %s", c)
                .isZero();
        assertThat(c.refreshUnderWrite()).as("%s", c).isZero();
    }

    @Test
    void withoutTheBarrierThePrefetchEngineMarksBuffersReadyDuringWrites() throws Exception {
        Counts c = count(PatchSwitches.NONE);

        assertThat(c.readyUnderWrite()).as("%s", c).isPositive();
    }
}
