package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fabricscope.sim.core.SimulationLimitException;
import org.fabricscope.sim.experiment.ReproFinder;
import org.fabricscope.sim.experiment.ReproResult;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceHeader;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static Trace record(String scenario, long seed, int attempt, PatchSwitches patch) throws Exception {
        return Simulator.run(Scenario.builtIn(scenario), seed, attempt, patch, true, Progress.NONE)
                .trace();
    }

    @Test
    void headerHoldsEverythingNeededToRerun() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        Trace t =
                Simulator.run(s, 42, 3, PatchSwitches.ALL, true, Progress.NONE).trace();
        TraceHeader h = t.header();
        assertThat(h.formatName()).isEqualTo(TraceHeader.FORMAT_NAME);
        assertThat(h.formatVersion()).isEqualTo(TraceHeader.FORMAT_VERSION);
        assertThat(h.simulatorVersion()).isEqualTo(Simulator.VERSION);
        assertThat(h.scenarioName()).isEqualTo("fpre004-repro");
        assertThat(h.parameters()).isEqualTo(s.parameters());
        assertThat(h.seed()).isEqualTo(42);
        assertThat(h.attempt()).isEqualTo(3);
        assertThat(h.patch()).isEqualTo(PatchSwitches.ALL);
        int blocks = 16 * 12 + 8;
        assertThat(h.topology().blockCount()).isEqualTo(blocks);
        assertThat(h.topology().files()).contains("archive-0", "file-x");
    }

    @Test
    void everyBlockStartsWithBlockInitEventsAtTimeZero() throws Exception {
        Trace t = record("quiet", 1, 1, PatchSwitches.NONE);
        int blocks = t.header().topology().blockCount();
        boolean[] versioned = new boolean[blocks];
        for (int i = 0; i < t.size() && t.kind(i) != EventKind.READ_BURST; i++) {
            if (t.kind(i) == EventKind.BLOCK_INIT) {
                assertThat(t.timeMicros(i)).isZero();
                if (t.field(i) == Field.VERSION) {
                    versioned[t.block(i)] = true;
                }
            }
        }
        for (boolean v : versioned) {
            assertThat(v).isTrue();
        }
    }

    @Test
    void writeAckCarriesItsJitterAndIsCausedByItsWriteIssue() throws Exception {
        Trace t = record("fpre004-repro", 5, 1, PatchSwitches.NONE);
        int acks = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.WRITE_ACK) {
                acks++;
                assertThat(t.arg(i)).isBetween(0, 7300);
                assertThat(t.kind(t.cause(i))).isEqualTo(EventKind.WRITE_ISSUE);
                assertThat(t.block(t.cause(i))).isEqualTo(t.block(i));
            }
        }
        assertThat(acks).isPositive();
    }

    @Test
    void fpre004IsCausedByTheCheckThatSawTheInconsistency() throws Exception {
        ReproResult r = ReproFinder.find(Scenario.builtIn("fpre004-repro"), 9, 60, PatchSwitches.NONE, Progress.NONE);
        assertThat(r.found()).as("fpre004-repro base seed 9").isTrue();
        Trace t = r.result().trace();
        int f = r.result().stats().firstFpre004Seq();
        assertThat(t.kind(f)).isEqualTo(EventKind.FPRE004);
        int check = t.cause(f);
        assertThat(t.kind(check)).isEqualTo(EventKind.VERIFY_CHECK);
        assertThat(t.field(check)).isEqualTo(t.field(f));
        assertThat(t.field(f)).isIn(Field.LAST_WRITE_PENDING, Field.CHECKSUM);
        int c = check;
        while (t.kind(c) == EventKind.VERIFY_CHECK) {
            c = t.cause(c);
        }
        assertThat(t.kind(c)).isEqualTo(EventKind.VERIFY_BEGIN);
    }

    @Test
    void reproducerAttemptIsSmallEnoughToStepThrough() throws Exception {
        Trace t = record("fpre004-repro", 1, 1, PatchSwitches.NONE);
        assertThat(t.size()).isBetween(5_000, 50_000);
    }

    @Test
    void sameInputsGiveIdenticalEventColumnsOverManySeeds() throws Exception {
        for (long seed = 1; seed <= 25; seed++) {
            for (PatchSwitches patch : new PatchSwitches[] {PatchSwitches.NONE, PatchSwitches.ALL}) {
                Trace a = record("fpre004-repro", seed, 2, patch);
                Trace b = record("fpre004-repro", seed, 2, patch);
                assertThat(b.size()).as("seed " + seed + " " + patch).isEqualTo(a.size());
                for (int i = 0; i < a.size(); i++) {
                    if (a.timeMicros(i) != b.timeMicros(i)
                            || a.block(i) != b.block(i)
                            || a.node(i) != b.node(i)
                            || !a.actor(i).equals(b.actor(i))
                            || a.kind(i) != b.kind(i)
                            || a.field(i) != b.field(i)
                            || a.oldValue(i) != b.oldValue(i)
                            || a.newValue(i) != b.newValue(i)
                            || a.cause(i) != b.cause(i)
                            || a.arg(i) != b.arg(i)) {
                        throw new AssertionError("seed " + seed + " patch " + patch + ": traces differ at event " + i);
                    }
                }
            }
        }
    }

    @Test
    void recordingDoesNotChangeWhatHappens() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        for (long seed = 1; seed <= 10; seed++) {
            RunStats recorded = Simulator.run(s, seed, 1, PatchSwitches.NONE, true, Progress.NONE)
                    .stats();
            RunStats counted = Simulator.run(s, seed, 1, PatchSwitches.NONE, false, Progress.NONE)
                    .stats();
            assertThat(counted).as("seed " + seed).isEqualTo(recorded);
        }
    }

    @Test
    void differentAttemptsDiffer() throws Exception {
        Trace a = record("fpre004-repro", 1, 1, PatchSwitches.NONE);
        Trace b = record("fpre004-repro", 1, 2, PatchSwitches.NONE);
        assertThat(a.size() == b.size() && a.endMicros() == b.endMicros()).isFalse();
    }

    @Test
    void eventLimitStopsTheRunWithAClearMessage() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro").with("maxEventsPerRun", "2000");
        assertThatThrownBy(() -> Simulator.run(s, 4, 1, PatchSwitches.NONE, false, Progress.NONE))
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("maxEventsPerRun")
                .hasMessageContaining("seed 4");
    }

    @Test
    void cancelledProgressStopsTheRun() throws Exception {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(
                        () -> Simulator.run(Scenario.builtIn("pilot-rack"), 1, 1, PatchSwitches.NONE, false, cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void quietScenarioRaisesNoMediaErrors() throws Exception {
        RunStats s = Simulator.run(Scenario.builtIn("quiet"), 1, 1, PatchSwitches.ALL, false, Progress.NONE)
                .stats();
        assertThat(s.reads()).isPositive();
        assertThat(s.mediaErrors()).isZero();
        assertThat(s.readsOk()).isEqualTo(s.reads());
    }
}
