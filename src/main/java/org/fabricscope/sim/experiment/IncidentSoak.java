package org.fabricscope.sim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fabricscope.sim.core.FileStats;
import org.fabricscope.sim.core.LatencyHistogram;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * A {@link Soak} that also keeps, per file and node (a "tile" of the incident dashboard), how many
 * FPRE004s fell there and the first attempt and event that raised one, and the prefetch latency
 * histogram. The attempts are summed in
 * attempt order, so the first failing attempt of a tile, and the whole map, are the same for any
 * thread count; re-running that attempt with recording gives the same event at the same number.
 */
public final class IncidentSoak {
    private IncidentSoak() {}

    /** Soaks {@code scenario} as {@link Soak#run} does and maps its FPRE004s per file and node. */
    public static IncidentMap run(
            Scenario scenario, long seed, long reads, PatchSwitches patch, int threads, Progress progress) {
        int nodes = scenario.model().nodes;
        int files = scenario.model().archiveCount + 1;
        long[] count = new long[files * nodes];
        int[] firstAttempt = new int[files * nodes];
        int[] firstSeq = new int[files * nodes];
        Arrays.fill(firstAttempt, -1);
        Arrays.fill(firstSeq, -1);
        LatencyHistogram latency = new LatencyHistogram();
        SoakResult soak = Soak.run(scenario, seed, reads, patch, threads, progress, (d, attempt) -> {
            latency.addAll(d.prefetchLatency());
            FileStats f = d.files();
            for (int file = 0; file < Math.min(files, f.files()); file++) {
                for (int node = 0; node < Math.min(nodes, f.nodes()); node++) {
                    long n = f.tileFpre004(file, node);
                    if (n == 0) {
                        continue;
                    }
                    int t = file * nodes + node;
                    count[t] += n;
                    if (firstAttempt[t] < 0) {
                        firstAttempt[t] = attempt;
                        firstSeq[t] = f.tileFirstFpre004Seq(file, node);
                    }
                }
            }
        });
        List<String> names = new ArrayList<>();
        List<IncidentMap.Tile> tiles = new ArrayList<>();
        for (int file = 0; file < files; file++) {
            // The fabric's naming (Fabric): the archives in order, then file X.
            String name = file == files - 1 ? "file-x" : "archive-" + file;
            names.add(name);
            for (int node = 0; node < nodes; node++) {
                int t = file * nodes + node;
                tiles.add(new IncidentMap.Tile(name, node, count[t], firstAttempt[t], firstSeq[t]));
            }
        }
        long[] counts = latency.bucketCounts();
        int last = counts.length - 1;
        while (last >= 0 && counts[last] == 0) {
            last--; // keep the histogram up to its last non-empty bucket
        }
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            buckets.add(counts[i]);
        }
        return new IncidentMap(scenario.name(), seed, patch, soak, nodes, names, tiles, buckets);
    }
}
