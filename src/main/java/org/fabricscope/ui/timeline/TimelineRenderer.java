package org.fabricscope.ui.timeline;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.fabricscope.trace.Trace;

/**
 * Draws one frame of the timeline into a {@link GraphicsContext}: clears everything, then draws
 * only the visible rows and the visible time range. Bands go through {@link SeriesLod} (at most
 * one segment per pixel column) and markers are thinned to one per pixel column and category, so
 * the number of rectangles follows the pixels, not the number of events. Rectangles are batched
 * per colour ({@link RectBatch}). A sparse frame draws them as Canvas commands; a dense one (a
 * zoomed-out big trace: tens of thousands of one-pixel rectangles) paints them into a
 * {@link PlotRaster} and draws that as one image, so its cost follows the pixels too.
 *
 * <p>Usable without the control, e.g. by a benchmark with a Canvas of its own.
 */
public final class TimelineRenderer {
    /** Width of the lane-label gutter on the left. */
    public static final double GUTTER = 170;
    /** Height of the time axis at the top. */
    public static final double AXIS = 28;

    public static final double LANE_HEIGHT = 26;
    /** A lane in compare mode: trace A in the upper half, B in the lower ({@link LaneGeometry}). */
    public static final double COMPARE_LANE_HEIGHT = 2 * LaneGeometry.HALF;

    public static final double HEADER_HEIGHT = 20;

    private static final int MAX_BRACKETS = 4000;
    /**
     * A frame with at least this many plot rectangles is painted into the raster. Covering and
     * uploading a plot-sized image has a fixed cost per pixel; Canvas commands cost per rectangle.
     * Below this count the commands are cheaper, above it the image: a fit-all frame of a
     * ten-million-event trace is far above it, a 1 % zoom of it below (figures in
     * docs/BENCHMARK.md).
     */
    static final int RASTER_MIN_RECTS = 10_000;
    /** FPRE004 through-lines are drawn only while their columns are at most one in this many. */
    private static final int FPRE_LINE_SPACING = 24;

    private static final Band[] BAND_ORDER = {Band.CACHE, Band.HAZARD, Band.WRITE, Band.COMPACTION, Band.HEALTH};
    /** B's cursor, in the lower halves, where it is not at A's time (a retimed event, a gap). */
    private static final Color CURSOR_B = Color.web("#0b3d91");

    private static final Color DIVIDER = Color.rgb(0, 0, 0, 0.22);
    private static final Color BACKGROUND = Color.web("#fbfbfc");
    private static final Color GUTTER_FILL = Color.web("#f1f3f5");
    private static final Color AXIS_FILL = Color.web("#f8f9fa");
    private static final Color TEXT = Color.web("#212529");
    private static final Color TEXT_MUTED = Color.web("#6c757d");
    private static final Color RULE = Color.web("#ced4da");
    private static final Color GRID = Color.rgb(0, 0, 0, 0.07);
    private static final Color CURSOR = Color.web("#1971c2");
    private static final Color FPRE_LINE = Color.rgb(227, 0, 27, 0.30);
    private static final Color FPRE_BORDER = Color.web("#8b0010");
    private static final Color CAUSE = Color.web("#1c7ed6");
    private static final Color EFFECT = Color.web("#2f9e44");
    private static final Color RANGE = Color.rgb(28, 126, 214, 0.18);

    private final TimelinePalette palette;
    private final RectBatch batch;
    private final RectBatch markerBatch = new RectBatch(MarkerCategory.count());
    private final RectBatch bracketBatch;
    private final RectBatch rowBatch;
    // FPRE004 tiles: a red fill, a dark border and a white "!", drawn in that order.
    private static final int TILE_FILL = 0;
    private static final int TILE_BORDER = 1;
    private static final int TILE_MARK = 2;
    private static final int TILE_W = 9;
    private final RectBatch tileBatch = new RectBatch(3);
    private final Color[] tileColors;
    private final int[] tileArgbs;
    private final PlotRaster raster = new PlotRaster(GUTTER, AXIS);
    private int rasterThreshold = RASTER_MIN_RECTS;
    private double pixelScale = 1;
    private boolean lastFrameRastered;
    private double[] fpreRuns = new double[32];
    private int fpreRunCount;
    private final Font labelFont = Font.font("System", 11);
    private final Font smallFont = Font.font("System", 9);
    private final Font headerFont = Font.font("System", FontWeight.BOLD, 11);
    private final BandSink bandSink = new BandSink();
    private int[] bracketSeqs = new int[256];
    private double[] bracketMid = new double[256];
    private double[] bracketLabelY = new double[256];
    private boolean[] bracketOnB = new boolean[256];
    private int bracketCount;

    public TimelineRenderer(TimelinePalette palette) {
        this.palette = palette;
        this.batch = new RectBatch(palette.colorCount());
        this.bracketBatch = new RectBatch(palette.colorCount());
        this.rowBatch = new RectBatch(palette.colorCount());
        this.tileColors = new Color[] {palette.marker(MarkerCategory.FPRE004), FPRE_BORDER, Color.WHITE};
        this.tileArgbs = new int[tileColors.length];
        for (int i = 0; i < tileColors.length; i++) {
            tileArgbs[i] = PlotRaster.argb(tileColors[i]);
        }
    }

    /** Device pixels per canvas unit (the window's output scale), for the raster of dense frames. */
    public void setPixelScale(double scale) {
        this.pixelScale = scale > 0 ? scale : 1;
    }

    /** Frames with at least {@code rects} plot rectangles are rasterised (tests force either path). */
    void setRasterThreshold(int rects) {
        this.rasterThreshold = rects;
    }

