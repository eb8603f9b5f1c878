package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @TempDir
    Path dir;

    private static Trace readResource(String name) throws Exception {
        return TraceReader.read(TraceReaderMalformedTest.resource(name), Progress.NONE);
    }

    @Test
    void smallHandWrittenTraceLoadsWithItsValues() throws Exception {
        Trace t = readResource("valid/small.jsonl");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.header().parameters())
                .containsEntry("ackJitterMicrosMax", "7300")
                .containsEntry("compactionEnabled", "true");
        assertThat(t.kind(2)).isEqualTo(EventKind.PREFETCH_READY);
        assertThat(t.field(2)).isEqualTo(Field.CACHE_STATE);
        assertThat(t.newValue(2)).isEqualTo(2);
        assertThat(t.cause(2)).isEqualTo(1);
        assertThat(t.actor(1)).isEqualTo("prefetch@n0");
        assertThat(t.arg(0)).isZero();
    }

    @Test
    void crlfLineEndingsLoadLikeLf() throws Exception {
        TraceRoundTripTest.assertSameTrace(readResource("valid/crlf.jsonl"), readResource("valid/small.jsonl"));
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws Exception {
        TraceRoundTripTest.assertSameTrace(readResource("valid/bom.jsonl"), readResource("valid/small.jsonl"));
    }

    @Test
    void byteOrderMarkWithCrlfLineEndingsLoadsLikeAPlainFile() throws Exception {
        // What an editor on Windows saves: BOM and CRLF together, which neither file above has alone.
        String text = "\uFEFF"
                + Files.readString(TraceReaderMalformedTest.resource("valid/small.jsonl"))
                        .replace("\n", "\r\n");
        Path file = dir.resolve("windows.jsonl");
        Files.writeString(file, text);
        TraceRoundTripTest.assertSameTrace(TraceReader.read(file, Progress.NONE), readResource("valid/small.jsonl"));
    }

    @Test
    void missingFinalNewlineIsAccepted() throws Exception {
        TraceRoundTripTest.assertSameTrace(
                readResource("valid/no-final-newline.jsonl"), readResource("valid/small.jsonl"));
    }

    @Test
    void crlfFileKeepsCorrectLineNumbersInErrors() throws Exception {
        String text = Files.readString(TraceReaderMalformedTest.resource("malformed/unknown-kind.jsonl"))
                .replace("\n", "\r\n");
        Path file = dir.resolve("crlf-bad.jsonl");
        Files.writeString(file, text);
        TraceFormatException e = TraceReaderMalformedTest.failure(file);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void missingFileIsAnIoFailureNamingItNotAFormatError() {
        Path file = dir.resolve("nope.jsonl");
        Throwable t = catchThrowable(() -> TraceReader.read(file, Progress.NONE));
        assertThat(t).isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessage(file + ": no such file");
    }

    @Test
    void aStreamThatFailsMidwayIsAnIoFailureNamingItNotAFormatError() throws Exception {
        byte[] good = TraceRoundTripTest.bytes(RandomTraces.generate(1, 2_000, 4));
        InputStream failing =
                new SequenceInputStream(new ByteArrayInputStream(good, 0, good.length / 2), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("device unplugged");
                    }
                });
        Throwable t = catchThrowable(() -> TraceReader.read(failing, "usb.jsonl", good.length, Progress.NONE));
        assertThat(t)
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .isNotInstanceOf(TraceFormatException.class)
                .hasMessage("usb.jsonl: cannot read the file: device unplugged");
    }

    /** A stream of {@code prefix}, then {@code count} copies of {@code fill}, then {@code suffix}, never held in memory. */
    private static final class GeneratedStream extends InputStream {
        private final byte[] prefix;
        private final byte fill;
        private final long count;
        private final byte[] suffix;
        long position;

        GeneratedStream(String prefix, char fill, long count, String suffix) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.fill = (byte) fill;
            this.count = count;
            this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = prefix.length + count + suffix.length;
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < prefix.length
                        ? prefix[(int) p]
                        : p < prefix.length + count ? fill : suffix[(int) (p - prefix.length - count)];
            }
            position += n;
            return n;
        }
    }

    private static String header() throws Exception {
        return Files.readAllLines(TraceReaderMalformedTest.resource("valid/small.jsonl"))
                        .get(0) + "\n";
    }

    private static void assertFailsFast(GeneratedStream in, String reason) {
        Throwable t = catchThrowable(() -> TraceReader.read(in, "huge.jsonl", -1, Progress.NONE));
        assertThat(t).isInstanceOf(TraceFormatException.class);
        assertThat(((TraceFormatException) t).line()).isEqualTo(2);
        assertThat(((TraceFormatException) t).problem()).contains(reason);
        // Failing fast means refusing after a small prefix, never buffering the 100 MB line.
        assertThat(in.position).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void hundredMegabyteStringFailsFastAtTheStringLimit() throws Exception {
        assertFailsFast(
                new GeneratedStream(header() + "{\"seq\":0,\"t\":0,\"actor\":\"", 'a', HUNDRED_MB, "\"}\n"),
                "a string or number longer than 65536 characters");
    }

    @Test
    void hundredMegabyteNumberFailsFastAtTheNumberLimit() throws Exception {
        assertFailsFast(
                new GeneratedStream(header() + "{\"seq\":0,\"t\":", '7', HUNDRED_MB, "}\n"),
                "a string or number longer than 65536 characters");
    }

    @Test
    void hundredMegabyteKeyFailsFastAtTheKeyLimit() throws Exception {
        assertFailsFast(
                new GeneratedStream(header() + "{\"", 'k', HUNDRED_MB, "\":1}\n"), "a key longer than 1024 characters");
    }

    @Test
    void hundredMegabytesOfNestingFailsAtTheFirstBracket() throws Exception {
        assertFailsFast(
                new GeneratedStream(header() + "{\"seq\":", '[', HUNDRED_MB, "\n"),
                "seq must be an integer, found an array");
    }

    @Test
    void hundredMegabytesOfRepeatedKeysFailsAtTheSecondKey() throws Exception {
        StringBuilder keys = new StringBuilder(header()).append("{\"seq\":0");
        keys.append(",\"arg\":1".repeat(10));
        assertFailsFast(new GeneratedStream(keys.toString(), ' ', HUNDRED_MB, "}\n"), "key 'arg' appears twice");
    }

    @Test
    void hundredMegabyteHeaderWithEndlessParametersFailsAtTheParameterLimit() {
        StringBuilder params = new StringBuilder("{\"format\":\"fabricscope-trace\",\"version\":1,\"parameters\":{");
        for (int i = 0; i < 20_000; i++) {
            params.append("\"p").append(i).append("\":1,");
        }
        GeneratedStream in = new GeneratedStream(params.toString(), ' ', HUNDRED_MB, "}}\n");
        Throwable t = catchThrowable(() -> TraceReader.read(in, "huge.jsonl", -1, Progress.NONE));
        assertThat(t).isInstanceOf(TraceFormatException.class).hasMessageContaining("more than 10000 parameters");
        assertThat(in.position).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void progressReportsBytesReadUpToTheFileSize() throws Exception {
        Path file = dir.resolve("p.jsonl");
        TraceWriter.write(RandomTraces.generate(3, 60_000, 16), file);
        long size = Files.size(file);
        List<long[]> updates = new ArrayList<>();
        TraceReader.read(file, new Progress() {
            @Override
            public void update(long done, long total) {
                updates.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(updates.size()).isGreaterThan(2);
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThanOrEqualTo(updates.get(i - 1)[0]);
            assertThat(updates.get(i)[1]).isEqualTo(size);
        }
        assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(size);
    }

    @Test
    void cancellingALoadThrowsCancelledAndReturnsNothing() throws Exception {
        byte[] bytes = TraceRoundTripTest.bytes(RandomTraces.generate(3, 60_000, 16));
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(bytes), "c.jsonl", bytes.length, cancelled))
                .isInstanceOf(CancelledException.class);
    }
}
