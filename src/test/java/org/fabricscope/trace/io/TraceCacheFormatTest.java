package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TraceCacheFormatTest {
    @TempDir
    Path dir;

    /** The format's own round trip, without any source file: a fixed fingerprint stands for one. */
    static final SourceFingerprint SOURCE = new SourceFingerprint(1234, 5678, new byte[SourceFingerprint.HASH_BYTES]);

    Path writeCache(Trace trace) throws IOException {
        Path cache = dir.resolve("t.fscache");
        try (OutputStream out = Files.newOutputStream(cache)) {
            TraceCacheFormat.write(trace, SOURCE, out, Progress.NONE);
        }
        return cache;
    }

    /** Everything {@link TraceRoundTripTest#assertSameTrace} checks, plus actor ids and memory form. */
    static void assertIdentical(Trace actual, Trace expected) {
        TraceRoundTripTest.assertSameTrace(actual, expected);
        assertThat(actual.actorCount()).isEqualTo(expected.actorCount());
        for (int a = 0; a < expected.actorCount(); a++) {
            assertThat(actual.actorName(a)).isEqualTo(expected.actorName(a));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.actorId(i)).isEqualTo(expected.actorId(i));
        }
        assertThat(actual.retainedBytesEstimate()).isEqualTo(expected.retainedBytesEstimate());
    }

    static Stream<String> samples() {
        return Stream.of("file-x-legacy.jsonl", "fpre004-repro-legacy.jsonl", "fpre004-repro-patched.jsonl");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleTraceRoundTripsThroughTheCache(String sample) throws Exception {
        Trace json = TraceReader.read(Path.of("sample-traces", sample), Progress.NONE);
        Trace back = TraceCacheFormat.read(writeCache(json), SOURCE, Progress.NONE);
        assertIdentical(back, json);
    }

    @Test
    void randomTracesRoundTripThroughTheCache() throws Exception {
        for (long seed = 1; seed <= 6; seed++) {
            Trace t = seed % 2 == 0
                    ? RandomTraces.generateWithExoticNames(seed, (int) (seed * 3001), (int) seed * 5)
                    : RandomTraces.generate(seed, (int) (seed * 3001), (int) seed * 5);
            assertIdentical(TraceCacheFormat.read(writeCache(t), SOURCE, Progress.NONE), t);
        }
    }

    @Test
    void emptyTraceRoundTrips() throws Exception {
        Trace t = new TraceBuilder(RandomTraces.header(1, 3, 1, false)).build();
        assertIdentical(TraceCacheFormat.read(writeCache(t), SOURCE, Progress.NONE), t);
    }

    /** A chunk spanning more than 2^32 µs: the trace keeps wide times, and the cache too. */
    @Test
    void traceWithWideTimesRoundTrips() throws Exception {
        TraceHeader h = new TraceHeader(
                TraceHeader.FORMAT_NAME,
                TraceHeader.FORMAT_VERSION,
                "test",
                "wide",
                Map.of(),
                1,
                1,
                PatchSwitches.NONE,
                new Topology(1, 1, java.util.List.of(new Topology.BlockInfo(0, 0, "f"))));
        TraceBuilder b = new TraceBuilder(h);
        for (int i = 0; i < 10_000; i++) {
            b.event(i * 1_000_000L, 0, 0, "w" + (i % 3), EventKind.BLOCK_INIT, null, 0, i, -1, 0);
        }
        Trace t = b.build();
        assertIdentical(TraceCacheFormat.read(writeCache(t), SOURCE, Progress.NONE), t);
    }

    @Test
    void aCacheOfAnotherSourceIsStale() throws Exception {
        Path cache = writeCache(RandomTraces.generate(3, 500, 8));
        byte[] otherHash = new byte[SourceFingerprint.HASH_BYTES];
        otherHash[7] = 1;
        for (SourceFingerprint other : new SourceFingerprint[] {
            new SourceFingerprint(1235, 5678, new byte[SourceFingerprint.HASH_BYTES]),
            new SourceFingerprint(1234, 5679, new byte[SourceFingerprint.HASH_BYTES]),
            new SourceFingerprint(1234, 5678, otherHash)
        }) {
            assertThatThrownBy(() -> TraceCacheFormat.read(cache, other, Progress.NONE))
                    .isInstanceOf(TraceCacheFormat.Unusable.class)
                    .hasMessageContaining("stale");
        }
    }

    @Test
    void anotherFormatVersionIsUnusable() throws Exception {
        Path cache = writeCache(RandomTraces.generate(3, 500, 8));
        byte[] b = Files.readAllBytes(cache);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, TraceCacheFormat.VERSION + 1);
        Files.write(cache, b);
        assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, Progress.NONE))
                .isInstanceOf(TraceCacheFormat.Unusable.class)
                .hasMessageContaining("version");
    }

    @Test
    void everySingleFlippedByteIsCaught() throws Exception {
        Trace t = RandomTraces.generate(4, 300, 6);
        byte[] good = Files.readAllBytes(writeCache(t));
        Path cache = dir.resolve("flipped.fscache");
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            Files.write(cache, bad);
            int at = i;
            assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, Progress.NONE))
                    .as("byte %d of %d flipped", at, good.length)
                    .isInstanceOf(TraceCacheFormat.Unusable.class);
        }
    }

    @Test
    void everyTruncationIsCaught() throws Exception {
        byte[] good = Files.readAllBytes(writeCache(RandomTraces.generate(5, 200, 6)));
        Path cache = dir.resolve("short.fscache");
        for (int length = 0; length < good.length; length += 7) {
            Files.write(cache, java.util.Arrays.copyOf(good, length));
            assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, Progress.NONE))
                    .isInstanceOf(TraceCacheFormat.Unusable.class);
        }
    }

    @Test
    void garbageIsUnusable() throws Exception {
        java.util.Random r = new java.util.Random(9);
        Path cache = dir.resolve("garbage.fscache");
        for (int length : new int[] {0, 1, 63, 64, 72, 1000, 100_000}) {
            byte[] junk = new byte[length];
            r.nextBytes(junk);
            Files.write(cache, junk);
            assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, Progress.NONE))
                    .isInstanceOf(TraceCacheFormat.Unusable.class);
        }
        // A right magic does not make garbage a cache either.
        byte[] junk = new byte[100_000];
        r.nextBytes(junk);
        System.arraycopy(TraceCacheFormat.MAGIC, 0, junk, 0, TraceCacheFormat.MAGIC.length);
        Files.write(cache, junk);
        assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, Progress.NONE))
                .isInstanceOf(TraceCacheFormat.Unusable.class);
    }

    @Test
    void readingReportsProgressAndStopsWhenCancelled() throws Exception {
        Path cache = writeCache(RandomTraces.generate(6, 400_000, 64));
        long size = Files.size(cache);
        AtomicLong last = new AtomicLong();
        TraceCacheFormat.read(cache, SOURCE, new Progress() {
            @Override
            public void update(long done, long total) {
                assertThat(total).isEqualTo(size);
                assertThat(done).isGreaterThanOrEqualTo(last.get());
                last.set(done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(last.get()).isEqualTo(size);

        AtomicLong updates = new AtomicLong();
        Progress cancelAfterFirstBuffer = new Progress() {
            @Override
            public void update(long done, long total) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 1;
            }
        };
        assertThatThrownBy(() -> TraceCacheFormat.read(cache, SOURCE, cancelAfterFirstBuffer))
                .isInstanceOf(CancelledException.class);
    }
}