    /** Whether the last frame painted its plot through the raster. */
    public boolean lastFrameRastered() {
        return lastFrameRastered;
    }

    public TimelinePalette palette() {
        return palette;
    }

    /** Draws a whole frame over {@code [0, width) x [0, height)}. */
    public void render(
            GraphicsContext gc, double width, double height, TimeScale scale, LaneLayout layout, FrameState f) {
        gc.save();
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, width, height);
        double plotW = Math.max(0, width - GUTTER);
        double lanesH = Math.max(0, height - AXIS);
        if (f.model == null || f.markers == null) {
            drawAxis(gc, width, scale, f, false);
            gc.setFill(TEXT_MUTED);
            gc.setFont(labelFont);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(f.message == null ? "" : f.message, width / 2, AXIS + lanesH / 2);
            gc.restore();
            return;
        }
        int first = layout.firstVisibleRow();
        int last = layout.lastVisibleRow();
        collectBands(plotW, scale, layout, f, first, last);
        collectMarkers(plotW, scale, layout, f, first, last);
        int labels = collectBrackets(scale, f);
        collectFpreLines(plotW, scale, f);
        collectFpre004Tiles(plotW, scale, layout, f, first, last);
        lastFrameRastered =
                batch.size() + markerBatch.size() + bracketBatch.size() + tileBatch.size() >= rasterThreshold;
        // A rastered plot covers its part of the rows: their backgrounds are drawn in the gutter only.
        drawRowBackgrounds(gc, lastFrameRastered ? GUTTER : width, layout, f, first, last);

        if (lastFrameRastered) {
            raster.begin(plotW, lanesH, pixelScale);
            // Row by row: its background, bands and markers (they stay inside the row), so the
            // pixels being painted stay in the processor's cache. Below the rows, the background.
            IntUnaryOperator markerArgb = cat -> palette.argb(palette.markerColor(MarkerCategory.values()[cat]));
            double rowsEnd = AXIS;
            for (int r = first; r >= 0 && r <= last; r++) {
                raster.fill(
                        palette.argb(rowColor(r, layout, f)),
                        GUTTER,
                        AXIS + layout.rowY(r),
                        plotW,
                        layout.rowHeight(r));
                rowsEnd = AXIS + layout.rowY(r) + layout.rowHeight(r);
                if (batch.markCount() > r - first) {
                    batch.paintSegment(r - first, raster, palette::argb);
                }
                markerBatch.paintSegment(r - first, raster, markerArgb);
            }
            raster.fill(PlotRaster.argb(BACKGROUND), GUTTER, rowsEnd, plotW, AXIS + lanesH - rowsEnd);
            batch.clear();
            markerBatch.clear();
            bracketBatch.flush(raster, palette::argb);
            tileBatch.flush(raster, c -> tileArgbs[c]);
            // The image is the plot area exactly: drawn before the clip is set, it is copied
            // without a clip test.
            raster.drawTo(gc);
        }
        gc.save();
        gc.beginPath();
        gc.rect(GUTTER, AXIS, plotW, lanesH);
        gc.clip();
        if (!lastFrameRastered) {
            batch.flush(gc, palette);
            markerBatch.flush(gc, cat -> palette.marker(MarkerCategory.values()[cat]));
            bracketBatch.flush(gc, palette);
            tileBatch.flush(gc, c -> tileColors[c]);
        }
        // The grid and the FPRE004 lines go over the plot (they are translucent), on the canvas in
        // both cases: a few long rectangles.
        drawGrid(gc, plotW, lanesH, scale);
        if (f.split()) {
            drawDividers(gc, GUTTER, plotW, layout, first, last);
        }
        gc.setFill(FPRE_LINE);
        for (int i = 0; i < fpreRunCount; i += 2) {
            gc.fillRect(fpreRuns[i], AXIS, fpreRuns[i + 1] - fpreRuns[i], lanesH);
        }
        drawLabels(gc, labels);
        drawCursor(gc, lanesH, scale, layout, f, first, last);
        drawSelection(gc, scale, layout, f);
        drawAnnotations(gc, lanesH, scale, f);
        if (!Double.isNaN(f.rangeX0)) {
            gc.setFill(RANGE);
            double x0 = Math.min(f.rangeX0, f.rangeX1);
            gc.fillRect(GUTTER + x0, AXIS, Math.abs(f.rangeX1 - f.rangeX0), lanesH);
        }
        gc.restore();

