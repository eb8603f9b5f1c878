package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;

class TimelineModelTest {
    /** Block 1: a fill turns READY while a write holds the lock, then the ACK releases it. */
    static Trace raceOnBlockOne() {
        TraceBuilder b = new TraceBuilder(SyntheticTrace.header(4, 1));
        b.event(
                10,
                1,
                0,
                "prefetch",
                EventKind.PREFETCH_FILL,
                Field.CACHE_STATE,
                0,
                CacheState.FILLING.ordinal(),
                -1,
                0);
        int issue = b.event(15, 1, 0, "client", EventKind.WRITE_ISSUE, null, 0, 0, -1, 7);
        b.event(15, 1, 0, "write", EventKind.WRITE_LOCK, Field.LOCK_HOLDER, 0, 7, issue, 7);
        b.event(15, 1, 0, "write", EventKind.WRITE_PENDING, Field.LAST_WRITE_PENDING, 0, 1, issue, 7);
        b.event(20, 1, 0, "prefetch", EventKind.PREFETCH_READY, Field.CACHE_STATE, 1, CacheState.READY.ordinal(), 0, 0);
        int begin = b.event(25, 1, 0, "verifier", EventKind.VERIFY_BEGIN, null, 0, 0, -1, 0);
        int check = b.event(26, 1, 0, "verifier", EventKind.VERIFY_CHECK, Field.CACHE_STATE, 2, 2, begin, 0);
        int check2 = b.event(27, 1, 0, "verifier", EventKind.VERIFY_CHECK, Field.LAST_WRITE_PENDING, 1, 1, check, 0);
        b.event(27, 1, 0, "verifier", EventKind.FPRE004, Field.LAST_WRITE_PENDING, 1, 1, check2, 0);
        b.event(40, 1, 0, "ack", EventKind.WRITE_ACK, null, 0, 0, issue, 7300);
        b.event(41, 1, 0, "write", EventKind.WRITE_RELEASE, Field.LAST_WRITE_PENDING, 1, 0, issue, 7);
        b.event(41, 1, 0, "write", EventKind.WRITE_RELEASE, Field.LOCK_HOLDER, 7, 0, issue, 7);
        b.event(50, 2, 1, "client", EventKind.READ_ISSUE, null, 0, 0, -1, 0);
        return b.build();
    }

    @Test
    void cacheBandHasOneChangePointPerStateChange() {
        TimelineModel m = TimelineModel.build(raceOnBlockOne(), Progress.NONE);
        StateSeries cache = m.series(1, Band.CACHE);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.valueAt(5)).isEqualTo(CacheState.EMPTY.ordinal());
        assertThat(cache.valueAt(12)).isEqualTo(CacheState.FILLING.ordinal());
        assertThat(cache.valueAt(30)).isEqualTo(CacheState.READY.ordinal());
        assertThat(cache.seq(1)).isEqualTo(4);
    }

    @Test
    void verifierReadsDoNotCountAsChanges() {
        TimelineModel m = TimelineModel.build(raceOnBlockOne(), Progress.NONE);
        assertThat(m.series(1, Band.CACHE).firstAfter(20)).isEqualTo(2);
        assertThat(m.series(1, Band.WRITE).size()).isEqualTo(4);
    }

    @Test
    void writeBandCombinesPendingAndLock() {
        TimelineModel m = TimelineModel.build(raceOnBlockOne(), Progress.NONE);
        StateSeries w = m.series(1, Band.WRITE);
        assertThat(w.valueAt(14)).isZero();
        assertThat(w.valueAt(15)).isEqualTo(Band.WRITE_PENDING | Band.WRITE_LOCKED);
        assertThat(w.valueAt(41)).isZero();
    }

    @Test
    void hazardIsOnExactlyWhileReadyAndPending() {
        TimelineModel m = TimelineModel.build(raceOnBlockOne(), Progress.NONE);
        StateSeries h = m.series(1, Band.HAZARD);
        assertThat(h.valueAt(19)).isZero();
        assertThat(h.valueAt(20)).isEqualTo(1);
        assertThat(h.valueAt(40)).isEqualTo(1);
        assertThat(h.valueAt(41)).isZero();
        assertThat(m.series(2, Band.HAZARD).size()).isZero();
    }

    @Test
    void markersAreOnTheActorLaneAndTheBlockLane() {
        Trace t = raceOnBlockOne();
        MarkerIndex mi = MarkerIndex.build(t, null, Progress.NONE);
        LaneLayout.Lane block1 = new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 1, "block 1");
        LaneLayout.Lane verifier = new LaneLayout.Lane(
                LaneLayout.LaneKind.ACTOR, EventKind.FPRE004.actorKind().ordinal(), "verifier");
        assertThat(mi.count(block1, MarkerCategory.FPRE004)).isEqualTo(1);
        assertThat(mi.count(verifier, MarkerCategory.FPRE004)).isEqualTo(1);
        assertThat(mi.count(block1, MarkerCategory.VERIFY)).isEqualTo(3);
        assertThat(mi.fpre004()).containsExactly(8);
    }

    @Test
    void theEventFilterHidesMarkersButNotStates() {
        Trace t = raceOnBlockOne();
        MarkerIndex mi = MarkerIndex.build(t, seq -> t.kind(seq) != EventKind.FPRE004, Progress.NONE);
        LaneLayout.Lane block1 = new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 1, "block 1");
        assertThat(mi.count(block1, MarkerCategory.FPRE004)).isZero();
        assertThat(mi.fpre004()).isEmpty();
        assertThat(mi.count(block1, MarkerCategory.VERIFY)).isEqualTo(3);
    }

    @Test
    void firstAtOrAfterFindsMarkersByTime() {
        Trace t = raceOnBlockOne();
        MarkerIndex mi = MarkerIndex.build(t, null, Progress.NONE);
        int[] verify = mi.blockMarkers(1, MarkerCategory.VERIFY);
        assertThat(mi.firstAtOrAfter(verify, 0, 26)).isEqualTo(1);
        assertThat(mi.firstAtOrAfter(verify, 0, 26.5)).isEqualTo(2);
        assertThat(mi.firstAtOrAfter(verify, 0, 100)).isEqualTo(3);
        assertThat(mi.firstAtOrAfter(verify, 0, 0)).isZero();
    }

    @Test
    void effectsAreTheEventsCausedByAnEvent() {
        Trace t = raceOnBlockOne();
        assertThat(TimelineControl.effectsOf(t, 1)).containsExactly(2, 3, 9, 10, 11);
    }
}
