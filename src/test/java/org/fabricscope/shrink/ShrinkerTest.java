package org.fabricscope.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrinkerTest {
    private static Shrinker.Result canonical;

    @TempDir
    Path dir;

    @BeforeAll
    static void shrinkTheCanonicalReproduction() throws Exception {
        canonical = Shrinker.shrink(Scenario.builtIn("fpre004-repro"), 1, 6, PatchSwitches.NONE, Progress.NONE);
    }

    @Test
    void canonicalReproductionShrinksToAtMost300EventsWithTheSameInconsistentPair() throws Exception {
        assertThat(canonical.before().events()).isEqualTo(7644);
        assertThat(canonical.after().events()).isLessThanOrEqualTo(300);
        Fpre004Signature.Found original = Fpre004Signature.first(
                        Simulator.run(canonical.original(), 1, 6, PatchSwitches.NONE, true, Progress.NONE)
                                .trace())
                .orElseThrow();
        Fpre004Signature.Found shrunk =
                Fpre004Signature.first(canonical.trace()).orElseThrow();
        assertThat(original.seq()).isEqualTo(1245);
        assertThat(original.block()).isEqualTo(179);
        assertThat(shrunk.signature()).isEqualTo(original.signature());
        assertThat(shrunk.signature())
                .isEqualTo(new Fpre004Signature(
                        Mechanism.STORED_INCONSISTENCY,
                        PairKind.PENDING_WRITE,
                        Field.CACHE_STATE,
                        Field.LAST_WRITE_PENDING));
        assertThat(canonical.after().blocks()).isLessThan(canonical.before().blocks());
        assertThat(canonical.after().actors()).isLessThan(canonical.before().actors());
        assertThat(canonical.removed()).contains("compactionEnabled true → false", "nodes 3 → 1");
    }

    @Test
    void shrunkScenarioFileReRunsOnItsOwnByteIdentically() throws Exception {
        Path file = dir.resolve("shrunk.json");
        Files.writeString(file, canonical.shrunk().toFileText(), StandardCharsets.UTF_8);
        Scenario read = Scenario.load(file);
        assertThat(read.parameters()).isEqualTo(canonical.shrunk().parameters());
        Trace rerun = Simulator.run(
                        read, canonical.seed(), canonical.attempt(), PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        assertThat(bytes(rerun)).isEqualTo(bytes(canonical.trace()));
    }

    @Test
    void committedSampleIsWhatTheShrinkerReachesAndStillReproduces() throws Exception {
        Scenario sample = Scenario.load(Path.of("sample-scenarios/fpre004-shrunk.json"));
        assertThat(sample.parameters()).isEqualTo(canonical.shrunk().parameters());
        Trace t = Simulator.run(sample, 1, 6, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        assertThat(Fpre004Signature.first(t).orElseThrow().signature()).isEqualTo(canonical.signature());
        assertThat(t.size()).isLessThanOrEqualTo(300);
    }

    @Test
    void sameInputGivesTheSameShrunkScenario() throws Exception {
        Shrinker.Result again =
                Shrinker.shrink(Scenario.builtIn("fpre004-repro"), 1, 6, PatchSwitches.NONE, Progress.NONE);
        assertThat(again.shrunk()).isEqualTo(canonical.shrunk());
        assertThat(again.candidateRuns()).isEqualTo(canonical.candidateRuns());
    }

    @Test
    void aRunFailingByAnotherMechanismIsNotTheSameFailure() throws Exception {
        // Torn reads and stored inconsistencies of the same pair kind are different failures.
        Fpre004Signature stored = canonical.signature();
        Fpre004Signature torn =
                new Fpre004Signature(Mechanism.TORN_READ, stored.pairKind(), stored.firstField(), stored.secondField());
        assertThat(torn).isNotEqualTo(stored);
        Fpre004Signature otherPair =
                new Fpre004Signature(stored.mechanism(), PairKind.STALE_VERSION, Field.CACHE_STATE, Field.CHECKSUM);
        assertThat(otherPair).isNotEqualTo(stored);
        // A real torn-read FPRE004 found in attempts of the reproducer's scenario is refused as a target.
        Scenario s = Scenario.builtIn("fpre004-repro");
        Fpre004Signature.Found tornFound = null;
        int tornAttempt = -1;
        for (int attempt = 1; attempt <= 300 && tornFound == null; attempt++) {
            var r = Simulator.run(s, 1, attempt, PatchSwitches.NONE, false, Progress.NONE);
            if (r.stats().fpre004() == 0) {
                continue;
            }
            Fpre004Signature.Found f = Fpre004Signature.first(
                            Simulator.run(s, 1, attempt, PatchSwitches.NONE, true, Progress.NONE)
                                    .trace())
                    .orElseThrow();
            if (f.signature().mechanism() == Mechanism.TORN_READ) {
                tornFound = f;
                tornAttempt = attempt;
            }
        }
        assertThat(tornFound).isNotNull();
        assertThat(tornFound.signature()).isNotEqualTo(stored);
        Trace tornTrace = Simulator.run(s, 1, tornAttempt, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        assertThat(Shrinker.raisesSameFpre004(stored, tornTrace)).isFalse();
        assertThat(Shrinker.raisesSameFpre004(stored, canonical.trace())).isTrue();
        assertThat(Shrinker.raisesSameFpre004(tornFound.signature(), tornTrace)).isTrue();
        assertThat(Shrinker.raisesSameFpre004(tornFound.signature(), canonical.trace()))
                .isFalse();
        // Shrinking it keeps a torn read: the stored inconsistencies its candidates meet are refused.
        Shrinker.Result r = Shrinker.shrink(s, 1, tornAttempt, PatchSwitches.NONE, Progress.NONE);
        assertThat(r.signature()).isEqualTo(tornFound.signature());
        assertThat(Fpre004Signature.first(r.trace()).orElseThrow().signature().mechanism())
                .isEqualTo(Mechanism.TORN_READ);
    }

    @Test
    void aRunWithoutFpre004IsRefused() throws Exception {
        Scenario quiet = Scenario.builtIn("quiet").with("durationMicros", "5000");
        assertThatThrownBy(() -> Shrinker.shrink(quiet, 1, 1, PatchSwitches.NONE, Progress.NONE))
                .isInstanceOf(Shrinker.NoFpre004Exception.class)
                .hasMessageContaining("raises no FPRE004");
    }

    @Test
    void aRunFailingOnlyByGenuineMediaErrorsIsNotTheSameFailure() throws Exception {
        Scenario media = Scenario.builtIn("quiet")
                .with("durationMicros", "10000")
                .with("mediaErrorsPerMillionBlockReads", "1000000");
        var r = Simulator.run(media, 1, 1, PatchSwitches.NONE, true, Progress.NONE);
        assertThat(r.stats().mediaErrors()).isPositive();
        assertThat(r.stats().fpre004()).isZero();
        assertThat(Shrinker.raisesSameFpre004(canonical.signature(), r.trace())).isFalse();
    }

    @Test
    void ddminFindsAOneMinimalSubset() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(i);
        }
        List<Integer> result = Shrinker.ddmin(items, c -> c.contains(3) && c.contains(17) && c.contains(33));
        assertThat(result).containsExactly(3, 17, 33);
    }

    private static byte[] bytes(Trace t) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(t, out, Progress.NONE);
        return out.toByteArray();
    }
}
