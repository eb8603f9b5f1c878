package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRoundTripTest {
    @TempDir
    Path dir;

    static byte[] bytes(Trace trace) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter.write(trace, out, Progress.NONE);
        return out.toByteArray();
    }

    static Trace read(byte[] bytes) throws IOException, TraceFormatException {
        return TraceReader.read(new ByteArrayInputStream(bytes), "mem.jsonl", bytes.length, Progress.NONE);
    }

    /** Every column of every event, the header and the actor names are equal. */
    static void assertSameTrace(Trace actual, Trace expected) {
        assertThat(actual.header()).isEqualTo(expected.header());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.timeMicros(i)).as("t of %d", i).isEqualTo(expected.timeMicros(i));
            assertThat(actual.block(i)).as("block of %d", i).isEqualTo(expected.block(i));
            assertThat(actual.node(i)).as("node of %d", i).isEqualTo(expected.node(i));
            assertThat(actual.actor(i)).as("actor of %d", i).isEqualTo(expected.actor(i));
            assertThat(actual.kind(i)).as("kind of %d", i).isEqualTo(expected.kind(i));
            assertThat(actual.fieldOrdinal(i)).as("field of %d", i).isEqualTo(expected.fieldOrdinal(i));
            assertThat(actual.oldValue(i)).as("old of %d", i).isEqualTo(expected.oldValue(i));
            assertThat(actual.newValue(i)).as("new of %d", i).isEqualTo(expected.newValue(i));
            assertThat(actual.cause(i)).as("cause of %d", i).isEqualTo(expected.cause(i));
            assertThat(actual.arg(i)).as("arg of %d", i).isEqualTo(expected.arg(i));
        }
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws Exception {
        Trace trace = RandomTraces.generate(42, 5_000, 24);
        byte[] first = bytes(trace);
        byte[] second = bytes(read(first));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void readingBackGivesTheSameEvents() throws Exception {
        Trace trace = RandomTraces.generate(7, 3_000, 12);
        assertSameTrace(read(bytes(trace)), trace);
    }

    @Test
    void namesNeedingEscapesSurviveTheRoundTrip() throws Exception {
        Trace trace = RandomTraces.generateWithExoticNames(3, 2_000, 9);
        Trace back = read(bytes(trace));
        assertSameTrace(back, trace);
        assertThat(back.header().parameters().get("workload")).contains("\t", "\"", "\ud83d\ude00");
    }

    @Test
    void parameterTextComesBackVerbatim() throws Exception {
        Trace trace = RandomTraces.generate(1, 10, 2);
        Trace back = read(bytes(trace));
        assertThat(back.header().parameters())
                .containsEntry("mediaErrorRate", "1.5e-6")
                .containsEntry("negativeZero", "-0")
                .containsEntry("leadingZeros", "007")
                .containsEntry("compactionEnabled", "true");
        assertThat(List.copyOf(back.header().parameters().keySet()))
                .isEqualTo(List.copyOf(trace.header().parameters().keySet()));
    }

    @Test
    void sameTraceGivesSameBytes() throws Exception {
        assertThat(bytes(RandomTraces.generate(9, 2_000, 8))).isEqualTo(bytes(RandomTraces.generate(9, 2_000, 8)));
    }

    @Test
    void emptyTraceRoundTrips() throws Exception {
        Trace trace = new TraceBuilder(RandomTraces.header(5, 0, 1, false)).build();
        byte[] first = bytes(trace);
        assertThat(bytes(read(first))).isEqualTo(first);
    }

    @Test
    void writesOneHeaderLineOneLinePerEventAndAnEndLine() throws Exception {
        Trace trace = RandomTraces.generate(11, 100, 4);
        String text = new String(bytes(trace), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(trace.size() + 3);
        assertThat(lines[0]).startsWith("{\"format\":\"fabricscope-trace\",\"version\":1,");
        assertThat(lines[1]).startsWith("{\"seq\":0,\"t\":0,\"block\":0,");
        assertThat(lines[trace.size() + 1]).isEqualTo("{\"end\":true,\"events\":" + trace.size() + "}");
        assertThat(lines[trace.size() + 2]).isEmpty();
    }

    @Test
    void omitsAbsentKeysAndNamesEnumValues() throws Exception {
        TraceBuilder b = new TraceBuilder(RandomTraces.header(1, 2, 1, false));
        b.event(5, -1, -1, "client-0", EventKind.READ_BURST, null, 0, 0, -1, 0);
        b.event(6, 1, 0, "prefetch@n0", EventKind.PREFETCH_READY, Field.CACHE_STATE, 1, 2, 0, 0);
        b.event(7, 1, 0, "write@n0", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, -1, 3);
        String[] lines = new String(bytes(b.build()), StandardCharsets.UTF_8).split("\n");
        assertThat(lines[1]).isEqualTo("{\"seq\":0,\"t\":5,\"actor\":\"client-0\",\"kind\":\"READ_BURST\"}");
        assertThat(lines[2])
                .isEqualTo(
                        "{\"seq\":1,\"t\":6,\"block\":1,\"node\":0,\"actor\":\"prefetch@n0\","
                                + "\"kind\":\"PREFETCH_READY\",\"field\":\"cacheState\",\"old\":\"FILLING\",\"new\":\"READY\",\"cause\":0}");
        assertThat(lines[3])
                .isEqualTo(
                        "{\"seq\":2,\"t\":7,\"block\":1,\"node\":0,\"actor\":\"write@n0\","
                                + "\"kind\":\"WRITE_PENDING\",\"field\":\"lastWritePending\",\"old\":false,\"new\":true,\"arg\":3}");
    }

    @Test
    void refusesToWriteAnEnumValueOutOfRange() {
        TraceBuilder b = new TraceBuilder(RandomTraces.header(1, 2, 1, false));
        b.event(5, 0, 0, "x", EventKind.PREFETCH_READY, Field.CACHE_STATE, 0, 9, -1, 0);
        Trace t = b.build();
        assertThatThrownBy(() -> bytes(t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cacheState");
    }

    @Test
    void writeToPathRoundTripsThroughAFile() throws Exception {
        Trace trace = RandomTraces.generate(5, 1_000, 6);
        Path file = dir.resolve("t.jsonl");
        TraceWriter.write(trace, file);
        assertSameTrace(TraceReader.read(file, Progress.NONE), trace);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes(trace));
    }

    @Test
    void writeWithoutOverwriteRefusesAnExistingFileAndLeavesItAlone() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, "precious");
        Trace trace = RandomTraces.generate(5, 100, 6);
        assertThatThrownBy(() -> TraceWriter.write(trace, file, false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("t.jsonl");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void writeWithOverwriteReplacesTheFile() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, "old");
        Trace trace = RandomTraces.generate(5, 100, 6);
        TraceWriter.write(trace, file, true);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes(trace));
    }

    @Test
    void cancelledWriteLeavesNoFileAndNoTemporary() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Trace trace = RandomTraces.generate(5, 100_000, 6);
        AtomicLong calls = new AtomicLong();
        Progress cancelAfterFirstReport = new Progress() {
            @Override
            public void update(long done, long total) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() > 1;
            }
        };
        assertThatThrownBy(() -> TraceWriter.write(trace, file, false, cancelAfterFirstReport))
                .isInstanceOf(CancelledException.class);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void cancelledOverwriteLeavesTheOldFileWholeAndNoTemporary() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Trace old = RandomTraces.generate(6, 200, 6);
        TraceWriter.write(old, file);
        byte[] before = Files.readAllBytes(file);
        AtomicLong calls = new AtomicLong();
        Progress cancelMidway = new Progress() {
            @Override
            public void update(long done, long total) {
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() > 1;
            }
        };

        assertThatThrownBy(() -> TraceWriter.write(RandomTraces.generate(7, 100_000, 6), file, true, cancelMidway))
                .isInstanceOf(CancelledException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void writerReportsProgressUpToTheEventCount() throws Exception {
        Trace trace = RandomTraces.generate(5, 50_000, 6);
        AtomicLong last = new AtomicLong(-1);
        TraceWriter.write(trace, new ByteArrayOutputStream(), new Progress() {
            @Override
            public void update(long done, long total) {
                assertThat(done).isGreaterThanOrEqualTo(last.get()).isLessThanOrEqualTo(total);
                assertThat(total).isEqualTo(trace.size());
                last.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(last.get()).isEqualTo(trace.size());
    }
}
