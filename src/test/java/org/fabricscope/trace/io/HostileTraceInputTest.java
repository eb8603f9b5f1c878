package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fabricscope.testsupport.ChildJvm;
import org.fabricscope.testsupport.Fifos;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces built to hurt the reader (issue 11): header values that would make the scenario parser
 * freeze, claims that would size memory, headers too big or with duplicate keys, pipes, and one
 * actor more than the format allows. Each is refused with a line number, or read correctly, and
 * never costs more than its bytes.
 */
class HostileTraceInputTest {
    @TempDir
    Path dir;

    private static final String PATCH = "\"patch\":{\"reorder\":false,\"barrier\":false,\"backoff\":false}";
    private static final String TOPOLOGY =
            "\"nodes\":1,\"drivesPerNode\":1,\"blocks\":[{\"node\":0,\"drive\":0,\"file\":\"f\"}]";

    private static String header(String parameters, String topology) {
        return "{\"format\":\"fabricscope-trace\",\"version\":1,\"simulatorVersion\":\"0.1.0\",\"scenario\":\"s\","
                + "\"parameters\":{" + parameters + "},\"seed\":1,\"attempt\":1," + PATCH + ",\"topology\":{" + topology
                + "}}\n";
    }

    private static String event(int seq, String actor) {
        return "{\"seq\":" + seq + ",\"t\":" + seq + ",\"actor\":\"" + actor + "\",\"kind\":\"READ_ISSUE\"}\n";
    }

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("t.jsonl"), text, StandardCharsets.UTF_8);
    }

    private TraceFormatException refused(String text) throws Exception {
        Throwable t = catchThrowable(() -> TraceReader.read(file(text), Progress.NONE));
        assertThat(t).isInstanceOf(TraceFormatException.class);
        TraceFormatException e = (TraceFormatException) t;
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @Test
    void aMinimalHeaderReads() throws Exception {
        Trace t = TraceReader.read(file(header("\"a\":1", TOPOLOGY) + "{\"end\":true,\"events\":0}\n"), Progress.NONE);
        assertThat(t.header().parameters()).containsEntry("a", "1");
    }

    // ---- class 9: duplicate keys everywhere in the header

    @Test
    void aSecondNodesInTheTopologyIsRefused() throws Exception {
        TraceFormatException e = refused(header("", TOPOLOGY + ",\"nodes\":0") + "{\"end\":true,\"events\":0}\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("'nodes' appears twice");
    }

    @Test
    void aSecondBlocksOrDrivesPerNodeIsRefused() throws Exception {
        assertThat(refused(header("", TOPOLOGY + ",\"blocks\":[]") + "{\"end\":true,\"events\":0}\n")
                        .problem())
                .contains("'blocks' appears twice");
        assertThat(refused(header("", "\"nodes\":1,\"drivesPerNode\":1,\"drivesPerNode\":2,\"blocks\":[]")
                                + "{\"end\":true,\"events\":0}\n")
                        .problem())
                .contains("'drivesPerNode' appears twice");
    }

    @Test
    void duplicateKeysInsideABlockAreRefused() throws Exception {
        for (String block : List.of(
                "{\"node\":0,\"node\":0,\"drive\":0,\"file\":\"f\"}",
                "{\"node\":0,\"drive\":0,\"drive\":0,\"file\":\"f\"}",
                "{\"node\":0,\"drive\":0,\"file\":\"f\",\"file\":\"g\"}")) {
            TraceFormatException e = refused(header("", "\"nodes\":1,\"drivesPerNode\":1,\"blocks\":[" + block + "]")
                    + "{\"end\":true,\"events\":0}\n");
            assertThat(e.problem()).contains("appears twice in block 0");
        }
    }

    // ---- class 3: header values the scenario parser could not handle cheaply are refused by the reader

    @Test
    void parameterValuesBeyondTheValueBoundsAreRefusedWithTheirLine() throws Exception {
        String manyDigits = "1".repeat(65_000) + " 1";
        for (String value : List.of(
                "\"" + manyDigits + "\"", "\"1e9999999us\"", "1e-999999999", "1e101", "\"7" + "0".repeat(70) + "\"")) {
            TraceFormatException e =
                    refused(header("\"durationMicros\":" + value, TOPOLOGY) + "{\"end\":true,\"events\":0}\n");
            assertThat(e.line())
                    .as(value.substring(0, Math.min(20, value.length())))
                    .isEqualTo(1);
            assertThat(e.problem()).contains("durationMicros");
        }
    }

    @Test
    void valuesWithinTheBoundsStillRead() throws Exception {
        Trace t = TraceReader.read(
                file(header("\"a\":\"7.3ms\",\"b\":1e100,\"c\":\"not a number\",\"d\":-0.5e-100,\"e\":true", TOPOLOGY)
                        + "{\"end\":true,\"events\":0}\n"),
                Progress.NONE);
        assertThat(t.header().parameters())
                .containsEntry("a", "7.3ms")
                .containsEntry("b", "1e100")
                .containsEntry("e", "true");
    }

    // ---- class 5: bounded header

    @Test
    void longParameterNamesAreRefusedAtTheKeyLimit() throws Exception {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            params.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(Integer.toString(i))
                    .append("x".repeat(60_000))
                    .append("\":1");
        }
        TraceFormatException e = refused(header(params.toString(), TOPOLOGY) + "{\"end\":true,\"events\":0}\n");
        assertThat(e.problem()).contains("a key longer than " + TraceFormat.MAX_KEY_CHARS);
    }

    @Test
    void aHeaderPastItsByteLimitIsRefused() throws Exception {
        StringBuilder blocks = new StringBuilder();
        String longName = "f".repeat(60_000);
        int n = TraceFormat.MAX_HEADER_BYTES / 60_000 + 2;
        for (int i = 0; i < n; i++) {
            blocks.append(i == 0 ? "" : ",")
                    .append("{\"node\":0,\"drive\":0,\"file\":\"")
                    .append(longName)
                    .append(i)
                    .append("\"}");
        }
        TraceFormatException e = refused(header("", "\"nodes\":1,\"drivesPerNode\":1,\"blocks\":[" + blocks + "]")
                + "{\"end\":true,\"events\":0}\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("the header is longer than " + TraceFormat.MAX_HEADER_BYTES + " bytes");
    }

    // ---- class 10: exactly the format's actor limit

    @Test
    void theFormatsActorLimitHoldsExactly() throws Exception {
        int limit = Short.MAX_VALUE; // 32,767 distinct actor names
        StringBuilder b = new StringBuilder(header("", TOPOLOGY));
        for (int i = 0; i < limit; i++) {
            b.append(event(i, "a" + i));
        }
        String atLimit = b + "{\"end\":true,\"events\":" + limit + "}\n";
        assertThat(TraceReader.read(file(atLimit), Progress.NONE).size()).isEqualTo(limit);

        b.append(event(limit, "one-too-many"));
        TraceFormatException e = refused(b + "{\"end\":true,\"events\":" + (limit + 1) + "}\n");
        assertThat(e.line()).isEqualTo(limit + 2);
        assertThat(e.problem()).contains("too many distinct actor names");
    }

    // ---- class 8: pipes are read once, correctly

    @Test
    void aValidTraceThroughAPipeReads() throws Exception {
        byte[] bytes = (header("\"a\":1", TOPOLOGY) + event(0, "x") + event(1, "y") + "{\"end\":true,\"events\":2}\n")
                .getBytes(StandardCharsets.UTF_8);
        Path fifo = Fifos.make(dir.resolve("pipe"));
        var fed = Fifos.feed(fifo, bytes);

        Trace t = TraceReader.read(fifo, Progress.NONE);

        fed.get(30, TimeUnit.SECONDS);
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void anErrorInAPipeIsReportedOnItsOwnLine() throws Exception {
        byte[] bytes = (header("", TOPOLOGY) + event(0, "x")
                        + "{\"seq\":5,\"t\":1,\"actor\":\"x\",\"kind\":\"READ_ISSUE\"}\n"
                        + "{\"end\":true,\"events\":2}\n")
                .getBytes(StandardCharsets.UTF_8);
        Path fifo = Fifos.make(dir.resolve("pipe"));
        Fifos.feed(fifo, bytes);

        Throwable t = catchThrowable(() -> TraceReader.read(fifo, Progress.NONE));

        assertThat(t).isInstanceOf(TraceFormatException.class);
        assertThat(((TraceFormatException) t).line()).isEqualTo(3);
    }

    @Test
    void aPipeThroughTheCachingLoaderIsReadOnceAndGetsNoCache() throws Exception {
        byte[] bytes = (header("", TOPOLOGY) + event(0, "x") + "{\"end\":true,\"events\":1}\n")
                .getBytes(StandardCharsets.UTF_8);
        Path fifo = Fifos.make(dir.resolve("pipe"));
        Fifos.feed(fifo, bytes);
        Path cacheDir = dir.resolve("cache");

        TraceCache.Loaded l = new TraceCache(cacheDir).open(fifo, Progress.NONE);

        assertThat(l.trace().size()).isEqualTo(1);
        assertThat(l.fromCache()).isFalse();
        assertThat(cacheDir).doesNotExist();
    }

    // ---- class 4: memory is not sized from claims; out of memory is one line

    @Test
    void aSparseFileClaimingFiftyMillionEventsFailsAsATraceErrorInASmallHeap() throws Exception {
        Path sparse = dir.resolve("sparse.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.write(header("", TOPOLOGY).getBytes(StandardCharsets.UTF_8));
            byte[] end = "{\"end\":true,\"events\":50000000}\n".getBytes(StandardCharsets.UTF_8);
            f.setLength(1L << 30);
            f.seek((1L << 30) - end.length);
            f.write(end);
        }

        ChildJvm.Result r =
                ChildJvm.run(List.of("-Xmx64m"), Map.of(), "org.fabricscope.Launcher", "validate", sparse.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines())
                .singleElement()
                .asString()
                .startsWith(sparse + ":2")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void aSimulationThatRunsOutOfHeapSaysSoInOneLineWithExitTwo() throws Exception {
        Path out = dir.resolve("huge.jsonl");
        ChildJvm.Result r = ChildJvm.run(
                List.of("-Xmx40m"),
                Map.of(),
                "org.fabricscope.Launcher",
                "simulate",
                "--scenario",
                "pilot-rack",
                "--set",
                "durationMicros=600000000",
                "--out",
                out.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("out of memory", "-Xmx");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }
}
