package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shrink} as a script sees it: files written, JSON figures, refusals in one line. */
class ShrinkCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void shrinksTheCanonicalReproductionAndWritesAScenarioThatReRunsToTheSameTrace() throws Exception {
        int exit = run(
                "shrink",
                "--scenario",
                "fpre004-repro",
                "--seed",
                "1",
                "--attempt",
                "6",
                "--out",
                tmp.toString(),
                "--json");
        assertThat(exit).as(err.toString()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonValue.parse(out.toString());
        assertThat(json.get("mechanism")).isEqualTo("stored-inconsistency");
        assertThat(json.get("pair_kind")).isEqualTo("pending-write");
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) json.get("after");
        assertThat(((Number) after.get("events")).intValue()).isLessThanOrEqualTo(300);
        assertThat(((Number) json.get("candidate_runs")).intValue()).isPositive();
        Path scenario = tmp.resolve("fpre004-repro-shrunk.json");
        Path trace = tmp.resolve("fpre004-repro-shrunk.jsonl");
        assertThat(scenario).exists();
        assertThat(trace).exists();

        Path rerun = tmp.resolve("rerun.jsonl");
        assertThat(run(
                        "simulate",
                        "--scenario",
                        scenario.toString(),
                        "--seed",
                        "1",
                        "--attempt",
                        "6",
                        "--out",
                        rerun.toString()))
                .isZero();
        assertThat(Files.readAllBytes(rerun)).isEqualTo(Files.readAllBytes(trace));

        // A second shrink into the same directory refuses to overwrite, in one line.
        err.getBuffer().setLength(0);
        assertThat(run("shrink", "--attempt", "6", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).contains("file exists; use --force").doesNotContain("\n");
    }

    @Test
    void shrinksTheRunATraceRecordsToTheSameScenario() throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        assertThat(run("shrink", "--trace", "sample-traces/fpre004-repro-legacy.jsonl", "--out", a.toString()))
                .as(err.toString())
                .isZero();
        assertThat(run("shrink", "--scenario", "fpre004-repro", "--out", b.toString()))
                .as(err.toString())
                .isZero();
        assertThat(Files.readAllBytes(a.resolve("fpre004-repro-shrunk.json")))
                .isEqualTo(Files.readAllBytes(b.resolve("fpre004-repro-shrunk.json")))
                .isEqualTo(Files.readAllBytes(Path.of("sample-scenarios/fpre004-shrunk.json")));
    }

    @Test
    void aRunWithoutFpre004HasNothingToShrink() {
        int exit = run(
                "shrink",
                "--scenario",
                "quiet",
                "--set",
                "durationMicros=5000",
                "--attempt",
                "1",
                "--out",
                tmp.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("raises no FPRE004");
    }

    @Test
    void anOutThatIsAFileOrMissingIsRefusedInOneLineBeforeAnyRun() throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "keep me");
        assertThat(run("shrink", "--attempt", "6", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).endsWith("not a directory; --out names the directory to write into");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("keep me");

        err.getBuffer().setLength(0);
        assertThat(run(
                        "shrink",
                        "--attempt",
                        "6",
                        "--out",
                        tmp.resolve("absent").toString()))
                .isEqualTo(2);
        assertThat(err.toString().strip()).endsWith("no such directory");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
