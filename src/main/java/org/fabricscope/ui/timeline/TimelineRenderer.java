package org.fabricscope.ui.timeline;

import java.util.Arrays;
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
 * the cost of a frame follows the pixels, not the number of events. Rectangles are batched per
 * colour ({@link RectBatch}).
 *
 * <p>Usable without the control, e.g. by a benchmark with a Canvas of its own.
 */
public final class TimelineRenderer {
    /** Width of the lane-label gutter on the left. */
    public static final double GUTTER = 170;
    /** Height of the time axis at the top. */
    public static final double AXIS = 28;
    public static final double LANE_HEIGHT = 26;
    public static final double HEADER_HEIGHT = 20;

    // Vertical layout of a block lane, offsets from the row top.
    static final double MARK_TOP = 1;
    static final double MARK_H = 7;
    static final double CACHE_TOP = 8;
    static final double CACHE_H = 9;
    static final double HAZARD_TOP = 13;
    static final double HAZARD_H = 4;
    static final double WRITE_TOP = 17.5;
    static final double WRITE_H = 3;
    static final double COMPACTION_TOP = 20.5;
    static final double COMPACTION_H = 2;
    static final double HEALTH_TOP = 22.5;
    static final double HEALTH_H = 2;
    // Actor lanes carry only markers, drawn taller.
    static final double ACTOR_MARK_TOP = 5;
    static final double ACTOR_MARK_H = 16;

    private static final int MAX_BRACKETS = 4000;
    private static final Band[] BAND_ORDER = {Band.CACHE, Band.HAZARD, Band.WRITE, Band.COMPACTION, Band.HEALTH};
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
    private final Font labelFont = Font.font("System", 11);
    private final Font smallFont = Font.font("System", 9);
    private final Font headerFont = Font.font("System", FontWeight.BOLD, 11);
    private final BandSink bandSink = new BandSink();
    private int[] bracketSeqs = new int[256];
    private double[] bracketRowY = new double[256];
    private boolean[] bracketOnBlock = new boolean[256];
    private int bracketCount;

