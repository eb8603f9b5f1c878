package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fabricscope.testsupport.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore} as a script sees it: the attempt option, and Ctrl+C. */
class ExploreCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FabricScopeCli.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayOutputStream())
                .execute(args);
    }

    /** {@code explore} on the shrunk canonical reproducer at its own seed and attempt (1, 6), then {@code more}. */
    private static String[] exploreShrunk(String... more) {
        return Stream.concat(
                        Stream.of(
                                "explore",
                                "--scenario",
                                "sample-scenarios/fpre004-shrunk.json",
                                "--seed",
                                "1",
                                "--attempt",
                                "6"),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void theShrunkReproducerIsExploredAtItsOwnAttemptAndItsCounterexampleWritten() throws Exception {
        Path cx = tmp.resolve("cx.jsonl");
        int code = run(exploreShrunk("--bound", "4", "--out", cx.toString()));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("FPRE004 reachable: shortest schedule ");
        assertThat(cx).exists();
        assertThat(Files.readString(tmp.resolve("cx.jsonl.schedule.json"))).containsPattern("\"attempt\"\\s*:\\s*6\\b");
    }

    @Test
    void attemptBelowOneIsAOneLineError() {
        assertThat(run("explore", "--scenario", "sample-scenarios/explore-minimal.json", "--attempt", "0"))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines().toList()).containsExactly("fabricscope: --attempt must be at least 1: 0");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "--bound, -1, --bound must be at least 0",
        "--jitter-levels, 0, --jitter-levels must be 1..64",
        "--max-schedules, 0, --max-schedules must be at least 1"
    })
    void boundsOutOfRangeAreOneLineErrorsNamingTheOption(String option, String value, String message) {
        assertThat(run("explore", "--scenario", "sample-scenarios/explore-minimal.json", option, value))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines()).singleElement().asString().contains(message);
    }

    /** SIGINT's disposition in this process: a child cannot be interrupted if its parent ignores it. */
    private static boolean sigintIgnoredHere() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // bit of SIGINT (2)
            }
        }
        return false;
    }

    /**
     * Ctrl+C on a long exploration: the search stops, "cancelled" is printed, the process exits
     * with 130 (128 + SIGINT) and no --out file (nor a temporary one) is left behind. A real
     * signal to a real child JVM, as a terminal sends it.
     */
    @Test
    void ctrlCCancelsTheSearchWithExit130AndLeavesNoOutFile() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "needs kill(1) to send SIGINT");
        Assumptions.assumeFalse(
                sigintIgnoredHere(),
                "SIGINT is ignored in this process tree (started in the background without job control)");
        Path cx = tmp.resolve("cx.jsonl");
        ProcessBuilder pb =
                ChildJvm.builder(List.of(), "org.fabricscope.Launcher", exploreShrunk("--out", cx.toString()));
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder stderr = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            // Every choice point of the shrunk reproducer: minutes of work; the first progress
            // line says the search is under way.
            String line = r.readLine();
            assertThat(line).as("first progress line").isNotNull().startsWith("explore: ");
            stderr.append(line).append('\n');
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertThat(kill.waitFor()).isZero();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                stderr.append(l).append('\n');
            }
        } finally {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        assertThat(p.exitValue()).as(stderr.toString()).isEqualTo(130);
        assertThat(stderr.toString().lines().toList()).contains("fabricscope: cancelled");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
