package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The canonical fast path, with the general reader behind it, meets the {@link TraceSource}
 * contract; on the writer's own output it is the fast path that answers, and a bug in it shows.
 */
class FastPathContractTest extends TraceSourceContract {
    @Override
    TraceSource source(Path dir) {
        return TraceReader.direct();
    }

    /** A fallback that fails the test: the fast path must not have given the file up. */
    private static final TraceSource NO_FALLBACK = (file, progress) -> {
        throw new AssertionError("the fast path gave up on " + file);
    };

    @Test
    void theFastPathIsTakenOnTheWritersOwnOutput() throws Exception {
        Trace random = RandomTraces.generate(41, 20_000, 24);
        Path randomFile = dir.resolve("random.jsonl");
        TraceWriter.write(random, randomFile);
        TraceCacheFormatTest.assertIdentical(
                CanonicalTraceReader.before(NO_FALLBACK).load(randomFile, Progress.NONE), random);

        Trace simulated = Simulator.run(Scenario.builtIn("pilot-rack"), 1, 1, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        Path simulatedFile = dir.resolve("simulated.jsonl");
        TraceWriter.write(simulated, simulatedFile);
        TraceCacheFormatTest.assertIdentical(
                CanonicalTraceReader.before(NO_FALLBACK).load(simulatedFile, Progress.NONE), simulated);
    }

    @Test
    void theFastPathGivesUpOnlyWithNotCanonicalOnTheMalformedCorpus() {
        for (Path file : org.fabricscope.testsupport.MalformedCorpus.files()) {
            assertThatThrownBy(() -> CanonicalTraceReader.read(file, Progress.NONE))
                    .as("%s", file.getFileName())
                    .isInstanceOf(NotCanonicalException.class);
        }
    }

    @Test
    void aHandWrittenButValidFileIsGivenUpAndReadByTheGeneralReader() throws Exception {
        Path crlf = TraceReaderMalformedTest.resource("valid/crlf.jsonl");
        assertThatThrownBy(() -> CanonicalTraceReader.read(crlf, Progress.NONE))
                .isInstanceOf(NotCanonicalException.class);
        assertThat(TraceReader.direct().load(crlf, Progress.NONE).size())
                .isEqualTo(TraceReader.general().load(crlf, Progress.NONE).size());
    }

    @Test
    void aFailureInsideTheFastPathIsNotHiddenByTheGeneralReader() throws Exception {
        Path file = dir.resolve("t.jsonl");
        TraceWriter.write(RandomTraces.generate(42, 20_000, 8), file);
        // A progress that fails once: before, the fast path swallowed any runtime exception and
        // the general reader read the file again, so a bug there passed unseen.
        boolean[] failed = {false};
        Progress failsOnce = new Progress() {
            @Override
            public void update(long done, long total) {
                if (!failed[0]) {
                    failed[0] = true;
                    throw new IllegalStateException("a bug");
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        assertThatThrownBy(() -> TraceReader.direct().load(file, failsOnce))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
        assertThat(Files.size(file)).isPositive();
    }
}
