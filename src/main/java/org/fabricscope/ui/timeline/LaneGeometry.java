package org.fabricscope.ui.timeline;

/**
 * Where a lane's parts sit vertically, as offsets from the top of its row: the marker strip, the
 * bands (cache, hazard, write, compaction, health), the FPRE004 tile and, on actor lanes, the
 * taller markers. {@link #FULL} is a lane of one trace. In compare mode a lane is split in two
 * halves on one time axis: {@link #TOP} draws trace A, {@link #BOTTOM} trace B, each a compact copy
 * of the full lane with a strip above its markers for the difference markers.
 */
final class LaneGeometry {
    /** Height of one half of a compare-mode lane. */
    static final double HALF = 22;

    static final LaneGeometry FULL = new LaneGeometry(0, 1, 7, 3, 8, 9, 13, 4, 17.5, 3, 20.5, 2, 22.5, 2, 1, 24, 5, 16);
    static final LaneGeometry TOP = compact(0);
    static final LaneGeometry BOTTOM = compact(HALF);

    /** Offset of this part of the lane from the row top (0 for the full lane and the top half). */
    final double offset;

    final double markTop;
    final double markH;
    /** Verifier checks are frequent: their ticks are this much shorter, from the top. */
    final double verifyInset;

    final double cacheTop;
    final double cacheH;
    final double hazardTop;
    final double hazardH;
    final double writeTop;
    final double writeH;
    final double compactionTop;
    final double compactionH;
    final double healthTop;
    final double healthH;
    final double tileTop;
    final double tileH;
    final double actorMarkTop;
    final double actorMarkH;

    private LaneGeometry(
            double offset,
            double markTop,
            double markH,
            double verifyInset,
            double cacheTop,
            double cacheH,
            double hazardTop,
            double hazardH,
            double writeTop,
            double writeH,
            double compactionTop,
            double compactionH,
            double healthTop,
            double healthH,
            double tileTop,
            double tileH,
            double actorMarkTop,
            double actorMarkH) {
        this.offset = offset;
        this.markTop = offset + markTop;
        this.markH = markH;
        this.verifyInset = verifyInset;
        this.cacheTop = offset + cacheTop;
        this.cacheH = cacheH;
        this.hazardTop = offset + hazardTop;
        this.hazardH = hazardH;
        this.writeTop = offset + writeTop;
        this.writeH = writeH;
        this.compactionTop = offset + compactionTop;
        this.compactionH = compactionH;
        this.healthTop = offset + healthTop;
        this.healthH = healthH;
        this.tileTop = offset + tileTop;
        this.tileH = tileH;
        this.actorMarkTop = offset + actorMarkTop;
        this.actorMarkH = actorMarkH;
    }

    /**
     * A half lane (22 px): 0-3 free for the difference markers, markers 3-9, cache 9-16 (hazard
     * 12-16), write 16-18, compaction 18-20, health 20-22.
     */
    private static LaneGeometry compact(double offset) {
        return new LaneGeometry(offset, 3, 6, 2, 9, 7, 12, 4, 16, 2, 18, 2, 20, 2, 1, HALF - 2, 3, 16);
    }

    /** The y (from the row top) of the middle of an event's marker, on a block or an actor lane. */
    double markerMid(boolean blockLane) {
        return blockLane ? markTop + markH / 2 : actorMarkTop + actorMarkH / 2;
    }

    /** Top and height of {@code band}. */
    double bandTop(Band band) {
        return switch (band) {
            case CACHE -> cacheTop;
            case HAZARD -> hazardTop;
            case WRITE -> writeTop;
            case COMPACTION -> compactionTop;
            case HEALTH -> healthTop;
        };
    }

    double bandHeight(Band band) {
        return switch (band) {
            case CACHE -> cacheH;
            case HAZARD -> hazardH;
            case WRITE -> writeH;
            case COMPACTION -> compactionH;
            case HEALTH -> healthH;
        };
    }
}
