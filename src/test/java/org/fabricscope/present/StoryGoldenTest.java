package org.fabricscope.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.fabricscope.cli.FabricScopeCli;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;

/**
 * The words of an explanation do not change when the model changes shape: the CLI's {@code explain}
 * (text and JSON) on the canonical reproduction, and the story of every FPRE004 of a sweep of runs
 * and of hand-built traces (one per kind of story the model tells), compared with golden files
 * captured from the version whose story steps still carried their sentences.
 */
class StoryGoldenTest {
    private static final Path REPRO = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
    private static final int READY = CacheState.READY.ordinal();
    private static final int INVALID = CacheState.INVALID.ordinal();

    @Test
    void explainTextOfTheCanonicalReproductionIsWordForWordTheGoldenFile() throws IOException {
        assertMatchesGolden("explain-repro.txt", cli(REPRO.toString()));
    }

    @Test
    void explainJsonOfTheCanonicalReproductionIsTheGoldenFile() throws IOException {
        assertMatchesGolden("explain-repro.json", cli(REPRO.toString(), "--json"));
    }

    @Test
    void theStoryOfEachHandBuiltCaseIsTheGoldenFile() throws Exception {
        StringBuilder sb = new StringBuilder();
        handBuilt(sb);
        handBuiltMore(sb);
        assertMatchesGolden("stories-hand-built.txt", sb.toString());
    }

