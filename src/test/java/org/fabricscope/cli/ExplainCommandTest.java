package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.present.StoryText;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain}: the Explainer's model, headless, for CI logs and bug reports. */
class ExplainCommandTest {
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
    void explainsTheFirstFpre004WithItsMechanismChecksAndPatchedReads() throws Exception {
        int exit = run("explain", LEGACY.toString());

        assertThat(exit).isZero();
        Fpre004Explanation model = model(LEGACY);
        assertThat(out.toString())
                .startsWith("FPRE004 #" + model.fpreSeq() + " (1 of 1) on block " + model.block())
                .contains(
                        Fpre004Explanation.FPRE004_DEFINITION,
                        Fpre004Text.of(model).headline(),
                        Fpre004Text.of(model).summary(),
                        Fpre004Text.of(model).patchedVerdict(),
                        "1. read cacheState = READY",
                        "How the pair got its values:",
                        "reorder: ",
                        "barrier: ",
                        "backoff: ");
        for (StoryStep f : model.story()) {
            assertThat(out.toString()).contains(StoryText.sentence(f));
        }
    }

    @Test
    void jsonCarriesTheSameClassificationAndEventsAsTheModel() throws Exception {
        int exit = run("explain", LEGACY.toString(), "--json");

        assertThat(exit).isZero();
        Fpre004Explanation model = model(LEGACY);
        Map<String, String> fields = topLevelScalars(out.toString());
        assertThat(fields)
                .containsEntry("mechanism", model.mechanism().jsonName())
                .containsEntry("pair_kind", "pending-write")
                .containsEntry("step", Integer.toString(model.fpreSeq()))
                .containsEntry("block", Integer.toString(model.block()))
                .containsEntry("completing_step", Integer.toString(model.completingSeq()))
                .containsEntry("patched_outcome", "waits-for-write")
                .containsKeys("headline", "summary", "ack_jitter_us", "tear_step");
        assertThat(out.toString()).contains("\"checks\":[", "\"story\":[", "\"switches\":[", "\"window\":{");
    }

    @Test
    void aStepThatIsNotAnFpre004IsANegativeAnswerNamingTheNearestOnes() throws Exception {
        int fpre = model(LEGACY).fpreSeq();

        int exit = run("explain", LEGACY.toString(), "--step", "5");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(err.toString()).contains("step 5 is not an FPRE004", "nearest FPRE004: step " + fpre);
    }

    @Test
    void aTraceWithoutFpre004ExitsOneAndSaysSo() {
        int exit = run("explain", PATCHED.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(err.toString()).contains("the trace has no FPRE004");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void askingForMoreFpre004ThanTheTraceHasExitsOne() {
        int exit = run("explain", LEGACY.toString(), "--fpre004", "2");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(err.toString()).contains("has 1 FPRE004, not 2");
    }

    @Test
    void aBrokenTraceIsAOneLineErrorWithFileAndLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"format\":\"fabricscope-trace\"\n");

        int exit = run("explain", bad.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().strip()).startsWith(bad.toString() + ":1").doesNotContain("Exception", "\n");
    }

    private static Fpre004Explanation model(Path file) throws Exception {
        TraceIndex index = TraceIndex.build(TraceReader.read(file, Progress.NONE), Progress.NONE);
        return Fpre004Explanation.explain(
                index, Fpre004Explanation.fpre004Seqs(index).get(0));
    }

    private static Map<String, String> topLevelScalars(String json) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isStructStart()) {
                    p.skipChildren();
                } else {
                    fields.put(name, p.getText());
                }
            }
        }
        return fields;
    }
}
