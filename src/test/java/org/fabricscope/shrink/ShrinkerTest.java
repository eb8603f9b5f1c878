package org.fabricscope.shrink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
    @Test
    void canonicalReproductionShrinksToAtMost300EventsWithTheSamePair() throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        long t0 = System.nanoTime();
        Shrinker.Result r = Shrinker.shrink(s, 1, 6, PatchSwitches.NONE, Progress.NONE);
        System.out.println("SHRINK " + r.before() + " -> " + r.after() + " runs " + r.candidateRuns() + " ms "
                + (System.nanoTime() - t0) / 1_000_000 + " " + r.signature() + " removed " + r.removed()
                + " params " + r.shrunk().parameters());
        assertTrue(r.after().events() <= 300, "events " + r.after().events());
    }
}