    /** The story of every FPRE004 of a sweep of simulated runs (minutes under PIT: StorySweepGoldenTest). */
    static String sweepStories() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int attempt = 1; attempt <= 30; attempt++) {
            sweep(sb, "fpre004-repro", null, PatchSwitches.NONE, 1, attempt);
            sweep(sb, "fpre004-repro", "ackJitterMicrosMax=0", PatchSwitches.NONE, 1, attempt);
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            sweep(sb, "fpre004-repro", null, PatchSwitches.parse("barrier"), 7, attempt);
            sweep(sb, "fpre004-repro", null, PatchSwitches.parse("backoff"), 7, attempt);
            sweep(sb, "file-x", null, PatchSwitches.NONE, 3, attempt);
        }
        return sb.toString();
    }

    private static void sweep(
            StringBuilder sb, String scenario, String set, PatchSwitches patch, long seed, int attempt)
            throws Exception {
        Scenario s = Scenario.builtIn(scenario);
        if (set != null) {
            String[] kv = set.split("=", 2);
            s = s.with(kv[0], kv[1]);
        }
        TraceIndex index = TraceIndex.build(
                Simulator.run(s, seed, attempt, patch, true, Progress.NONE).trace(), Progress.NONE);
        List<Integer> fpres = Fpre004Explanation.fpre004Seqs(index);
        // file-x raises dozens per run, all alike: its first two keep the golden file small.
        for (int fpre : scenario.equals("file-x") ? fpres.subList(0, Math.min(2, fpres.size())) : fpres) {
            sb.append(scenario)
                    .append(set != null ? " " + set : "")
                    .append(" patch ")
                    .append(patch)
                    .append(" seed ")
                    .append(seed)
                    .append(" attempt ")
                    .append(attempt)
                    .append(" FPRE004 #")
                    .append(fpre)
                    .append('\n');
            story(sb, Fpre004Explanation.explain(index, fpre));
        }
    }

    /** One line per step, as the Explainer's story links read: {@code #seq  sentence}, or the sentence alone. */
    private static void story(StringBuilder sb, Fpre004Explanation e) {
        sb.append("  ").append(e.mechanism()).append(' ').append(e.pairKind()).append('\n');
        for (StoryStep f : e.story()) {
            sb.append("  ")
                    .append(f.seq() >= 0 ? "#" + f.seq() + "  " : "")
                    .append(f.timeMicros())
                    .append(" | ")
                    .append(StoryText.sentence(f))
                    .append('\n');
        }
    }

    /** The hand-built traces of MechanismCasesTest: torn and stored, stale version, and an undetermined pair. */
    private static void handBuilt(StringBuilder sb) {
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 7);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        handBuiltCase(
                sb,
                "torn pending",
                b,
                b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5));

        b = readyBlock();
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        b.event(110, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 7);
        b.event(115, 0, 0, "compaction@n0", EventKind.COMPACT_REFRESH, Field.CACHE_STATE, INVALID, READY, -1, 1);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        handBuiltCase(
                sb,
                "stored pending by refresh",
                b,
                b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5));

        b = readyBlock();
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 1, 1, c1, 5);
        b.event(130, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, -1, 8);
        b.event(130, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.CHECKSUM, 101, 202, -1, 8);
        b.event(130, 0, 0, "writer@n0", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, READY, INVALID, -1, 8);
        int c3 = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 202, 202, c2, 5);
        handBuiltCase(
                sb,
                "torn stale",
                b,
                b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 202, 202, c3, 5));

        b = readyBlock();
        b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, -1, 8);
        b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.CHECKSUM, 101, 202, -1, 8);
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 1, 1, c1, 5);
        c3 = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 202, 202, c2, 5);
        handBuiltCase(
                sb,
                "stored stale",
                b,
                b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 202, 202, c3, 5));

        b = readyBlock();
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        handBuiltCase(
                sb,
                "undetermined",
                b,
                b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5));
    }

    /** The branches the sweep does not reach: a pending flag set on a READY buffer, a fill begun before the lock, a stale state completed by a third event. */
    private static void handBuiltMore(StringBuilder sb) {
        int filling = CacheState.FILLING.ordinal();
        TraceBuilder b = readyBlock();
        int begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        int c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        b.event(105, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(105, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        int c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        int fpre = b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5);
        b.event(300, 0, 0, "writer@n0", EventKind.WRITE_RELEASE, Field.LOCK_HOLDER, 7, 0, -1, 7);
        handBuiltCase(sb, "pending set on a ready buffer, released without an ACK", b, fpre);

        b = new TraceBuilder(RaceTraceFixture.header());
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.VERSION, 0, 1, -1, 0);
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, 0, 101, -1, 0);
        int start = b.event(10, 0, 0, "prefetch@n0", EventKind.PREFETCH_START, Field.CACHE_STATE, 0, filling, -1, 1);
        b.event(60, 0, 0, "writer@n0", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, -1, 7);
        b.event(60, 0, 0, "writer@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 7);
        int fill = b.event(70, 0, 0, "prefetch@n0", EventKind.PREFETCH_FILL, Field.CACHE_VERSION, 0, 1, start, 1);
        b.event(80, 0, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, filling, READY, fill, 1);
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, c1, 5);
        fpre = b.event(120, 0, 0, "verifier@n0", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, c2, 5);
        handBuiltCase(sb, "fill begun before the lock", b, fpre);

        b = new TraceBuilder(RaceTraceFixture.header());
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.VERSION, 0, 1, -1, 0);
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, 0, 101, -1, 0);
        b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.VERSION, 1, 2, -1, 8);
        b.event(50, 0, 0, "writer@n0", EventKind.WRITE_MEDIA, Field.CHECKSUM, 101, 202, -1, 8);
        b.event(60, 0, 0, "prefetch@n0", EventKind.PREFETCH_FILL, Field.CACHE_VERSION, 0, 1, -1, 1);
        b.event(70, 0, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, 0, READY, -1, 1);
        begin = b.event(90, 0, 0, "verifier@n0", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 5);
        c1 = b.event(100, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_STATE, READY, READY, begin, 5);
        c2 = b.event(120, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CACHE_VERSION, 1, 1, c1, 5);
        int c3 = b.event(140, 0, 0, "verifier@n0", EventKind.VERIFY_CHECK, Field.CHECKSUM, 202, 202, c2, 5);
        fpre = b.event(140, 0, 0, "verifier@n0", EventKind.FPRE004, Field.CHECKSUM, 202, 202, c3, 5);
        handBuiltCase(sb, "stale state completed by a third event", b, fpre);
    }

    private static void handBuiltCase(StringBuilder sb, String name, TraceBuilder b, int fpre) {
        sb.append("hand-built ").append(name).append(" FPRE004 #").append(fpre).append('\n');
        story(sb, Fpre004Explanation.explain(TraceIndex.build(b.build(), Progress.NONE), fpre));
    }

    /** Block 0 READY at version 1 with no write. */
    private static TraceBuilder readyBlock() {
        TraceBuilder b = new TraceBuilder(RaceTraceFixture.header());
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.VERSION, 0, 1, -1, 0);
        b.event(0, 0, 0, "system", EventKind.BLOCK_INIT, Field.CHECKSUM, 0, 101, -1, 0);
        b.event(10, 0, 0, "prefetch@n0", EventKind.PREFETCH_FILL, Field.CACHE_VERSION, 0, 1, -1, 1);
        b.event(20, 0, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, 0, READY, -1, 1);
        return b;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "explain";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(full);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    static void assertMatchesGolden(String name, String actual) throws IOException {
        try (InputStream in = StoryGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file /golden/" + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
