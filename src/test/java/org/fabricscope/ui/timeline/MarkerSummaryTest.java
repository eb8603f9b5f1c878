package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bitmap summary of a lane's markers agrees with the markers themselves at zoomed-out scales. */
class MarkerSummaryTest {
    @Test
    void lanesWithFewMarkersHaveNoSummary() {
        assertThat(MarkerSummary.forMarkers(MarkerSummary.MIN_MARKERS - 1, 0, 1_000_000))
                .isNull();
        assertThat(MarkerSummary.forMarkers(MarkerSummary.MIN_MARKERS, 0, 1_000_000))
                .isNotNull();
    }

    @Test
    void occupiedBucketsAreFoundInOrderAndHoldTheirMarkers() {
        MarkerSummary s = MarkerSummary.forMarkers(1000, 0, 999_999);
        s.add(10);
        s.add(500_000);
        s.add(999_999);
        int b1 = s.nextOccupied(0);
        int b2 = s.nextOccupied(b1 + 1);
        int b3 = s.nextOccupied(b2 + 1);
        assertThat(s.nextOccupied(b3 + 1)).isEqualTo(-1);
        assertThat(Math.abs(s.centre(b1) - 10)).isLessThanOrEqualTo(s.bucketMicros() / 2);
        assertThat(Math.abs(s.centre(b2) - 500_000)).isLessThanOrEqualTo(s.bucketMicros() / 2);
        assertThat(Math.abs(s.centre(b3) - 999_999)).isLessThanOrEqualTo(s.bucketMicros() / 2);
        assertThat(s.firstCentreAtOrAfter(s.centre(b2))).isEqualTo(b2);
        assertThat(s.firstCentreAtOrAfter(s.centre(b2) + 1e-6)).isEqualTo(b2 + 1);
        assertThat(s.firstCentreAtOrAfter(-5)).isZero();
        assertThat(s.firstCentreAtOrAfter(2e6)).isEqualTo(s.buckets());
    }

    @Test
    void usableOnlyWhenAColumnSpansEnoughBuckets() {
        MarkerSummary s = MarkerSummary.forMarkers(4096, 0, 10_000_000);
        double fine = s.bucketMicros() * MarkerSummary.MIN_BUCKETS_PER_COLUMN;
        assertThat(s.usableAt(fine)).isTrue();
        assertThat(s.usableAt(fine * 0.99)).isFalse();
    }

    @Test
    void coarserSummariesHoldABitForEveryEightBucketsWithAMarker() {
        MarkerSummary fine = MarkerSummary.forMarkers(1 << 16, 0, 100_000_000);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 5_000; i++) {
            fine.add(random.nextLong(100_000_000));
        }
        fine.seal();
        double columnWide = fine.bucketMicros() * 8 * 8 * 8;
        MarkerSummary coarse = fine.coarsestUsableAt(columnWide);
        assertThat(coarse.buckets()).isEqualTo(fine.buckets() / 64);
        assertThat(coarse.bucketMicros()).isEqualTo(fine.bucketMicros() * 64);
        for (int b = 0; b < coarse.buckets(); b++) {
            int firstFine = fine.nextOccupied(b * 64);
            boolean anyFine = firstFine >= 0 && firstFine < (b + 1) * 64;
            boolean set = coarse.nextOccupied(b) == b;
            assertThat(set).as("coarse bucket %d", b).isEqualTo(anyFine);
        }
        assertThat(fine.coarsestUsableAt(fine.bucketMicros() * MarkerSummary.MIN_BUCKETS_PER_COLUMN))
                .as("only the finest is fine enough")
                .isSameAs(fine);
        assertThat(fine.coarsestUsableAt(fine.bucketMicros()))
                .as("not even the finest")
                .isNull();
    }

    /**
     * Columns drawn from the summary are the columns of the markers, except where a marker lies
     * within half a bucket of a column edge (then the neighbouring column may be drawn instead).
     */
    @Test
    void summaryColumnsMatchMarkerColumnsUpToHalfABucketAtTheEdges() {
        SplittableRandom random = new SplittableRandom(3);
        long start = 1_000;
        long end = 51_000_000;
        long[] times = new long[20_000];
        for (int i = 0; i < times.length; i++) {
            // Clustered, as real lanes are: bursts around a few hundred centres.
            long centre = start + (random.nextLong(end - start) / 100_000) * 100_000;
            times[i] = Math.min(end, centre + random.nextLong(3_000));
        }
        MarkerSummary s = MarkerSummary.forMarkers(times.length, start, end);
        for (long t : times) {
            s.add(t);
        }
        double mpp = s.bucketMicros() * 11.3;
        TreeSet<Long> exact = new TreeSet<>();
        TreeSet<Long> nearEdge = new TreeSet<>();
        for (long t : times) {
            double col = (t - start) / mpp;
            exact.add((long) Math.floor(col));
            double toEdge = Math.min(col - Math.floor(col), Math.ceil(col) - col) * mpp;
            if (toEdge <= s.bucketMicros()) {
                nearEdge.add((long) Math.floor(col));
            }
        }
        TreeSet<Long> summarised = new TreeSet<>();
        for (int b = s.nextOccupied(0); b >= 0; b = s.nextOccupied(b + 1)) {
            summarised.add((long) Math.floor((s.centre(b) - start) / mpp));
        }
        assertThat(exact).hasSizeGreaterThan(100);
        for (long c : exact) {
            if (!summarised.contains(c)) {
                assertThat(nearEdge)
                        .as("column %d is missing though no marker is near its edge", c)
                        .contains(c);
                assertThat(summarised.contains(c - 1) || summarised.contains(c + 1))
                        .isTrue();
            }
        }
        for (long c : summarised) {
            if (!exact.contains(c)) {
                assertThat(nearEdge.contains(c - 1) || nearEdge.contains(c + 1))
                        .as("column %d drawn without a marker near it", c)
                        .isTrue();
            }
        }
    }
}