        drawGutter(gc, lanesH, layout, f, first, last);
        drawAxis(gc, width, scale, f, true);
        gc.restore();
    }

    private void drawRowBackgrounds(
            GraphicsContext gc, double width, LaneLayout layout, FrameState f, int first, int last) {
        for (int r = first; r >= 0 && r <= last; r++) {
            rowBatch.add(rowColor(r, layout, f), 0, AXIS + layout.rowY(r), width, layout.rowHeight(r));
        }
        rowBatch.flush(gc, palette);
    }

    /** Colour id of row {@code r}'s background. */
    private int rowColor(int r, LaneLayout layout, FrameState f) {
        LaneLayout.Lane lane = layout.laneOfRow(r);
        if (lane == null) {
            return palette.header();
        } else if (lane.kind() == LaneLayout.LaneKind.BLOCK && lane.id() == f.selectedBlock) {
            return palette.selectedLane();
        }
        return (r & 1) == 0 ? palette.laneEven() : palette.laneOdd();
    }

    /** Queues the visible bands' segments in {@link #batch}. */
    private void collectBands(double plotW, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        boolean split = f.split();
        for (int r = first; r >= 0 && r <= last; r++) {
            LaneLayout.Lane lane = layout.laneOfRow(r);
            if (lane != null && lane.kind() == LaneLayout.LaneKind.BLOCK) {
                double y = AXIS + layout.rowY(r);
                laneBands(f.model, lane.id(), y, split ? LaneGeometry.TOP : LaneGeometry.FULL, plotW, scale);
                if (split) {
                    laneBands(f.modelB, lane.id(), y, LaneGeometry.BOTTOM, plotW, scale);
                }
            }
            batch.mark();
        }
    }

    /** Queues one block's bands from {@code model}, placed by {@code g} in the row at {@code rowY}. */
    private void laneBands(TimelineModel model, int block, double rowY, LaneGeometry g, double plotW, TimeScale scale) {
        Trace trace = model.trace();
        if (trace.size() == 0 || block >= model.blockCount()) {
            return;
        }
        int colFrom = (int) Math.max(0, Math.floor(scale.xForTime(trace.startMicros())));
        int colTo = (int) Math.min(Math.ceil(plotW), Math.ceil(scale.xForTime(trace.endMicros())) + 1);
        if (colTo <= colFrom) {
            return;
        }
        for (Band band : BAND_ORDER) {
            StateSeries s = model.series(block, band);
            if (s.size() == 0 && band != Band.CACHE) {
                continue;
            }
            bandSink.prepare(band, rowY, g);
            SeriesLod.segments(s, scale.startMicros(), scale.microsPerPixel(), colFrom, colTo, bandSink);
        }
    }

    /** Receives a band's segments and queues them in the batch. */
    private final class BandSink implements SeriesLod.SegmentSink {
        private Band band;
        private double top;
        private double height;

        void prepare(Band band, double rowY, LaneGeometry g) {
            this.band = band;
            top = rowY + g.bandTop(band);
            height = g.bandHeight(band);
        }

        @Override
        public void segment(int x0, int x1, int value) {
            batch.add(palette.bandColor(band, value), GUTTER + x0, top, x1 - x0, height);
        }
    }

    private void drawGrid(GraphicsContext gc, double plotW, double lanesH, TimeScale scale) {
        double step = TimeTicks.niceStepMicros(scale.microsPerPixel(), 90);
        gc.setFill(GRID);
        for (double t = Math.ceil(scale.startMicros() / step) * step; t <= scale.endMicros(); t += step) {
            double x = Math.floor(scale.xForTime(t));
            if (x >= 0 && x < plotW) {
                gc.fillRect(GUTTER + x, AXIS, 1, lanesH);
            }
        }
    }

    private static int markerWidth(MarkerCategory c) {
        switch (c) {
            case VERIFY:
            case SYSTEM:
            case READ:
                return 1;
            case READ_FAIL:
            case MEDIA_ERROR:
            case RESPONSE:
                return 3;
            default:
                return 2;
        }
    }

    /** Queues the visible markers in {@link #markerBatch} (by category) and notes the visible ACKs. */
    private void collectMarkers(double plotW, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        bracketCount = 0;
        // Zoomed out so far that no write-to-ACK bracket reaches 2 pixels: none is drawn, so
        // skip looking up each visible ACK's write.
        brackets = f.markers.maxAckSpanMicros() >= 2 * scale.microsPerPixel();
        if (f.split() && f.markersB.maxAckSpanMicros() >= 2 * scale.microsPerPixel()) {
            brackets = true;
        }
        boolean split = f.split();
        // Row by row (marked in the batch, so a raster can be painted a row at a time), category by
        // category; the batch draws them category by category, as the legend lists them.
        for (int r = first; r >= 0 && r <= last; r++) {
            LaneLayout.Lane lane = layout.laneOfRow(r);
            if (lane != null) {
                double rowY = AXIS + layout.rowY(r);
                laneMarkers(f.markers, lane, rowY, split ? LaneGeometry.TOP : LaneGeometry.FULL, false, plotW, scale);
                if (split) {
                    laneMarkers(f.markersB, lane, rowY, LaneGeometry.BOTTOM, true, plotW, scale);
                }
            }
            markerBatch.mark();
        }
    }

    /** Queues {@code lane}'s markers from {@code markers} (trace B's when {@code onB}), placed by {@code g}. */
    private void laneMarkers(
            MarkerIndex markers,
            LaneLayout.Lane lane,
            double rowY,
            LaneGeometry g,
            boolean onB,
            double plotW,
            TimeScale scale) {
        boolean block = lane.kind() == LaneLayout.LaneKind.BLOCK;
        Side side = new Side(markers, rowY, g, block, onB);
        for (MarkerCategory cat : MarkerCategory.values()) {
            if (cat == MarkerCategory.FPRE004) {
                continue;
            }
            int[] seqs = markers.markers(lane, cat);
            if (seqs.length == 0) {
                continue;
            }
            int w = markerWidth(cat);
            double top = rowY + (block ? g.markTop : g.actorMarkTop);
            double h = block ? g.markH : g.actorMarkH;
            if (cat == MarkerCategory.VERIFY && block) {
                // Verifier checks are frequent: shorter ticks keep the strip readable.
                top += g.verifyInset;
                h -= g.verifyInset;
            }
            runStart = Double.NaN;
            runEnd = Double.NaN;
            MarkerSummary all = markers.summary(lane, cat);
            MarkerSummary summary = all == null ? null : all.coarsestUsableAt(scale.microsPerPixel());
            if (summary != null) {
                summarisedMarkers(summary, lane, cat, w, top, h, side, plotW, scale);
            } else {
                exactMarkers(seqs, lane, cat, w, top, h, side, plotW, scale);
            }
            endRun(cat, top, h);
        }
    }

    /** Where a lane's markers come from and go: the trace's markers, the row, its part of the row. */
    private record Side(MarkerIndex markers, double rowY, LaneGeometry g, boolean block, boolean onB) {
        /** Where an ACK's bracket runs; the baseline of its jitter label (NaN: none; a split lane has no room). */
        void bracket(TimelineRenderer r, int seq) {
            double mid = rowY + (block ? g.markTop + 3 : g.actorMarkTop + g.actorMarkH / 2);
            double labelY = block && g == LaneGeometry.FULL ? rowY + g.cacheTop + g.cacheH - 0.5 : Double.NaN;
            r.addBracket(seq, mid, labelY, onB);
        }
    }

    // The run of touching markers being built: drawn as one rectangle (the same pixels), since a
    // dense lane zoomed out has long runs, and each rectangle costs a command or a fill.
    private double runStart;
    private double runEnd;
    private boolean brackets;

    private void addToRun(MarkerCategory cat, double left, int w, double top, double h) {
        if (left != runEnd) {
            endRun(cat, top, h);
            runStart = left;
        }
        runEnd = left + w;
    }

    private void endRun(MarkerCategory cat, double top, double h) {
        if (!Double.isNaN(runEnd)) {
            markerBatch.add(cat.ordinal(), runStart, top, runEnd - runStart, h);
        }
        runStart = Double.NaN;
        runEnd = Double.NaN;
    }

    /** A lane's markers of one category, searched column by column: one per column (and width). */
    private void exactMarkers(
            int[] seqs,
            LaneLayout.Lane lane,
            MarkerCategory cat,
            int w,
            double top,
            double h,
            Side side,
            double plotW,
            TimeScale scale) {
        MarkerIndex markers = side.markers();
        Trace trace = markers.trace();
        int i = markers.firstAtOrAfter(lane, cat, 0, scale.timeAtX(-w));
        while (i < seqs.length) {
            int seq = seqs[i];
            double x = Math.floor(scale.xForTime(trace.timeMicros(seq)));
            if (x >= plotW + w) {
                break;
            }
            addToRun(cat, GUTTER + x - (w >> 1), w, top, h);
            if (brackets && cat == MarkerCategory.ACK) {
                side.bracket(this, seq);
            }
            // One marker per category and pixel column: skip what would be drawn under it.
            i = markers.firstAtOrAfter(lane, cat, i + 1, scale.timeAtX(x + w));
        }
    }

    /**
     * The same from the lane's {@link MarkerSummary}, when zoomed out far enough: occupied columns
     * come from its bits, and the trace is touched only for ACKs (whose brackets need the event).
     */
    private void summarisedMarkers(
            MarkerSummary summary,
            LaneLayout.Lane lane,
            MarkerCategory cat,
            int w,
            double top,
            double h,
            Side side,
            double plotW,
            TimeScale scale) {
        MarkerIndex markers = side.markers();
        int[] seqs = markers.markers(lane, cat);
        int ackFrom = 0;
        // Bucket b's centre is at column c0 + b * perBucket (multiplications only: this loop runs
        // once per drawn marker, tens of thousands of times in a zoomed-out frame).
        double perBucket = summary.bucketMicros() / scale.microsPerPixel();
        double bucketsPerColumn = 1 / perBucket;
        double c0 = (summary.centre(0) - scale.startMicros()) / scale.microsPerPixel();
        int last = summary.buckets();
        int b = summary.nextOccupied(firstBucketAt(-w, c0, bucketsPerColumn, 0, last));
        while (b >= 0) {
            double x = Math.floor(c0 + b * perBucket);
            if (x >= plotW + w) {
                break;
            }
            addToRun(cat, GUTTER + x - (w >> 1), w, top, h);
            if (brackets && cat == MarkerCategory.ACK) {
                ackFrom = markers.firstAtOrAfter(lane, cat, ackFrom, summary.centre(b) - summary.bucketMicros());
                if (ackFrom < seqs.length) {
                    side.bracket(this, seqs[ackFrom]);
                }
            }
            // One marker per category and pixel column: skip what would be drawn under it.
            b = summary.nextOccupied(firstBucketAt(x + w, c0, bucketsPerColumn, b + 1, last));
        }
    }

    /** The first bucket whose centre is at or right of column {@code x}, at least {@code min}. */
    private static int firstBucketAt(double x, double c0, double bucketsPerColumn, int min, int last) {
        double b = Math.ceil((x - c0) * bucketsPerColumn);
        if (b <= min) {
            return min;
        }
        return b >= last ? last : (int) b;
    }

    private void addBracket(int seq, double mid, double labelY, boolean onB) {
        if (bracketCount >= MAX_BRACKETS) {
            return;
        }
        if (bracketCount == bracketSeqs.length) {
            int cap = bracketCount * 2;
            bracketSeqs = Arrays.copyOf(bracketSeqs, cap);
            bracketMid = Arrays.copyOf(bracketMid, cap);
            bracketLabelY = Arrays.copyOf(bracketLabelY, cap);
            bracketOnB = Arrays.copyOf(bracketOnB, cap);
        }
        bracketSeqs[bracketCount] = seq;
        bracketMid[bracketCount] = mid;
        bracketLabelY[bracketCount] = labelY;
        bracketOnB[bracketCount] = onB;
        bracketCount++;
    }

    /**
     * Each visible ACK gets a bracket back to its write's issue; the last {@code jitter}
     * microseconds of it (the delay injected into the ACK) are drawn thick and orange, so a late
     * ACK is visibly late.
     */
    private int collectBrackets(TimeScale scale, FrameState f) {
        Trace traceA = f.model.trace();
        Trace traceB = f.split() ? f.modelB.trace() : traceA;
        int ack = palette.markerColor(MarkerCategory.ACK);
        int jitterColor = palette.jitterColor();
        int labels = 0;
        double rowMid = Double.NaN;
        double lastTick = Double.NaN;
        for (int i = 0; i < bracketCount; i++) {
            int seq = bracketSeqs[i];
            Trace trace = bracketOnB[i] ? traceB : traceA;
            int issue = trace.cause(seq);
            if (issue < 0) {
                continue;
            }
            double xAck = GUTTER + scale.xForTime(trace.timeMicros(seq));
            double xIssue = GUTTER + scale.xForTime(trace.timeMicros(issue));
            if (xAck - xIssue < 2) {
                continue;
            }
            double mid = bracketMid[i];
            if (mid != rowMid) {
                // A lane's brackets come together, in ACK order: overlapping lines and jitter
                // spans on it are merged (zoomed out, hundreds overlap), then drawn once each.
                ackLine.flush();
                jitterLine.flush();
                ackLine.start(ack, mid, 1);
                jitterLine.start(jitterColor, mid - 1, 3);
                rowMid = mid;
                lastTick = Double.NaN;
            }
            ackLine.add(xIssue, xAck);
            double tick = Math.floor(xIssue);
            if (tick != lastTick) {
                bracketBatch.add(ack, xIssue, mid - 2, 1, 5);
                lastTick = tick;
            }
            int jitter = trace.arg(seq);
            if (jitter > 0) {
                double xj = GUTTER + scale.xForTime(trace.timeMicros(seq) - (double) jitter);
                double jw = Math.max(1, xAck - Math.max(xj, xIssue));
                jitterLine.add(xAck - jw, xAck);
                // The baseline sits low in the cache band, so the text (9 px) stays below the
                // marker strip: labels never draw over markers.
                double labelY = bracketLabelY[i];
                if (!Double.isNaN(labelY)
                        && jw >= 60
                        && labels < MAX_LABELS
                        && !labelOverlaps(labels, xAck - 3, labelY)) {
                    labelQueue(labels++, xAck - 3, labelY, "+" + TimeTicks.millis(jitter) + " jitter");
                }
            }
        }
        ackLine.flush();
        jitterLine.flush();
        return labels;
    }

    private final SpanMerger ackLine = new SpanMerger();
    private final SpanMerger jitterLine = new SpanMerger();

    /** Horizontal spans on one row, merged where they overlap or touch, queued in the bracket batch. */
    private final class SpanMerger {
        private int color;
        private double y;
        private double h;
        private double x0 = Double.NaN;
        private double x1;

        void start(int color, double y, double h) {
            this.color = color;
            this.y = y;
            this.h = h;
            x0 = Double.NaN;
        }

        void add(double from, double to) {
            if (!Double.isNaN(x0) && from <= x1 && to >= x0) {
                x0 = Math.min(x0, from);
                x1 = Math.max(x1, to);
                return;
            }
            flush();
            x0 = from;
            x1 = to;
        }

        void flush() {
            if (!Double.isNaN(x0)) {
                bracketBatch.add(color, x0, y, x1 - x0, h);
                x0 = Double.NaN;
            }
        }
    }

    /**
     * The jitter labels {@link #collectBrackets} queued, except those that would cover an FPRE004
     * tile (the tiles fill the whole lane height): labels never draw over markers.
     */
    private void drawLabels(GraphicsContext gc, int labels) {
        if (labels > 0) {
            gc.setFont(smallFont);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.BASELINE);
            gc.setFill(TEXT);
            for (int i = 0; i < labels; i++) {
                if (!labelCoversTile(labelX[i], labelY[i])) {
                    gc.fillText(labelText[i], labelX[i], labelY[i]);
                }
            }
        }
    }

    /** Whether a right-aligned label ending at x with its baseline at y would cover an FPRE004 tile. */
    boolean labelCoversTile(double x, double y) {
        for (int i = 0; i < tileRectCount; i += 4) {
            double left = tileRects[i];
            double top = tileRects[i + 1];
            if (left < x
                    && left + tileRects[i + 2] > x - LABEL_WIDTH
                    && top < y + 3
                    && top + tileRects[i + 3] > y - 8) {
                return true;
            }
        }
        return false;
    }

    // The FPRE004 tiles of the frame (left, top, width, height), for labelCoversTile.
    private double[] tileRects = new double[64];
    private int tileRectCount;

    private static final int MAX_LABELS = 200;
    /** Right-aligned jitter labels are about this wide; closer ones on a row would overprint. */
    private static final double LABEL_WIDTH = 90;

    private final String[] labelText = new String[MAX_LABELS];
    private final double[] labelX = new double[MAX_LABELS];
    private final double[] labelY = new double[MAX_LABELS];

    private boolean labelOverlaps(int count, double x, double y) {
        for (int i = 0; i < count; i++) {
            if (labelY[i] == y && Math.abs(labelX[i] - x) < LABEL_WIDTH) {
                return true;
            }
        }
        return false;
    }

    private void labelQueue(int i, double x, double y, String text) {
        labelText[i] = text;
        labelX[i] = x;
        labelY[i] = y;
    }

    /**
     * FPRE004 is what the user hunts: a red tile on its lanes, a red line through all lanes and a
     * flag on the axis, whether or not its lane is visible. The lines of neighbouring columns are
     * merged into runs (drawn once, so overlapping lines do not darken each other); when FPRE004s
     * fill more than one column in {@link #FPRE_LINE_SPACING}, the lines would hide the lanes, and
     * only the flags and tiles are drawn.
     */
    private void collectFpreLines(double plotW, TimeScale scale, FrameState f) {
        fpreRunCount = 0;
        MarkerIndex m = f.markers;
        Trace trace = f.model.trace();
        // In compare mode B's FPRE004s get lines too: both lists, merged in time order.
        MarkerIndex mb = f.split() ? f.markersB : null;
        Trace traceB = mb == null ? null : mb.trace();
        int countB = mb == null ? 0 : mb.fpre004Count();
        int columns = 0;
        double lastX = Double.NaN;
        for (int i = 0, j = 0; i < m.fpre004Count() || j < countB; ) {
            long ta = i < m.fpre004Count() ? trace.timeMicros(m.fpre004At(i)) : Long.MAX_VALUE;
            long tb = j < countB ? traceB.timeMicros(mb.fpre004At(j)) : Long.MAX_VALUE;
            long t;
            if (ta <= tb) {
                t = ta;
                i++;
            } else {
                t = tb;
                j++;
            }
            double x = Math.floor(scale.xForTime(t));
            if (x < -1 || x > plotW || x == lastX) {
                continue;
            }
            lastX = x;
            if (++columns * FPRE_LINE_SPACING > plotW) {
                fpreRunCount = 0;
                return;
            }
            double left = GUTTER + x - 1;
            if (fpreRunCount > 0 && left <= fpreRuns[fpreRunCount - 1]) {
                fpreRuns[fpreRunCount - 1] = left + 3;
            } else {
                if (fpreRunCount + 2 > fpreRuns.length) {
                    fpreRuns = Arrays.copyOf(fpreRuns, fpreRuns.length * 2);
                }
                fpreRuns[fpreRunCount++] = left;
                fpreRuns[fpreRunCount++] = left + 3;
            }
        }
    }

    /** The FPRE004 tiles on the visible lanes, one per lane and pixel column. */
    private void collectFpre004Tiles(
            double plotW, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        tileRectCount = 0;
        boolean split = f.split();
        laneTiles(plotW, scale, layout, f.markers, split ? LaneGeometry.TOP : LaneGeometry.FULL, first, last);
        if (split) {
            laneTiles(plotW, scale, layout, f.markersB, LaneGeometry.BOTTOM, first, last);
        }
    }

    private void laneTiles(
            double plotW, TimeScale scale, LaneLayout layout, MarkerIndex m, LaneGeometry g, int first, int last) {
        Trace trace = m.trace();
        if (m.fpre004Count() == 0) {
            return;
        }
        for (int r = first; r >= 0 && r <= last; r++) {
            LaneLayout.Lane lane = layout.laneOfRow(r);
            if (lane == null) {
                continue;
            }
            int[] seqs = m.markers(lane, MarkerCategory.FPRE004);
            double y = AXIS + layout.rowY(r) + g.tileTop;
            double h = g == LaneGeometry.FULL ? layout.rowHeight(r) - 2 : g.tileH;
            double lastTileX = Double.NEGATIVE_INFINITY;
            for (int seq : seqs) {
                double x = Math.floor(scale.xForTime(trace.timeMicros(seq)));
                // A tile starting inside the previous one would be drawn mostly over it: zoomed
                // out, a lane's FPRE004s (retries, bursts) crowd together.
                if (x < -8 || x > plotW + 8 || x - lastTileX < TILE_W) {
                    continue;
                }
                lastTileX = x;
                double left = GUTTER + x - 4;
                if (tileRectCount + 4 > tileRects.length) {
                    tileRects = Arrays.copyOf(tileRects, tileRects.length * 2);
                }
                tileRects[tileRectCount++] = left;
                tileRects[tileRectCount++] = y;
                tileRects[tileRectCount++] = TILE_W;
                tileRects[tileRectCount++] = h;
                tileBatch.add(TILE_FILL, left, y, TILE_W, h);
                tileBatch.add(TILE_BORDER, left, y, TILE_W, 1);
                tileBatch.add(TILE_BORDER, left, y + h - 1, TILE_W, 1);
                tileBatch.add(TILE_BORDER, left, y, 1, h);
                tileBatch.add(TILE_BORDER, left + TILE_W - 1, y, 1, h);
                tileBatch.add(TILE_MARK, GUTTER + x, y + 3, 1, h - 9);
                tileBatch.add(TILE_MARK, GUTTER + x, y + h - 4, 1, 2);
            }
        }
    }

    private void drawCursor(
            GraphicsContext gc, double lanesH, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        Trace trace = f.model.trace();
        double x = Double.NaN;
        if (f.currentStep >= 0 && f.currentStep < trace.size()) {
            x = Math.floor(scale.xForTime(trace.timeMicros(f.currentStep)));
            gc.setFill(CURSOR);
            gc.fillRect(GUTTER + x - 0.5, AXIS, 2, lanesH);
        }
        Trace traceB = f.split() ? f.modelB.trace() : null;
        if (traceB == null || f.currentStepB < 0 || f.currentStepB >= traceB.size()) {
            return;
        }
        // One axis, one cursor line (A's). B's cursor follows A's to the same event, or to the gap
        // where B has none; where that is at another time, a tick in each lower half shows it.
        double xb = Math.floor(scale.xForTime(traceB.timeMicros(f.currentStepB)));
        if (Math.abs(xb - x) < 3) {
            // A's line already marks it (a tick beside it would only thicken the line).
            return;
        }
        for (int r = first; r >= 0 && r <= last; r++) {
            if (!layout.isHeader(r)) {
                double top = AXIS + layout.rowY(r) + LaneGeometry.HALF;
                gc.setFill(CURSOR_B);
                gc.fillRect(GUTTER + xb - 1, top, 3, LaneGeometry.HALF);
                gc.setFill(Color.WHITE);
                gc.fillRect(GUTTER + xb, top + 2, 1, LaneGeometry.HALF - 4);
            }
        }
    }

    /** Compare mode: a thin line between each lane's upper (A) and lower (B) half. */
    private static void drawDividers(GraphicsContext gc, double x, double w, LaneLayout layout, int first, int last) {
        gc.setFill(DIVIDER);
        for (int r = first; r >= 0 && r <= last; r++) {
            if (!layout.isHeader(r)) {
                gc.fillRect(x, AXIS + layout.rowY(r) + LaneGeometry.HALF, w, 1);
            }
        }
    }

    private static final Color BOOKMARK = Color.web("#1864ab");
    private static final Color NOTE = Color.web("#e67700");
    private static final Color NOTE_RANGE = Color.rgb(230, 119, 0, 0.10);
    /** Height of an annotation's flag or bracket, at the top of the plot. */
    static final double ANNOTATION_H = 10;

    /**
     * Bookmarks and notes: a flag (bookmark blue, note amber) and a thin line at a moment; a tinted
     * band with a bracket on top for a note on a range. Their text is in the hover box.
     */
    private void drawAnnotations(GraphicsContext gc, double lanesH, TimeScale scale, FrameState f) {
        for (TimelineAnnotation a : f.annotations) {
            double x0 = GUTTER + Math.floor(scale.xForTime(a.startMicros()));
            Color color = a.bookmark() ? BOOKMARK : NOTE;
            if (a.isRange()) {
                double x1 = GUTTER + Math.floor(scale.xForTime(a.endMicros()));
                gc.setFill(NOTE_RANGE);
                gc.fillRect(x0, AXIS, Math.max(1, x1 - x0), lanesH);
                gc.setFill(color);
                gc.fillRect(x0, AXIS + 1, Math.max(1, x1 - x0), 2);
                gc.fillRect(x0, AXIS + 1, 2, ANNOTATION_H);
                gc.fillRect(x1 - 1, AXIS + 1, 2, ANNOTATION_H);
            } else {
                gc.setFill(color.deriveColor(0, 1, 1, 0.55));
                gc.fillRect(x0, AXIS, 1, lanesH);
                gc.setFill(color);
                gc.fillRect(x0, AXIS, 2, ANNOTATION_H + 2);
                gc.fillPolygon(new double[] {x0 + 2, x0 + 11, x0 + 2}, new double[] {AXIS, AXIS + 4, AXIS + 8}, 3);
            }
        }
    }

    private void drawSelection(GraphicsContext gc, TimeScale scale, LaneLayout layout, FrameState f) {
        Trace trace = f.model.trace();
        int sel = f.selectedEvent;
        if (sel < 0 || sel >= trace.size()) {
            return;
        }
        LaneGeometry g = f.split() ? LaneGeometry.TOP : LaneGeometry.FULL;
        double[] at = anchor(trace, sel, scale, layout, g);
        gc.setLineWidth(1.5);
        int cause = trace.cause(sel);
        if (cause >= 0 && at != null) {
            double[] from = anchor(trace, cause, scale, layout, g);
            if (from != null) {
                arrow(gc, from[0], from[1], at[0], at[1], CAUSE);
            }
        }
        for (int e : f.effects) {
            double[] to = anchor(trace, e, scale, layout, g);
            if (to != null && at != null) {
                arrow(gc, at[0], at[1], to[0], to[1], EFFECT);
            }
        }
        if (at != null) {
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(2);
            gc.strokeRect(at[0] - 5, at[1] - 5, 10, 10);
        }
        Trace traceB = f.split() ? f.modelB.trace() : null;
        if (traceB != null && f.selectedEventB >= 0 && f.selectedEventB < traceB.size()) {
            double[] atB = anchor(traceB, f.selectedEventB, scale, layout, LaneGeometry.BOTTOM);
            if (atB != null) {
                gc.setStroke(Color.BLACK);
                gc.setLineWidth(2);
                gc.strokeRect(atB[0] - 5, atB[1] - 5, 10, 10);
            }
        }
    }

    private static void arrow(GraphicsContext gc, double x0, double y0, double x1, double y1, Color color) {
        gc.setStroke(color);
        gc.setFill(color);
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            return;
        }
        gc.strokeLine(x0, y0, x1, y1);
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(9, len / 2);
        gc.fillPolygon(
                new double[] {x1, x1 - ux * head - uy * head * 0.5, x1 - ux * head + uy * head * 0.5},
                new double[] {y1, y1 - uy * head + ux * head * 0.5, y1 - uy * head - ux * head * 0.5},
                3);
    }

    /**
     * Canvas position of an event's marker: on its block's lane, or on its actor's lane when it has
     * no block or the block's group is collapsed. {@code null} when neither lane is shown.
     */
    static double[] anchor(Trace trace, int seq, TimeScale scale, LaneLayout layout, LaneGeometry g) {
        int row = -1;
        boolean block = false;
        if (trace.block(seq) >= 0) {
            row = layout.rowOf(LaneLayout.LaneKind.BLOCK, trace.block(seq));
            block = row >= 0;
        }
        if (row < 0 && trace.node(seq) >= 0) {
            // Focus mode splits actor lanes per node.
            row = layout.rowOf(
                    LaneLayout.LaneKind.ACTOR_NODE,
                    LaneLayout.actorNodeLaneId(trace.kind(seq).actorKind(), trace.node(seq)));
        }
        if (row < 0) {
            row = layout.rowOf(
                    LaneLayout.LaneKind.ACTOR, trace.kind(seq).actorKind().ordinal());
        }
        if (row < 0) {
            return null;
        }
        double x = GUTTER + Math.floor(scale.xForTime(trace.timeMicros(seq))) + 0.5;
        double y = AXIS + layout.rowY(row) + g.markerMid(block);
        return new double[] {x, y};
    }

    private void drawGutter(GraphicsContext gc, double lanesH, LaneLayout layout, FrameState f, int first, int last) {
        gc.setFill(GUTTER_FILL);
        for (int r = first; r >= 0 && r <= last; r++) {
            if (!layout.isHeader(r)) {
                LaneLayout.Lane lane = layout.laneOfRow(r);
                boolean sel = lane.kind() == LaneLayout.LaneKind.BLOCK && lane.id() == f.selectedBlock;
                if (!sel) {
                    gc.fillRect(0, AXIS + layout.rowY(r), GUTTER, layout.rowHeight(r));
                }
            }
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(TEXT);
        for (int pass = 0; pass < 2; pass++) {
            gc.setFont(pass == 0 ? headerFont : labelFont);
            for (int r = first; r >= 0 && r <= last; r++) {
                double mid = AXIS + layout.rowY(r) + layout.rowHeight(r) / 2;
                if (layout.isHeader(r) && pass == 0) {
                    int g = layout.groupOfRow(r);
                    LaneLayout.Group group = layout.groups().get(g);
                    String arrow = layout.isCollapsed(g) ? "▸ " : "▾ ";
                    gc.fillText(arrow + group.title() + "  (" + group.lanes().size() + ")", 6, mid);
                } else if (!layout.isHeader(r) && pass == 1) {
                    LaneLayout.Lane lane = layout.laneOfRow(r);
                    gc.fillText(lane.label(), lane.kind() == LaneLayout.LaneKind.BLOCK ? 18 : 12, mid);
                }
            }
        }
        if (f.split()) {
            drawHalfTags(gc, layout, first, last);
        }
        gc.setFill(RULE);
        gc.fillRect(GUTTER - 1, AXIS, 1, lanesH);
    }

    private static final Color TAG_A = Color.web("#495057");
    private static final Color TAG_B = Color.web("#0b7285");

    /** Compare mode: "A" and "B" at the right of the gutter, by each lane's upper and lower half. */
    private void drawHalfTags(GraphicsContext gc, LaneLayout layout, int first, int last) {
        gc.setFont(headerFont);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int r = first; r >= 0 && r <= last; r++) {
            if (layout.isHeader(r)) {
                continue;
            }
            double top = AXIS + layout.rowY(r);
            gc.setFill(TAG_A);
            gc.fillText("A", GUTTER - 10, top + LaneGeometry.HALF / 2 + 1);
            gc.setFill(TAG_B);
            gc.fillText("B", GUTTER - 10, top + LaneGeometry.HALF * 1.5);
        }
        drawDividers(gc, GUTTER - 20, 19, layout, first, last);
    }

    private void drawAxis(GraphicsContext gc, double width, TimeScale scale, FrameState f, boolean withData) {
        gc.setFill(AXIS_FILL);
        gc.fillRect(0, 0, width, AXIS);
        gc.setFill(RULE);
        gc.fillRect(0, AXIS - 1, width, 1);
        if (!withData) {
            return;
        }
        double plotW = width - GUTTER;
        double step = TimeTicks.niceStepMicros(scale.microsPerPixel(), 90);
        gc.setFont(smallFont);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.setFill(TEXT_MUTED);
        gc.fillText(TimeTicks.format(scale.microsPerPixel()) + " / px", 6, 8);
        gc.setFill(TEXT);
        for (double t = Math.ceil(scale.startMicros() / step) * step; t <= scale.endMicros(); t += step) {
            double x = Math.floor(scale.xForTime(t));
            if (x < 0 || x >= plotW) {
                continue;
            }
            gc.fillRect(GUTTER + x, AXIS - 7, 1, 6);
            if (x < plotW - 40) {
                gc.fillText(TimeTicks.label(t, step), GUTTER + x + 3, 5);
            }
        }
        Trace trace = f.model.trace();
        MarkerIndex m = f.markers;
        gc.setFill(palette.marker(MarkerCategory.FPRE004));
        double lastFlag = Double.NEGATIVE_INFINITY;
        int flags = 0;
        // All flags are one path, filled once: hundreds of separate polygons (a zoomed-out big
        // trace) would each be set up and rasterised on their own.
        gc.beginPath();
        for (int i = 0; i < m.fpre004Count(); i++) {
            double x = GUTTER + Math.floor(scale.xForTime(trace.timeMicros(m.fpre004At(i))));
            // Flags closer than 6 pixels would mostly overlap (a flag is 11 wide).
            if (x >= GUTTER - 5 && x <= width + 5 && x - lastFlag >= 6) {
                gc.moveTo(x - 5, AXIS - 10);
                gc.lineTo(x + 6, AXIS - 10);
                gc.lineTo(x + 0.5, AXIS - 1);
                gc.closePath();
                lastFlag = x;
                flags++;
            }
        }
        if (flags > 0) {
            gc.fill();
        }
        if (f.currentStep >= 0 && f.currentStep < trace.size()) {
            double x = GUTTER + Math.floor(scale.xForTime(trace.timeMicros(f.currentStep)));
            if (x >= GUTTER - 5 && x <= width + 5) {
                gc.setFill(CURSOR);
                gc.fillPolygon(new double[] {x - 5, x + 6, x + 0.5}, new double[] {AXIS - 8, AXIS - 8, AXIS}, 3);
            }
        }
        gc.setFill(RULE);
        gc.fillRect(GUTTER - 1, 0, 1, AXIS);
    }
}
