package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        return FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void identicalTracesExitZeroWithNoDifference() throws Exception {
        Path copy = Files.copy(LEGACY, tmp.resolve("copy.jsonl"));

        int exit = run("diff", LEGACY.toString(), copy.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("no difference").contains("same 7,761,").contains("only in B 0");
        assertThat(err.toString()).isEmpty();
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
                .contains("txn 34: A READ_FAIL (#1281 at 12.007 ms), B READ_OK")
                .contains("blocks whose transitions differ:");
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        int exit = run("diff", LEGACY.toString(), PATCHED.toString(), "--json", "--limit", "1");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("same").asBoolean()).isFalse();
        JsonNode first = j.get("first_divergence");
        assertThat(first.get("class").asText()).isEqualTo("only_in_b");
        assertThat(first.get("time_us").asLong()).isEqualTo(1046);
        assertThat(first.get("a").isNull()).isTrue();
        assertThat(first.get("b").get("step").asInt()).isEqualTo(654);
        assertThat(first.get("b").get("kind").asText()).isEqualTo("PREFETCH_BACKOFF");
        assertThat(j.get("counts").fieldNames()).toIterable()
                .containsExactly("same", "retimed", "changed", "only_in_a", "only_in_b");
        assertThat(j.get("fpre004_a").asInt()).isEqualTo(1);
        assertThat(j.get("fpre004_b").asInt()).isZero();
        assertThat(j.get("fpre004_only_in_a").get(0).get("step").asInt()).isEqualTo(1280);
        assertThat(j.get("read_differences").get(0).get("result_a").asText()).isEqualTo("READ_FAIL");
        assertThat(j.get("block_differences")).hasSize(1);
        assertThat(j.get("block_differences_total").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHandMadePairWithOneExtraEventInTheMiddleAlignsEverythingElse() throws Exception {
        List<String> base = HandMadeTraces.base();
        Path a = HandMadeTraces.write(tmp.resolve("a.jsonl"), base);
        Path b = HandMadeTraces.write(tmp.resolve("b.jsonl"), HandMadeTraces.insert(base, 6,
                "\"t\":45,\"block\":1,\"node\":0,\"actor\":\"compaction@n0\",\"kind\":\"COMPACT_COPY\","
                        + "\"field\":\"compaction\",\"old\":\"IDLE\",\"new\":\"COPYING\""));

        int exit = run("diff", a.toString(), b.toString(), "--json");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        JsonNode counts = new ObjectMapper().readTree(out.toString()).get("counts");
        assertThat(counts.get("only_in_b").asInt()).isEqualTo(1);
        assertThat(counts.get("same").asInt()).isEqualTo(base.size());
        assertThat(counts.get("only_in_a").asInt() + counts.get("changed").asInt() + counts.get("retimed").asInt()).isZero();
    }

    @Test
    void tracesOfDifferentTopologiesAreRefusedWithOneLine() throws Exception {
        Path a = HandMadeTraces.write(tmp.resolve("a.jsonl"), HandMadeTraces.base());

        int exit = run("diff", a.toString(), LEGACY.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).startsWith("fabricscope: cannot compare ").contains("different topologies")
                .doesNotContain("Exception").hasLineCount(1);
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
}
