package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fabricscope.testsupport.Fifos;
import org.fabricscope.trace.io.FileKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} and {@code shrink} given a FIFO nobody writes to (or reads from): before, opening
 * it blocked forever; now each refuses it in one line naming the file, exit 2, and leaves it a
 * FIFO. The time-outs only keep a regression from hanging the build (a thread blocked opening a
 * FIFO cannot be interrupted); no test asserts a duration.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongCommandFifoTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private Path fifo;

    @BeforeEach
    void makeFifo() throws Exception {
        try {
            fifo = Fifos.make(tmp.resolve("pipe.json"));
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available here: " + e.getMessage());
        }
    }

    private int run(String... args) {
        return FabricScopeCli.execute(
                FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), stdout),
                new PrintWriter(err, true),
                args);
    }

    /** Exit 2, one line on stderr naming the FIFO and what it is, and the FIFO left as it was. */
    private void assertRefused(int exit, String option) throws Exception {
        assertThat(exit).as(err.toString()).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains(fifo.toString(), "is a fifo, not a regular file", option)
                .doesNotContain("Exception", "\tat ");
        assertThat(FileKind.of(fifo)).isEqualTo("fifo");
    }

    @Test
    void sweepRefusesAFifoAsItsSweepFile() throws Exception {
        assertRefused(run("sweep", "--file", fifo.toString()), "--file");
    }

    @Test
    void sweepRefusesAFifoAsItsScenario() throws Exception {
        assertRefused(run("sweep", "--scenario", fifo.toString(), "--vary", "readBurstSize=4"), "--scenario");
    }

    /** A sweep of one cell (one attempt, legacy): quick to run, written to {@code out}. */
    private static String[] oneCellSweepTo(String out) {
        return new String[] {"sweep", "--vary", "readBurstSize=4", "--attempts", "1", "--patch", "none", "--out", out};
    }

    @Test
    void sweepRefusesAFifoAsOutBeforeRunningAnything() throws Exception {
        assertRefused(run(oneCellSweepTo(fifo.toString())), "--out");
        assertThat(err.toString()).doesNotContain("cells");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pipe.json");
        }
    }

    @Test
    void sweepStillWritesIntoDevNull() {
        assertThat(run(oneCellSweepTo("/dev/null"))).as(err.toString()).isZero();
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo("character device");
    }

    @Test
    void shrinkRefusesAFifoAsItsScenario() throws Exception {
        assertRefused(
                run("shrink", "--scenario", fifo.toString(), "--attempt", "1", "--out", tmp.toString()), "--scenario");
    }

    @Test
    void shrinkRefusesAFifoAsItsTrace() throws Exception {
        assertRefused(run("shrink", "--trace", fifo.toString(), "--out", tmp.toString()), "--trace");
    }

    @Test
    void shrinkRefusesAFifoWhereItWouldWriteItsScenarioFile() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        fifo = Fifos.make(dir.resolve("fpre004-repro-shrunk.json"));
        assertRefused(run("shrink", "--scenario", "fpre004-repro", "--attempt", "1", "--out", dir.toString()), "--out");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fpre004-repro-shrunk.json");
        }
    }

    @Test
    void exploreRefusesAFifoAsItsScenario() throws Exception {
        assertRefused(run("explore", "--scenario", fifo.toString(), "--bound", "1"), "--scenario");
    }

    @Test
    void exploreRefusesAFifoAsOutBeforeExploring() throws Exception {
        assertRefused(
                run(
                        "explore",
                        "--scenario",
                        "sample-scenarios/explore-minimal.json",
                        "--bound",
                        "1",
                        "--out",
                        fifo.toString()),
                "--out");
    }
}
