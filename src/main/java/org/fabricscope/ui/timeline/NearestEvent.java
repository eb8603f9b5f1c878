package org.fabricscope.ui.timeline;

import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.Trace;

/**
 * Which event a click on the timeline means. Plain Java (searches in a {@link MarkerIndex}, never
 * a scan).
 *
 * <p>The rule: a click on a lane that shows events picks, among that lane's events (those the
 * filter lets through), the one nearest in time to the click; a click on a lane without events
 * (or below the lanes) picks the nearest shown event of the whole trace. Ties in time go to the
 * category drawn on top ({@link MarkerCategory#FPRE004} first), then to the earlier event, so a
 * click on an FPRE004 tile lands on the FPRE004, not on the verifier check at the same time.
 */
public final class NearestEvent {
    private NearestEvent() {}

    /**
     * The event on {@code lane} nearest to time {@code t} within {@code toleranceMicros}; -1 if
     * none (use {@link Double#POSITIVE_INFINITY} for "however far").
     */
    public static int onLane(MarkerIndex m, Trace trace, LaneLayout.Lane lane, double t, double toleranceMicros) {
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        MarkerCategory[] cats = MarkerCategory.values();
        // Highest-priority categories first (FPRE004 is last declared): ties keep the first found.
        for (int c = cats.length - 1; c >= 0; c--) {
            int[] seqs = m.markers(lane, cats[c]);
            if (seqs.length == 0) {
                continue;
            }
            int i = m.firstAtOrAfter(seqs, 0, t);
            for (int j = i - 1; j <= i; j++) {
                if (j >= 0 && j < seqs.length) {
                    double d = Math.abs(trace.timeMicros(seqs[j]) - t);
                    if (d <= toleranceMicros && d < bestDist) {
                        bestDist = d;
                        best = seqs[j];
                    }
                }
            }
        }
        return best;
    }

    /** Whether {@code lane} shows any event (after the filter). */
    public static boolean hasEvents(MarkerIndex m, LaneLayout.Lane lane) {
        for (MarkerCategory c : MarkerCategory.values()) {
            if (m.markers(lane, c).length > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shown event nearest to time {@code t} in the whole trace, or -1 when none is shown.
     * Every shown event is on exactly one actor lane, so this searches those.
     */
    public static int inTrace(MarkerIndex m, Trace trace, double t) {
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        for (ActorKind k : ActorKind.values()) {
            LaneLayout.Lane lane = new LaneLayout.Lane(LaneLayout.LaneKind.ACTOR, k.ordinal(), "");
            int seq = onLane(m, trace, lane, t, Double.POSITIVE_INFINITY);
            if (seq < 0) {
                continue;
            }
            double d = Math.abs(trace.timeMicros(seq) - t);
            if (d < bestDist || (d == bestDist && better(trace, seq, best))) {
                bestDist = d;
                best = seq;
            }
        }
        return best;
    }

    /**
     * The event a click at time {@code t} on {@code lane} ({@code null}: no lane) picks: see the
     * class comment.
     */
    public static int forClick(MarkerIndex m, Trace trace, LaneLayout.Lane lane, double t) {
        if (lane != null && hasEvents(m, lane)) {
            return onLane(m, trace, lane, t, Double.POSITIVE_INFINITY);
        }
        return inTrace(m, trace, t);
    }

    private static boolean better(Trace trace, int seq, int than) {
        int a = MarkerCategory.of(trace.kind(seq)).ordinal();
        int b = MarkerCategory.of(trace.kind(than)).ordinal();
        return a != b ? a > b : seq < than;
    }
}
