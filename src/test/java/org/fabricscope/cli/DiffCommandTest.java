package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fabricscope.diff.HandMadeTraces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}: two traces aligned event by event, exit 0 same, 1 differ, 2 error. */
class DiffCommandTest {
    private static final Path LEGACY = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
    private static final Path PATCHED = Path.of("sample-traces/fpre004-repro-patched.jsonl");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void identicalTracesExitZeroWithNoDifference() throws Exception {
        Path copy = Files.copy(LEGACY, tmp.resolve("copy.jsonl"));

        int exit = run("diff", LEGACY.toString(), copy.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("no difference")
                .contains("same 7,644,")
                .contains("only in B 0");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void fpre004DifferencesBeyondTheLimitAreCountedNotDropped() {
        Path fileX = Path.of("sample-traces/file-x-legacy.jsonl");
        run("diff", LEGACY.toString(), fileX.toString(), "--limit", "2");
        String text = out.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) only in A, (\\d+) only in B")
                .matcher(text);
        assertThat(m.find()).as(text).isTrue();
        int onlyB = Integer.parseInt(m.group(2));
        assertThat(onlyB).isGreaterThan(2);
        assertThat(text.lines().filter(l -> l.startsWith("  only in B: "))).hasSize(2);
        assertThat(text).contains("  … " + (onlyB - 2) + " more FPRE004 only in B (--limit N shows more)");
    }

    @Test
    void legacyAgainstPatchedNamesTheFirstDivergenceWithBothSides() {
        int exit = run("diff", LEGACY.toString(), PATCHED.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(out.toString())
                .contains("they agree up to 1.046 ms")
                .contains("first divergence (only in B) at 1.046 ms:\n  A: (none: A has no such event)\n"
                        + "  B: #654  1.046 ms  PREFETCH_BACKOFF  prefetch@n1  block 169  node 1  arg 550\n")
                .contains("FPRE004: 1 in A, 0 in B, 1 only in A")
                .contains("txn 34: A READ_FAIL (#1246 at 12.007 ms), B READ_OK")
                .contains("blocks whose transitions differ:");
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        int exit = run("diff", LEGACY.toString(), PATCHED.toString(), "--json", "--limit", "1");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        Map<String, Object> j = JsonValue.object(out.toString());
        assertThat(j.get("same")).isEqualTo(false);
        Map<String, Object> first = map(j.get("first_divergence"));
        assertThat(first.get("class")).isEqualTo("only_in_b");
        assertThat(first.get("time_us")).isEqualTo(1046L);
        assertThat(first.get("a")).isNull();
        assertThat(map(first.get("b")).get("step")).isEqualTo(654L);
        assertThat(map(first.get("b")).get("kind")).isEqualTo("PREFETCH_BACKOFF");
        assertThat(map(j.get("counts")).keySet())
                .containsExactly("same", "retimed", "changed", "only_in_a", "only_in_b");
        assertThat(j.get("fpre004_a")).isEqualTo(1L);
        assertThat(j.get("fpre004_b")).isEqualTo(0L);
        assertThat(map(list(j.get("fpre004_only_in_a")).get(0)).get("step")).isEqualTo(1245L);
        assertThat(map(list(j.get("read_differences")).get(0)).get("result_a")).isEqualTo("READ_FAIL");
        assertThat(list(j.get("block_differences"))).hasSize(1);
        assertThat((Long) j.get("block_differences_total")).isGreaterThanOrEqualTo(1L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void aHandMadePairWithOneExtraEventInTheMiddleAlignsEverythingElse() throws Exception {
        List<String> base = HandMadeTraces.base();
        Path a = HandMadeTraces.write(tmp.resolve("a.jsonl"), base);
        Path b = HandMadeTraces.write(
                tmp.resolve("b.jsonl"),
                HandMadeTraces.insert(
                        base,
                        6,
                        "\"t\":45,\"block\":1,\"node\":0,\"actor\":\"compaction@n0\",\"kind\":\"COMPACT_COPY\","
                                + "\"field\":\"compaction\",\"old\":\"IDLE\",\"new\":\"COPYING\""));

        int exit = run("diff", a.toString(), b.toString(), "--json");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        Map<String, Object> counts = map(JsonValue.object(out.toString()).get("counts"));
        assertThat(counts.get("only_in_b")).isEqualTo(1L);
        assertThat(counts.get("same")).isEqualTo((long) base.size());
        assertThat((Long) counts.get("only_in_a") + (Long) counts.get("changed") + (Long) counts.get("retimed"))
                .isZero();
    }

    @Test
    void tracesOfDifferentTopologiesAreRefusedWithOneLine() throws Exception {
        Path a = HandMadeTraces.write(tmp.resolve("a.jsonl"), HandMadeTraces.base());

        int exit = run("diff", a.toString(), LEGACY.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString())
                .startsWith("fabricscope: cannot compare ")
                .contains("different topologies")
                .doesNotContain("Exception")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnreadableTraceIsAnErrorNamingFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, HandMadeTraces.HEADER + "\n{\"seq\":0}\n");

        int exit = run("diff", LEGACY.toString(), bad.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("bad.jsonl:2").hasLineCount(1);
    }

    @Test
    void aForkFromTheCommandLineAdvancingTheLateAckDivergesFirstAtTheAck() throws Exception {
        Path fork = tmp.resolve("fork.jsonl");

        int sim = run("simulate", "--attempt", "6", "--advance", "#1277=400us", "--out", fork.toString());
        assertThat(sim).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 FPRE004", "1 intervention)");
        out.getBuffer().setLength(0);
        int exit = run("diff", LEGACY.toString(), fork.toString(), "--json");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        Map<String, Object> first = map(JsonValue.object(out.toString()).get("first_divergence"));
        assertThat(first.get("class")).isEqualTo("changed");
        assertThat(map(first.get("a")).get("step")).isEqualTo(1277L);
        assertThat(map(first.get("b")).get("kind")).isEqualTo("WRITE_ACK");
        assertThat(map(first.get("b")).get("time_us")).isEqualTo(12275L - 400);
        // The fork's key for that ACK is the original's: what --delay, --drop and the header name.
        assertThat(map(first.get("b")).get("key")).isEqualTo(map(first.get("a")).get("key"));
    }

    @Test
    void anInterventionFileGivesTheSameForkAsTheOptions() throws Exception {
        Path viaOptions = tmp.resolve("a.jsonl");
        Path viaFile = tmp.resolve("b.jsonl");
        assertThat(run("simulate", "--attempt", "6", "--drop", "#1013", "--out", viaOptions.toString()))
                .isZero();
        String key = org.fabricscope.trace.EventIdentity.text(
                org.fabricscope.trace.EventIdentity.of(
                        org.fabricscope.trace.io.TraceReader.read(LEGACY, org.fabricscope.trace.Progress.NONE))[1013]);
        Path json = Files.writeString(
                tmp.resolve("iv.json"), "{\"interventions\": [\n  {\"event\": \"" + key + "\", \"drop\": true}\n]}\n");

        assertThat(run("simulate", "--attempt", "6", "--intervene", json.toString(), "--out", viaFile.toString()))
                .isZero();

        assertThat(Files.readAllBytes(viaFile)).isEqualTo(Files.readAllBytes(viaOptions));
        assertThat(Files.readString(viaFile).lines().findFirst().orElseThrow())
                .contains("\"interventions\":[{\"event\":\"" + key + "\",\"drop\":true}]");
    }

    @Test
    void aDirectoryGivenAsInterventionFileIsRefusedInOneLineNamingIt() {
        int exit = run("simulate", "--attempt", "6", "--intervene", tmp.toString(), "--out", "-");
        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains(tmp.toString(), "is a directory", "--intervene");
    }

    @Test
    void anImpossibleInterventionIsRefusedWithOneLine() {
        int exit = run(
                "simulate",
                "--attempt",
                "6",
                "--drop",
                "#1245",
                "--out",
                tmp.resolve("x.jsonl").toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("cannot drop FPRE004 #1245").hasLineCount(1);
        assertThat(tmp.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void runAfterFromTheCommandLineReordersThePrefetchReadyAfterTheAckAndFpre004Disappears() throws Exception {
        Path fork = tmp.resolve("reorder.jsonl");

        int sim = run("simulate", "--attempt", "6", "--run-after", "#1069=#1277", "--out", fork.toString());

        assertThat(sim).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 FPRE004", "1 intervention)");
        assertThat(Files.readString(fork).lines().findFirst().orElseThrow()).contains("\"runAfter\":\"");
    }

    @Test
    void aReorderAcrossACausalDependencyIsRefusedWithOneLine() {
        // The write's ACK follows from the write: the write cannot wait for it.
        int exit = run(
                "simulate",
                "--attempt",
                "6",
                "--run-after",
                "#1013=#1277",
                "--out",
                tmp.resolve("x.jsonl").toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("causal dependency").hasLineCount(1);
        assertThat(tmp.resolve("x.jsonl")).doesNotExist();
    }
}
