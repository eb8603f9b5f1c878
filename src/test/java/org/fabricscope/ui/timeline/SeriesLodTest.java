package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesLodTest {
    private record Segment(int x0, int x1, int value) {}

    private static StateSeries series(long[] times, int[] values) {
        StateSeries.Builder b = new StateSeries.Builder();
        for (int i = 0; i < times.length; i++) {
            b.change(times[i], values[i], i);
        }
        return b.build();
    }

    private static List<Segment> segments(StateSeries s, double start, double mpp, int from, int to) {
        List<Segment> out = new ArrayList<>();
        SeriesLod.segments(s, start, mpp, from, to, (x0, x1, v) -> out.add(new Segment(x0, x1, v)));
        return out;
    }

    @Test
    void intervalsWiderThanAPixelBecomeOneSegmentEach() {
        StateSeries s = series(new long[] {0, 100, 200}, new int[] {1, 2, 3});
        assertThat(segments(s, 0, 10, 0, 30))
                .containsExactly(new Segment(0, 10, 1), new Segment(10, 20, 2), new Segment(20, 30, 3));
    }

    @Test
    void manyChangesInOnePixelAreMergedIntoAMixedColumnNotDropped() {
        StateSeries s = series(new long[] {100, 101, 102, 103, 104}, new int[] {1, 2, 1, 2, 1});
        assertThat(segments(s, 0, 10, 0, 20))
                .containsExactly(new Segment(0, 10, 0), new Segment(10, 11, SeriesLod.MIXED), new Segment(11, 20, 1));
    }

    @Test
    void anIntervalShorterThanAPixelStillGetsAPixel() {
        // [95, 104) is 0.9 px wide; each of its two columns holds one change.
        StateSeries s = series(new long[] {95, 104}, new int[] {1, 2});
        assertThat(segments(s, 0, 10, 0, 20))
                .containsExactly(new Segment(0, 9, 0), new Segment(9, 10, 1), new Segment(10, 20, 2));
    }

    @Test
    void aHiddenReadyBetweenTwoColumnsIsHintedAsMixed() {
        // READY (2) lasts 3 µs inside column 5 at 10 µs per pixel: column 5 must not look plain.
        StateSeries s = series(new long[] {0, 52, 55}, new int[] {1, 2, 3});
        List<Segment> segs = segments(s, 0, 10, 0, 10);
        assertThat(segs).contains(new Segment(5, 6, SeriesLod.MIXED));
    }

    @Test
    void segmentsTileTheColumnsAndMatchABruteForceReading() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(60);
            long[] times = new long[n];
            int[] values = new int[n];
            long t = random.nextInt(50);
            int v = 0;
            for (int i = 0; i < n; i++) {
                t += random.nextInt(4) == 0 ? 0 : random.nextInt(40);
                times[i] = t;
                v = (v + 1 + random.nextInt(3)) % 4;
                values[i] = v;
            }
            StateSeries s = series(times, values);
            double start = random.nextInt(100) - 50 + random.nextDouble();
            double mpp = 0.5 + random.nextDouble() * 20;
            int from = random.nextInt(5);
            int to = from + 1 + random.nextInt(200);
            int[] drawn = new int[to];
            int expectedNext = from;
            for (Segment seg : segments(s, start, mpp, from, to)) {
                assertThat(seg.x0()).as("segments are contiguous").isEqualTo(expectedNext);
                assertThat(seg.x1()).isGreaterThan(seg.x0());
                for (int c = seg.x0(); c < seg.x1(); c++) {
                    drawn[c] = seg.value();
                }
                expectedNext = seg.x1();
            }
            assertThat(expectedNext).isEqualTo(to);
            for (int c = from; c < to; c++) {
                assertThat(drawn[c]).as("round %d column %d", round, c).isEqualTo(bruteForce(s, start, mpp, c));
            }
        }
    }

    private static int bruteForce(StateSeries s, double start, double mpp, int c) {
        double t0 = start + c * mpp;
        double t1 = start + (c + 1) * mpp;
        int inside = 0;
        int last = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.time(i) > t0 && s.time(i) < t1) {
                inside++;
                last = i;
            }
        }
        if (inside == 0) {
            return s.valueAt(t0);
        }
        return inside == 1 ? s.value(last) : SeriesLod.MIXED;
    }
}
