package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands as a script sees them: exit codes, one-line errors, JSON fields. */
class FabricScopeCliTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void findReproOnTheCanonicalScenarioFindsFpre004AndPrintsJson() {
        int exit = run("find-repro", "--scenario", "fpre004-repro", "--seed", "1", "--threads", "1", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"found\":true", "\"attempts\":", "\"seed\":1");
    }

    @Test
    void findReproWithThePatchFindsNothingAndExitsOne() {
        int exit = run("find-repro", "--patch", "all", "--max-attempts", "30", "--threads", "2", "--json");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(out.toString()).contains("\"found\":false", "\"attempts\":30");
    }

    @Test
    void findReproWritesTheReproducingAttemptsTrace() {
        Path trace = tmp.resolve("repro.jsonl");

        int exit = run("find-repro", "--out", trace.toString());

        assertThat(exit).isZero();
        assertThat(trace).exists();
        assertThat(run("validate", trace.toString())).isZero();
        assertThat(out.toString()).contains("ok,").containsPattern("[1-9]\\d* FPRE004");
    }

    @Test
    void soakJsonHasTheDocumentedFields() {
        int exit = run("soak", "--scenario", "pilot-rack", "--reads", "20000", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "\"reads\":",
                        "\"success_rate\":0.99",
                        "\"fpre004\":",
                        "\"retries\":",
                        "\"quarantines\":",
                        "\"prefetch_latency_mean_us\":",
                        "\"prefetch_latency_p99_us\":");
    }

    @Test
    void soakJsonReportsEveryArchiveAndNamesTheContentiousOne() throws Exception {
        int exit = run("soak", "--scenario", "pilot-rack", "--reads", "60000", "--json");

        assertThat(exit).isZero();
        String json = out.toString();
        assertThat(json)
                .contains(
                        "\"timeouts\":",
                        "\"read_latency_p50_us\":",
                        "\"read_latency_p99_us\":",
                        "\"read_latency_p999_us\":");
        var named = java.util.regex.Pattern.compile("\"contentious_archive\":\"(archive-\\d+)\"")
                .matcher(json);
        assertThat(named.find()).as(json).isTrue();
        String contentious = named.group(1);
        var rows = java.util.regex.Pattern.compile("\\{\"archive\":\"(archive-\\d+)\",\"reads\":\\d+,\"reads_ok\":\\d+,"
                        + "\"success_rate\":[0-9.E-]+,\"fpre004\":(\\d+),\"fpre004_nodes\":\\d+,\"retries\":\\d+,"
                        + "\"quarantines\":\\d+,\"timeouts\":\\d+,\"read_latency_p50_us\":\\d+,\"read_latency_p99_us\":\\d+,"
                        + "\"read_latency_p999_us\":\\d+\\}")
                .matcher(json);
        int count = 0;
        long most = -1;
        String busiest = null;
        while (rows.find()) {
            count++;
            if (Long.parseLong(rows.group(2)) > most) {
                most = Long.parseLong(rows.group(2));
                busiest = rows.group(1);
            }
        }
        assertThat(count).as(json).isEqualTo(24);
        assertThat(contentious).isEqualTo(busiest);
    }

    @Test
    void soakTextNamesTheContentiousArchiveAndListsEveryArchive() {
        int exit = run("soak", "--scenario", "pilot-rack", "--reads", "20000");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "contentious archive archive-",
                        "read latency",
                        "timeouts",
                        "archive-0 ",
                        "archive-23 ",
                        "p99.9 µs");
    }

    @Test
    void simulateRefusesToOverwriteAnExistingFile() throws Exception {
        Path existing = Files.writeString(tmp.resolve("keep.jsonl"), "precious");

        int exit = run("simulate", "--out", existing.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("file exists", "--force");
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }

    @Test
    void simulateWithTheSameSeedWritesIdenticalFiles() throws Exception {
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");

        assertThat(run("simulate", "--seed", "42", "--attempt", "3", "--out", a.toString()))
                .isZero();
        assertThat(run("simulate", "--seed", "42", "--attempt", "3", "--out", b.toString()))
                .isZero();

        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }

    @Test
    void validateNamesTheFileAndLineOfABadTraceAndExitsOne() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"format\":\"fabricscope-trace\"\n");

        int exit = run("validate", bad.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(err.toString()).startsWith(bad + ":1").doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownParameterIsNamedWithASuggestionAndNoStackTrace() {
        int exit = run(
                "simulate",
                "--set",
                "ackJiterMicrosMax=5",
                "--out",
                tmp.resolve("x.jsonl").toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString())
                .contains("ackJiterMicrosMax", "ackJitterMicrosMax")
                .doesNotContain("\tat ");
    }

    @Test
    void anOutOfRangeValueNamesTheAllowedRange() {
        int exit = run("soak", "--set", "readBurstSize=0", "--reads", "10");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("readBurstSize", "[1,");
    }

    @Test
    void anUnknownScenarioListsTheBuiltIns() {
        int exit = run("soak", "--scenario", "no-such", "--reads", "10");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("no-such", "fpre004-repro", "pilot-rack", "file-x", "quiet");
    }

    @Test
    void aScenarioFileOverridesItsBase() throws Exception {
        Path file = Files.writeString(
                tmp.resolve("calm.json"),
                "{\"name\":\"calm\",\"base\":\"fpre004-repro\",\"parameters\":{\"ackJitterMicrosMax\":0}}");
        Path trace = tmp.resolve("calm.jsonl");

        assertThat(run("simulate", "--scenario", file.toString(), "--out", trace.toString()))
                .isZero();
        assertThat(Files.readAllLines(trace).get(0)).contains("\"ackJitterMicrosMax\":0", "\"scenario\":\"calm\"");
    }

    @Test
    void exportChromeWritesTraceEventJson() throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        Path json = tmp.resolve("t.json");
        assertThat(run("simulate", "--attempt", "6", "--out", trace.toString())).isZero();

        assertThat(run("export-chrome", trace.toString(), "--out", json.toString()))
                .isZero();

        assertThat(Files.readString(json)).contains("\"traceEvents\"", "FPRE004");
    }

    @Test
    void exportChromeReadsABigFileThroughItsCacheWithTheSameResult() throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        Path cache = new org.fabricscope.trace.io.TraceCache(tmp.resolve("cache")).fileFor(trace);
        assertThat(run("simulate", "--attempt", "6", "--out", trace.toString())).isZero();
        String previous = System.setProperty(org.fabricscope.trace.io.TraceCacheSettings.MIN_BYTES_OPTION, "0");
        System.setProperty(
                org.fabricscope.trace.io.TraceCacheSettings.DIR_OPTION,
                tmp.resolve("cache").toString());
        try {
            assertThat(run(
                            "export-chrome",
                            trace.toString(),
                            "--out",
                            tmp.resolve("a.json").toString()))
                    .isZero();
            assertThat(cache).isRegularFile();
            assertThat(run(
                            "export-chrome",
                            trace.toString(),
                            "--out",
                            tmp.resolve("b.json").toString()))
                    .isZero();
            assertThat(Files.readAllBytes(tmp.resolve("b.json"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.json")));

            Files.delete(cache);
            assertThat(run(
                            "export-chrome",
                            trace.toString(),
                            "--no-cache",
                            "--out",
                            tmp.resolve("c.json").toString()))
                    .isZero();
            assertThat(cache).doesNotExist();
            assertThat(Files.readAllBytes(tmp.resolve("c.json"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.json")));
        } finally {
            System.clearProperty(org.fabricscope.trace.io.TraceCacheSettings.DIR_OPTION);
            if (previous == null) {
                System.clearProperty(org.fabricscope.trace.io.TraceCacheSettings.MIN_BYTES_OPTION);
            } else {
                System.setProperty(org.fabricscope.trace.io.TraceCacheSettings.MIN_BYTES_OPTION, previous);
            }
        }
    }

    @Test
    void everyCommandHasHelpAndTheToolHasAVersion() {
        for (String command :
                new String[] {"simulate", "find-repro", "soak", "ablation", "validate", "export-chrome"}) {
            assertThat(run(command, "--help")).as(command).isZero();
        }
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("FabricScope", "trace format fabricscope-trace v1");
    }

    @Test
    void ablationReportsEveryConfiguration() {
        int exit = run("ablation", "--attempts", "20", "--reads", "5000", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "\"patch\":\"none\"",
                        "\"patch\":\"reorder\"",
                        "\"patch\":\"barrier\"",
                        "\"patch\":\"backoff\"",
                        "\"patch\":\"all\"",
                        "\"attempts_with_fpre004\":");
    }
}