    public TimelineRenderer(TimelinePalette palette) {
        this.palette = palette;
        this.batch = new RectBatch(palette.colorCount());
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
        drawRowBackgrounds(gc, width, layout, f, first, last);

        gc.save();
        gc.beginPath();
        gc.rect(GUTTER, AXIS, plotW, lanesH);
        gc.clip();
        drawBands(gc, plotW, scale, layout, f, first, last);
        drawGrid(gc, plotW, lanesH, scale);
        drawMarkers(gc, plotW, scale, layout, f, first, last);
        drawBrackets(gc, scale, f);
        drawFpre004(gc, plotW, lanesH, scale, layout, f, first, last);
        drawCursor(gc, lanesH, scale, f);
        drawSelection(gc, scale, layout, f);
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
            double y = AXIS + layout.rowY(r);
            double h = layout.rowHeight(r);
            LaneLayout.Lane lane = layout.laneOfRow(r);
            int color;
            if (lane == null) {
                color = palette.header();
            } else if (lane.kind() == LaneLayout.LaneKind.BLOCK && lane.id() == f.selectedBlock) {
                color = palette.selectedLane();
            } else {
                color = (r & 1) == 0 ? palette.laneEven() : palette.laneOdd();
            }
            batch.add(color, 0, y, width, h);
        }
        batch.flush(gc, palette);
    }

    private void drawBands(
            GraphicsContext gc, double plotW, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        Trace trace = f.model.trace();
        if (trace.size() == 0) {
            return;
        }
        int colFrom = (int) Math.max(0, Math.floor(scale.xForTime(trace.startMicros())));
        int colTo = (int) Math.min(Math.ceil(plotW), Math.ceil(scale.xForTime(trace.endMicros())) + 1);
        if (colTo <= colFrom) {
            return;
        }
        for (int r = first; r >= 0 && r <= last; r++) {
            LaneLayout.Lane lane = layout.laneOfRow(r);
            if (lane == null || lane.kind() != LaneLayout.LaneKind.BLOCK) {
                continue;
            }
            double y = AXIS + layout.rowY(r);
            for (Band band : BAND_ORDER) {
                StateSeries s = f.model.series(lane.id(), band);
                if (s.size() == 0 && band != Band.CACHE) {
                    continue;
                }
                bandSink.prepare(band, y);
                SeriesLod.segments(s, scale.startMicros(), scale.microsPerPixel(), colFrom, colTo, bandSink);
            }
        }
        batch.flush(gc, palette);
    }

    /** Receives a band's segments and queues them in the batch. */
    private final class BandSink implements SeriesLod.SegmentSink {
        private Band band;
        private double top;
        private double height;

        void prepare(Band band, double rowY) {
            this.band = band;
            switch (band) {
                case CACHE:
                    top = rowY + CACHE_TOP;
                    height = CACHE_H;
                    break;
                case HAZARD:
                    top = rowY + HAZARD_TOP;
                    height = HAZARD_H;
                    break;
                case WRITE:
                    top = rowY + WRITE_TOP;
                    height = WRITE_H;
                    break;
                case COMPACTION:
                    top = rowY + COMPACTION_TOP;
                    height = COMPACTION_H;
                    break;
                default:
                    top = rowY + HEALTH_TOP;
                    height = HEALTH_H;
                    break;
            }
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

    private void drawMarkers(
            GraphicsContext gc, double plotW, TimeScale scale, LaneLayout layout, FrameState f, int first, int last) {
        Trace trace = f.model.trace();
        bracketCount = 0;
        for (MarkerCategory cat : MarkerCategory.values()) {
            if (cat == MarkerCategory.FPRE004) {
                continue;
            }
            gc.setFill(palette.marker(cat));
            int w = markerWidth(cat);
            for (int r = first; r >= 0 && r <= last; r++) {
                LaneLayout.Lane lane = layout.laneOfRow(r);
                if (lane == null) {
                    continue;
                }
                int[] seqs = f.markers.markers(lane, cat);
                if (seqs.length == 0) {
                    continue;
                }
                boolean block = lane.kind() == LaneLayout.LaneKind.BLOCK;
                double rowY = AXIS + layout.rowY(r);
                double top = rowY + (block ? MARK_TOP : ACTOR_MARK_TOP);
                double h = block ? MARK_H : ACTOR_MARK_H;
                if (cat == MarkerCategory.VERIFY && block) {
                    // Verifier checks are frequent: shorter ticks keep the strip readable.
                    top += 3;
                    h -= 3;
                }
                int i = f.markers.firstAtOrAfter(lane, cat, 0, scale.timeAtX(-w));
                // Markers that touch are drawn as one rectangle (the same pixels): a dense lane
                // at fit-all has long runs, and each fill costs a command and a rasterisation.
                double runStart = Double.NaN;
                double runEnd = Double.NaN;
                while (i < seqs.length) {
                    int seq = seqs[i];
                    double x = Math.floor(scale.xForTime(trace.timeMicros(seq)));
                    if (x >= plotW + w) {
                        break;
                    }
                    double left = GUTTER + x - (w >> 1);
                    if (left != runEnd) {
                        if (!Double.isNaN(runEnd)) {
                            gc.fillRect(runStart, top, runEnd - runStart, h);
                        }
                        runStart = left;
                    }
                    runEnd = left + w;
                    if (cat == MarkerCategory.ACK) {
                        addBracket(seq, rowY, block);
                    }
                    // One marker per category and pixel column: skip what would be drawn under it.
                    i = f.markers.firstAtOrAfter(lane, cat, i + 1, scale.timeAtX(x + w));
                }
                if (!Double.isNaN(runEnd)) {
                    gc.fillRect(runStart, top, runEnd - runStart, h);
                }
            }
        }
    }

    private void addBracket(int seq, double rowY, boolean onBlock) {
        if (bracketCount >= MAX_BRACKETS) {
            return;
        }
        if (bracketCount == bracketSeqs.length) {
            int cap = bracketCount * 2;
            bracketSeqs = Arrays.copyOf(bracketSeqs, cap);
            bracketRowY = Arrays.copyOf(bracketRowY, cap);
            bracketOnBlock = Arrays.copyOf(bracketOnBlock, cap);
        }
        bracketSeqs[bracketCount] = seq;
        bracketRowY[bracketCount] = rowY;
        bracketOnBlock[bracketCount] = onBlock;
        bracketCount++;
    }

    /**
     * Each visible ACK gets a bracket back to its write's issue; the last {@code jitter}
     * microseconds of it (the delay injected into the ACK) are drawn thick and orange, so a late
     * ACK is visibly late.
     */
    private void drawBrackets(GraphicsContext gc, TimeScale scale, FrameState f) {
        Trace trace = f.model.trace();
        int ack = palette.markerColor(MarkerCategory.ACK);
        int jitterColor = palette.jitterColor();
        int labels = 0;
        gc.setFont(smallFont);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.BOTTOM);
        for (int i = 0; i < bracketCount; i++) {
            int seq = bracketSeqs[i];
            int issue = trace.cause(seq);
            if (issue < 0) {
                continue;
            }
            double xAck = GUTTER + scale.xForTime(trace.timeMicros(seq));
            double xIssue = GUTTER + scale.xForTime(trace.timeMicros(issue));
            if (xAck - xIssue < 2) {
                continue;
            }
            double mid = bracketRowY[i] + (bracketOnBlock[i] ? MARK_TOP + 3 : ACTOR_MARK_TOP + ACTOR_MARK_H / 2);
            batch.add(ack, xIssue, mid, xAck - xIssue, 1);
            batch.add(ack, xIssue, mid - 2, 1, 5);
            int jitter = trace.arg(seq);
            if (jitter > 0) {
                double xj = GUTTER + scale.xForTime(trace.timeMicros(seq) - (double) jitter);
                double jw = Math.max(1, xAck - Math.max(xj, xIssue));
                batch.add(jitterColor, xAck - jw, mid - 1, jw, 3);
                double labelY = bracketRowY[i] + CACHE_TOP + CACHE_H;
                if (bracketOnBlock[i] && jw >= 60 && labels < MAX_LABELS && !labelOverlaps(labels, xAck - 3, labelY)) {
                    labelQueue(labels++, xAck - 3, labelY, "+" + TimeTicks.format(jitter) + " jitter");
                }
            }
        }
        batch.flush(gc, palette);
        if (labels > 0) {
            gc.setFill(TEXT);
            for (int i = 0; i < labels; i++) {
                gc.fillText(labelText[i], labelX[i], labelY[i]);
            }
        }
    }

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
     * flag on the axis, whether or not its lane is visible.
     */
    private void drawFpre004(
            GraphicsContext gc,
            double plotW,
            double lanesH,
            TimeScale scale,
            LaneLayout layout,
            FrameState f,
            int first,
            int last) {
        MarkerIndex m = f.markers;
        Trace trace = f.model.trace();
        if (m.fpre004Count() == 0) {
            return;
        }
        gc.setFill(FPRE_LINE);
        double lastX = Double.NaN;
        for (int i = 0; i < m.fpre004Count(); i++) {
            double x = Math.floor(scale.xForTime(trace.timeMicros(m.fpre004At(i))));
            if (x >= -1 && x <= plotW && x != lastX) {
                gc.fillRect(GUTTER + x - 1, AXIS, 3, lanesH);
                lastX = x;
            }
        }
        for (int r = first; r >= 0 && r <= last; r++) {
            LaneLayout.Lane lane = layout.laneOfRow(r);
            if (lane == null) {
                continue;
            }
            int[] seqs = m.markers(lane, MarkerCategory.FPRE004);
            double y = AXIS + layout.rowY(r) + 1;
            double h = layout.rowHeight(r) - 2;
            double lastTileX = Double.NaN;
            for (int seq : seqs) {
                double x = Math.floor(scale.xForTime(trace.timeMicros(seq)));
                // A tile in the same pixel column as the previous one would be drawn over it
                // again: zoomed out, a lane's FPRE004s (retries, bursts) share columns.
                if (x < -8 || x > plotW + 8 || x == lastTileX) {
                    continue;
                }
                lastTileX = x;
                gc.setFill(palette.marker(MarkerCategory.FPRE004));
                gc.fillRect(GUTTER + x - 4, y, 9, h);
                gc.setStroke(FPRE_BORDER);
                gc.setLineWidth(1);
                gc.strokeRect(GUTTER + x - 3.5, y + 0.5, 8, h - 1);
                gc.setFill(Color.WHITE);
                gc.fillRect(GUTTER + x, y + 3, 1, h - 9);
                gc.fillRect(GUTTER + x, y + h - 4, 1, 1.5);
            }
        }
    }

    private void drawCursor(GraphicsContext gc, double lanesH, TimeScale scale, FrameState f) {
        Trace trace = f.model.trace();
        if (f.currentStep < 0 || f.currentStep >= trace.size()) {
            return;
        }
        double x = Math.floor(scale.xForTime(trace.timeMicros(f.currentStep)));
        gc.setFill(CURSOR);
        gc.fillRect(GUTTER + x - 0.5, AXIS, 2, lanesH);
    }

    private void drawSelection(GraphicsContext gc, TimeScale scale, LaneLayout layout, FrameState f) {
        Trace trace = f.model.trace();
        int sel = f.selectedEvent;
        if (sel < 0 || sel >= trace.size()) {
            return;
        }
        double[] at = anchor(trace, sel, scale, layout);
        gc.setLineWidth(1.5);
        int cause = trace.cause(sel);
        if (cause >= 0 && at != null) {
            double[] from = anchor(trace, cause, scale, layout);
            if (from != null) {
                arrow(gc, from[0], from[1], at[0], at[1], CAUSE);
            }
        }
        for (int e : f.effects) {
            double[] to = anchor(trace, e, scale, layout);
            if (to != null && at != null) {
                arrow(gc, at[0], at[1], to[0], to[1], EFFECT);
            }
        }
        if (at != null) {
            gc.setStroke(Color.BLACK);
            gc.setLineWidth(2);
            gc.strokeRect(at[0] - 5, at[1] - 5, 10, 10);
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
    static double[] anchor(Trace trace, int seq, TimeScale scale, LaneLayout layout) {
        int row = -1;
        boolean block = false;
        if (trace.block(seq) >= 0) {
            row = layout.rowOf(LaneLayout.LaneKind.BLOCK, trace.block(seq));
            block = row >= 0;
        }
        if (row < 0) {
            row = layout.rowOf(LaneLayout.LaneKind.ACTOR, trace.kind(seq).actorKind().ordinal());
        }
        if (row < 0) {
            return null;
        }
        double x = GUTTER + Math.floor(scale.xForTime(trace.timeMicros(seq))) + 0.5;
        double y = AXIS + layout.rowY(row) + (block ? MARK_TOP + MARK_H / 2 : ACTOR_MARK_TOP + ACTOR_MARK_H / 2);
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
        gc.setFill(RULE);
        gc.fillRect(GUTTER - 1, AXIS, 1, lanesH);
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
        for (int i = 0; i < m.fpre004Count(); i++) {
            double x = GUTTER + Math.floor(scale.xForTime(trace.timeMicros(m.fpre004At(i))));
            if (x >= GUTTER - 5 && x <= width + 5) {
                gc.fillPolygon(new double[] {x - 5, x + 6, x + 0.5}, new double[] {AXIS - 10, AXIS - 10, AXIS - 1}, 3);
            }
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
