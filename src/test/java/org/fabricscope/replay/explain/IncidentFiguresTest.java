package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The incident's figures that need recorded traces (issue 12): compaction's part in legacy FPRE004s,
 * and what a quarantine does to the fabric and to its readers. Messages name seeds and attempts.
 */
class IncidentFiguresTest {
    private static final long SEED = 3;

    /**
     * Whether compaction set or refreshed a field of the FPRE004's inconsistent pair: the event that
     * gave a field of the pair its value (or that completed the stored pair) is compaction's, or is
     * a prefetch fill that compaction's refresh asked for.
     */
    static boolean compactionTookPart(Trace trace, Fpre004Explanation e) {
        List<Integer> origins = new ArrayList<>(e.pairOrigins());
        origins.add(e.completingSeq());
        for (int o : origins) {
            if (o < 0) {
                continue;
            }
            if (trace.kind(o).name().startsWith("COMPACT_")) {
                return true;
            }
            if (trace.kind(o).name().startsWith("PREFETCH_")) {
                int fill = o;
                while (fill >= 0 && trace.kind(fill) != EventKind.PREFETCH_START) {
                    fill = trace.cause(fill);
                }
                if (fill >= 0
                        && trace.cause(fill) >= 0
                        && trace.kind(trace.cause(fill)).name().startsWith("COMPACT_")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void compactionSetOrRefreshedAFieldOfThePairInAQuarterOfLegacyPilotRackFpre004s() throws Exception {
        Scenario s = Scenario.builtIn("pilot-rack");
        int attempts = 8;
        int total = 0;
        int withCompaction = 0;
        for (int a = 1; a <= attempts; a++) {
            Trace t = Simulator.run(s, SEED, a, PatchSwitches.NONE, true, Progress.NONE)
                    .trace();
            TraceIndex index = TraceIndex.build(t, Progress.NONE);
            for (int f : Fpre004Explanation.fpre004Seqs(index)) {
                total++;
                if (compactionTookPart(t, Fpre004Explanation.explain(index, f))) {
                    withCompaction++;
                }
            }
        }
        String msg = "pilot-rack legacy, base seed " + SEED + ", attempts 1.." + attempts + ": compaction took part in "
                + withCompaction + " of " + total + " FPRE004s";
        assertThat(total).as(msg).isGreaterThanOrEqualTo(60);
        assertThat(withCompaction * 4).as(msg).isGreaterThanOrEqualTo(total);
    }

    @Test
    void aQuarantineRemapsTheDriveAndSpikesTheReadLatencyOfTheAffectedArchives() throws Exception {
        Scenario s = Scenario.builtIn("pilot-rack");
        int attempt = 1;
        while (Simulator.run(s, SEED, attempt, PatchSwitches.NONE, false, Progress.NONE)
                        .stats()
                        .quarantines()
                == 0) {
            attempt++;
            assertThat(attempt)
                    .as("a legacy pilot-rack attempt with a quarantine, base seed " + SEED)
                    .isLessThan(200);
        }
        Trace t = Simulator.run(s, SEED, attempt, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        String where = "pilot-rack legacy, base seed " + SEED + ", attempt " + attempt;
        int quarantine = -1;
        int spike = -1;
        TreeSet<Integer> quarantined = new TreeSet<>();
        TreeSet<Integer> remapped = new TreeSet<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.QUARANTINE && spike < 0) {
                quarantine = quarantine < 0 ? i : quarantine;
                quarantined.add(t.block(i));
            } else if (t.kind(i) == EventKind.REMAP && spike < 0) {
                remapped.add(t.block(i));
            } else if (t.kind(i) == EventKind.LATENCY_SPIKE && spike < 0) {
                spike = i;
            }
        }
        assertThat(quarantine).as(where).isNotNegative();
        int retries = 0;
        for (int c = t.cause(quarantine); c >= 0; c = t.cause(c)) {
            if (t.kind(c) == EventKind.RETRY) {
                retries++;
            }
        }
        assertThat(retries).as(where + ": retries before the quarantine").isEqualTo(3);
        assertThat(remapped)
                .as(where + ": every block of the quarantined drive remapped")
                .isEqualTo(quarantined);
        assertThat(spike).as(where).isPositive();

        // Reads of the archives with a block on that drive: latency before the quarantine and during the spike.
        var blocks = t.header().topology().blocks();
        TreeSet<String> affected = new TreeSet<>();
        for (int b : quarantined) {
            affected.add(blocks.get(b).file());
        }
        long spikeStart = t.timeMicros(spike);
        long spikeEnd = spikeStart + Long.parseLong(s.get("latencySpikeDurationMicros"));
        Map<Integer, Long> issued = new HashMap<>();
        Map<Integer, String> fileOf = new HashMap<>();
        List<Long> before = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.READ_ISSUE) {
                issued.put(t.arg(i), t.timeMicros(i));
                fileOf.put(t.arg(i), blocks.get(t.block(i)).file());
            } else if (t.kind(i) == EventKind.READ_OK && issued.containsKey(t.arg(i))) {
                long at = issued.remove(t.arg(i));
                if (!affected.contains(fileOf.get(t.arg(i)))) {
                    continue;
                }
                if (at < t.timeMicros(quarantine)) {
                    before.add(t.timeMicros(i) - at);
                } else if (at >= spikeStart && at < spikeEnd) {
                    during.add(t.timeMicros(i) - at);
                }
            }
        }
        long p99Before = p99(before);
        long p99During = p99(during);
        String msg = where + ": " + affected.size() + " affected archives, read latency p99 before " + p99Before
                + " µs (" + before.size() + " reads), during the spike " + p99During + " µs (" + during.size()
                + " reads)";
        assertThat(during).as(msg).isNotEmpty();
        assertThat(p99During).as(msg).isGreaterThanOrEqualTo(Long.parseLong(s.get("latencySpikeMicros")));
        assertThat(p99Before).as(msg).isLessThan(p99During / 2);
    }

    private static long p99(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v[(int) Math.ceil(0.99 * v.length) - 1];
    }
}
