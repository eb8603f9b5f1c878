package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same seed gives the same trace bytes on another JDK: the trace written in this JVM is
 * compared with one written by a second JDK running the same classes. The second JDK is
 * {@code $FABRICSCOPE_OTHER_JDK}, or else the first JDK under {@code /usr/lib/jvm} whose major
 * version differs from this one; without one the test is skipped (an assumption, with the reason).
 * {@code scripts/determinism-across-jdks.sh} does the same over more cases with the packaged jar.
 */
class CrossJdkDeterminismTest {
    private static Path otherJava;

    @TempDir
    Path dir;

    @BeforeAll
    static void findAnotherJdk() {
        otherJava = otherJdk().orElse(null);
    }

    @ParameterizedTest(name = "seed {0} attempt {1} patch {2}")
    @CsvSource({"42, 3, none", "42, 3, all", "7, 2, barrier"})
    void anotherJdkWritesTheSameTraceBytes(long seed, int attempt, String patch) throws Exception {
        Assumptions.assumeTrue(
                otherJava != null,
                "no second JDK: set FABRICSCOPE_OTHER_JDK or install one under /usr/lib/jvm with another major version than "
                        + Runtime.version().feature());
        String[] args = {
            "simulate",
            "--scenario",
            "fpre004-repro",
            "--seed",
            Long.toString(seed),
            "--attempt",
            Integer.toString(attempt),
            "--patch",
            patch,
            "--out"
        };
        Path here = dir.resolve("here.jsonl");
        Path there = dir.resolve("there.jsonl");

        int exitHere = FabricScopeCli.commandLine(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute(with(args, here.toString()));
        int exitThere = runOnOtherJdk(with(args, there.toString()));

        assertThat(exitHere).isZero();
        assertThat(exitThere).as("exit code on " + otherJava).isZero();
        assertThat(Files.mismatch(here, there))
                .as("first differing byte, %s vs %s", Runtime.version(), otherJava)
                .isEqualTo(-1L);
    }

    private static String[] with(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private int runOnOtherJdk(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                otherJava.toString(),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.fabricscope.Launcher"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("other-jdk.log").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("simulate on " + otherJava + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("other-jdk.log")));
        }
        return p.exitValue();
    }

    private static Optional<Path> otherJdk() {
        String configured = System.getenv("FABRICSCOPE_OTHER_JDK");
        if (configured != null && !configured.isBlank()) {
            Path java = Paths.get(configured, "bin", "java");
            return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        int mine = Runtime.version().feature();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted()
                    .filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h))
                    .filter(h -> majorVersion(h).map(v -> v != mine).orElse(false))
                    .map(h -> h.resolve("bin/java"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's major version from its {@code release} file (JAVA_VERSION="25.0.3"). */
    private static Optional<Integer> majorVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0];
                    return Optional.of(Integer.parseInt(major));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No readable release file: not a JDK we can identify, so not a candidate.
        }
        return Optional.empty();
    }
}
