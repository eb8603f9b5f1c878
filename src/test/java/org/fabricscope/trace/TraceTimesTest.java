package org.fabricscope.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.fabricscope.testsupport.RandomTraces;
import org.junit.jupiter.api.Test;

/** Times come back exactly whether the trace keeps them chunked (32-bit offsets) or plain. */
class TraceTimesTest {
    private static Trace build(long[] times) {
        TraceBuilder b = new TraceBuilder(RandomTraces.header(1, 2, 1, false));
        int actor = b.internActor("client-1");
        for (long t : times) {
            b.append(t, -1, -1, actor, EventKind.READ_BURST.ordinal(), -1, 0, 0, -1, 0);
        }
        return b.build();
    }

    private static long[] times(int n, long start, long maxStep, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] out = new long[n];
        long t = start;
        for (int i = 0; i < n; i++) {
            t += r.nextLong(maxStep + 1);
            out[i] = t;
        }
        return out;
    }

    private static void assertTimes(Trace trace, long[] times) {
        assertThat(trace.size()).isEqualTo(times.length);
        for (int i = 0; i < times.length; i++) {
            assertThat(trace.timeMicros(i)).as("event %d", i).isEqualTo(times[i]);
        }
        if (times.length > 0) {
            assertThat(trace.startMicros()).isEqualTo(times[0]);
            assertThat(trace.endMicros()).isEqualTo(times[times.length - 1]);
            long probe = times[times.length / 2];
            int first = trace.firstAtOrAfter(probe);
            assertThat(trace.timeMicros(first)).isEqualTo(probe);
            assertThat(first == 0 || trace.timeMicros(first - 1) < probe).isTrue();
        }
    }

    @Test
    void timesAcrossManyChunksComeBackExactly() {
        long[] t = times(20_000, 5_000_000_000L, 3_000, 1);
        assertTimes(build(t), t);
    }

    @Test
    void offsetsAboveTheSignedIntRangeComeBackExactly() {
        // Steps near 2^31 µs: offsets within a chunk use the unsigned range.
        long[] t = {0, 2_147_483_000L, 4_294_967_295L, 4_294_967_295L};
        assertTimes(build(t), t);
    }

    @Test
    void aChunkSpanningMoreThan71MinutesKeepsPlainTimes() {
        long[] t = times(10_000, 0, 10, 2);
        for (int i = 5000; i < t.length; i++) {
            t[i] += 1L << 40;
        }
        Trace trace = build(t);
        assertTimes(trace, t);
        assertThat(trace.retainedBytesEstimate()).isGreaterThanOrEqualTo(34L * t.length);
    }

    @Test
    void chunkedTimesCostFourBytesAnEvent() {
        long[] t = times(100_000, 0, 100, 3);
        assertThat(build(t).retainedBytesEstimate()).isLessThan(31L * t.length);
    }

    @Test
    void aSeqPastTheEndIsRefused() {
        Trace trace = build(new long[] {1, 2, 3});
        assertThatThrownBy(() -> trace.timeMicros(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> trace.timeMicros(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEmptyTraceStartsAndEndsAtZero() {
        Trace trace = build(new long[0]);
        assertThat(trace.startMicros()).isZero();
        assertThat(trace.endMicros()).isZero();
        assertThat(trace.firstAtOrAfter(5)).isZero();
    }
}
