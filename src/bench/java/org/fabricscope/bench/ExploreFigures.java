package org.fabricscope.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fabricscope.sim.explore.ExploreBounds;
import org.fabricscope.sim.explore.ExploreResult;
import org.fabricscope.sim.explore.Explorer;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;

/**
 * Exploration figures on the explore-minimal sample scenario (seed 2, 8 levels, every choice point
 * and tie): schedules per second with state hashing (legacy and patched together), and the
 * reduction, naive schedules / explored schedules on the same bound (legacy and patched summed).
 */
final class ExploreFigures {
    private ExploreFigures() {}

    static Map<String, Object> measure() throws Exception {
        Scenario s = Scenario.load(Path.of("sample-scenarios/explore-minimal.json"));
        ExploreBounds b = ExploreBounds.of(8);
        long reduced = 0;
        long naive = 0;
        long nanos = 0;
        for (PatchSwitches p : new PatchSwitches[] {PatchSwitches.NONE, PatchSwitches.ALL}) {
            long t0 = System.nanoTime();
            ExploreResult r = new Explorer(s, 2, 1, p, b, true).explore(Progress.NONE);
            nanos += System.nanoTime() - t0;
            reduced += r.runs();
            naive += new Explorer(s, 2, 1, p, b, false).explore(Progress.NONE).runs();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("explore_schedules_per_s", reduced / (nanos / 1e9));
        m.put("explore_reduction", (double) naive / reduced);
        return m;
    }
}
