package org.fabricscope.trace.io;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/** Whatever the trace, reading its cache gives back exactly the trace that was cached. */
class TraceCacheRoundTripProperties {
    private static Trace throughCache(Trace trace) throws Exception {
        Path file = Files.createTempFile("cache-property", ".fscache");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                TraceCacheFormat.write(trace, TraceCacheFormatTest.SOURCE, out, Progress.NONE);
            }
            return TraceCacheFormat.read(file, TraceCacheFormatTest.SOURCE, Progress.NONE);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void anyBuiltTraceComesBackIdentical(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 5000) int events,
            @ForAll @IntRange(min = 0, max = 40) int blocks,
            @ForAll boolean exotic)
            throws Exception {
        Trace trace = exotic
                ? RandomTraces.generateWithExoticNames(seed, events, blocks)
                : RandomTraces.generate(seed, events, blocks);
        TraceCacheFormatTest.assertIdentical(throughCache(trace), trace);
    }

    @Property(tries = 25)
    void anySimulatedTraceComesBackIdentical(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 100_000) int attempt,
            @ForAll boolean reorder,
            @ForAll boolean barrier,
            @ForAll boolean backoff)
            throws Exception {
        Trace trace = Simulator.run(
                        Scenario.builtIn("fpre004-repro"),
                        seed,
                        attempt,
                        new PatchSwitches(reorder, barrier, backoff),
                        true,
                        Progress.NONE)
                .trace();
        TraceCacheFormatTest.assertIdentical(throughCache(trace), trace);
    }
}
