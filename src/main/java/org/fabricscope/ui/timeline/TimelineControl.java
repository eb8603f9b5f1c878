package org.fabricscope.ui.timeline;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * The timeline: one lane per block (grouped by node, drive and file; groups collapse when their
 * header is clicked) and one per actor kind, the blocks' metadata states as coloured bands over
 * time, events as markers, a cursor at the current step, and arrows from the selected event to its
 * cause and effects.
 *
 * <p>A Region holding one viewport-sized Canvas. It follows the {@link TraceSession}: changes only
 * mark it dirty, and it redraws at most once per pulse (in {@link #layoutChildren()}), clearing the
 * whole canvas and drawing only what is visible. The per-lane data is precomputed once per trace
 * ({@link TimelineModel}, {@link MarkerIndex}), on a background thread when the trace is large.
 *
 * <p>Interaction: Ctrl+wheel or +/- zoom (around the mouse / the centre), 0 fits all, drag pans,
 * Shift+wheel pans, wheel scrolls the lanes, Alt+drag or right-drag selects a time range and zooms
 * to it. Clicking an event selects it (selected event, its block, and the current step); clicking
 * a lane label selects the block.
 */
public class TimelineControl extends Region {
    /** Traces with more events than this are indexed on a background thread. */
    static final int BACKGROUND_BUILD_EVENTS = 200_000;

    private static final double ZOOM_STEP = 1.5;
    private static final double DRAG_THRESHOLD_PX = 3;
    private static final double PICK_TOLERANCE_PX = 5;
    private static final int MAX_EFFECTS = 256;

    private final TraceSession session;
    private final TimelinePalette palette = new TimelinePalette();
    private final TimelineRenderer renderer = new TimelineRenderer(palette);
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final TimeScale scale = new TimeScale();
    private final FrameState frame = new FrameState();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText");
    private LaneLayout layout = new LaneLayout(List.of(), TimelineRenderer.HEADER_HEIGHT, TimelineRenderer.LANE_HEIGHT);
    private Trace trace;
    private Task<?> building;
    private boolean dirty = true;
    private boolean fitPending;

    private enum Drag {
        NONE,
        PAN,
        RANGE
    }

    private Drag drag = Drag.NONE;
    private boolean dragged;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;

    public TimelineControl(TraceSession session) {
        this.session = session;
        getStyleClass().add("timeline");
        URL css = TimelineControl.class.getResource("/styles/timeline.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setFocusTraversable(true);
        hover.getStyleClass().add("timeline-tooltip");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);

        session.traceProperty().addListener((obs, old, now) -> openTrace(now));
        session.currentStepProperty().addListener((obs, old, now) -> onCurrentStep(now.intValue()));
        session.selectedEventProperty().addListener((obs, old, now) -> onSelectedEvent(now.intValue()));
        session.selectedBlockProperty().addListener((obs, old, now) -> {
            frame.selectedBlock = now.intValue();
            markDirty();
        });
        session.eventFilterProperty().addListener((obs, old, now) -> {
            if (trace != null) {
                rebuild(false);
            }
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> showHover(-1, -1));
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        frame.currentStep = session.getCurrentStep();
        frame.selectedBlock = session.selectedBlockProperty().get();
        openTrace(session.getTrace());
        onSelectedEvent(session.selectedEventProperty().get());
    }

    public TraceSession session() {
        return session;
    }

    // ---- view commands ------------------------------------------------------------------------

    /** Fits the whole trace into the viewport. */
    public void fitAll() {
        scale.fitAll();
        markDirty();
    }

    /** Zooms in (factor &gt; 1) or out around the viewport's centre. */
    public void zoom(double factor) {
        scale.zoomAround(scale.width() / 2, factor);
        markDirty();
    }

    /** Shows the time range {@code [t0, t1]} (microseconds) across the viewport. */
    public void zoomTo(double t0Micros, double t1Micros) {
        scale.fit(t0Micros, t1Micros);
        markDirty();
    }

    /** Moves the view by {@code pixels}: positive shows later times. */
    public void pan(double pixels) {
        scale.panPixels(pixels);
        markDirty();
    }

    /**
     * Scrolls horizontally so that the current step is visible (centred if it was off-screen), and
     * vertically so that its block's lane is visible.
     */
    public void revealCurrentStep() {
        int step = session.getCurrentStep();
        if (trace == null || step < 0 || step >= trace.size()) {
            return;
        }
        revealTime(trace.timeMicros(step));
        revealBlockLane(trace.block(step));
        markDirty();
    }

    /** Collapses or expands group {@code group} (0 is the actor lanes, then one per node/drive/file). */
    public void setGroupCollapsed(int group, boolean collapsed) {
        layout.setCollapsed(group, collapsed);
        markDirty();
    }

    public boolean isGroupCollapsed(int group) {
        return layout.isCollapsed(group);
    }

    /** Number of lane groups. */
    public int groupCount() {
        return layout.groups().size();
    }

    /** The title of group {@code group}, e.g. {@code node 0 · drive 1 · archive-3}. */
    public String groupTitle(int group) {
        return layout.groups().get(group).title();
    }

    /** Lanes shown (not hidden in a collapsed group). */
    public int visibleLaneCount() {
        return layout.visibleLaneCount();
    }

    /** Time at the left edge of the plot, in microseconds. */
    public double visibleStartMicros() {
        return scale.startMicros();
    }

    /** Time at the right edge of the plot, in microseconds. */
    public double visibleEndMicros() {
        return scale.endMicros();
    }

    /** True once the timeline has indexed the session's trace and draws it. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public boolean isReady() {
        return ready.get();
    }

    /** What the mouse points at (event or interval), as shown in the hover box; null when nothing. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Shows bookmarks and notes on the timeline (flags and brackets; their text on hover). */
    public void setAnnotations(List<TimelineAnnotation> annotations) {
        frame.annotations = List.copyOf(annotations);
        markDirty();
    }

    /** The bookmarks and notes drawn. */
    public List<TimelineAnnotation> annotations() {
        return frame.annotations;
    }

    /** The lanes' vertical scroll, in pixels from the top. */
    public double laneScrollY() {
        return layout.scrollY();
    }

    /** Scrolls the lanes to {@code y} pixels from the top (clamped to the content). */
    public void setLaneScrollY(double y) {
        layout.setScrollY(y);
        markDirty();
    }

    /** The text of the bookmark or note whose flag or bracket is at (x, y), or null. */
    private String annotationAt(double x, double y) {
        if (y < TimelineRenderer.AXIS || y > TimelineRenderer.AXIS + TimelineRenderer.ANNOTATION_H + 2) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (TimelineAnnotation a : frame.annotations) {
            double x0 = TimelineRenderer.GUTTER + scale.xForTime(a.startMicros());
            double x1 = TimelineRenderer.GUTTER + scale.xForTime(a.endMicros());
            if (x >= x0 - 2 && x <= (a.isRange() ? x1 + 2 : x0 + 12)) {
                sb.append(sb.length() == 0 ? "" : "\n").append(a.text());
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The colours the timeline uses, for a legend. */
    public List<TimelinePalette.LegendEntry> legendEntries() {
        return palette.legendEntries();
    }

    /** A small legend node (swatches and labels) the window can place near the timeline. */
    public Node legendNode() {
        return TimelineLegend.create(palette);
    }

    /**
     * Where event {@code seq}'s marker is, in this control's coordinates (on its block lane, or on
     * its actor lane when it has no block or the block's group is collapsed); null if not shown.
     */
    public Point2D eventPosition(int seq) {
        if (trace == null || seq < 0 || seq >= trace.size() || !isReady()) {
            return null;
        }
        double[] a = TimelineRenderer.anchor(trace, seq, scale, layout);
        if (a == null || a[0] < TimelineRenderer.GUTTER || a[0] >= getWidth() || a[1] < TimelineRenderer.AXIS
                || a[1] >= getHeight()) {
            return null;
        }
        return new Point2D(a[0], a[1]);
    }

    /** Where the header of group {@code group} is, in this control's coordinates; null if scrolled away. */
    public Point2D groupHeaderPosition(int group) {
        for (int r = 0; r < layout.rowCount(); r++) {
            if (layout.isHeader(r) && layout.groupOfRow(r) == group) {
                double y = TimelineRenderer.AXIS + layout.rowY(r) + layout.rowHeight(r) / 2;
                return y >= TimelineRenderer.AXIS && y < getHeight() ? new Point2D(40, y) : null;
            }
        }
        return null;
    }

    /**
     * Draws one frame now, on the FX thread, and returns how long recording it into the canvas
     * took, in nanoseconds. For benchmarks; the control itself draws once per pulse when dirty.
     */
    public long renderFrameNanos() {
        long t0 = System.nanoTime();
        paint();
        return System.nanoTime() - t0;
    }

    /** The renderer of this control's frames (tests force its raster path on or off). */
    TimelineRenderer renderer() {
        return renderer;
    }

    /** The canvas the frames are drawn on (for snapshots and benchmarks). */
    public Canvas canvas() {
        return canvas;
    }

    // ---- session following --------------------------------------------------------------------

    private void openTrace(LoadedTrace loaded) {
        cancelBuild();
        trace = loaded == null ? null : loaded.trace();
        frame.model = null;
        frame.markers = null;
        frame.effects = new int[0];
        ready.set(false);
        if (trace == null) {
            layout = new LaneLayout(List.of(), TimelineRenderer.HEADER_HEIGHT, TimelineRenderer.LANE_HEIGHT);
            frame.message = "No trace open";
            markDirty();
            return;
        }
        layout = new LaneLayout(
                LaneLayout.groupsFor(trace.header().topology()),
                TimelineRenderer.HEADER_HEIGHT,
                TimelineRenderer.LANE_HEIGHT);
        layout.setViewportHeight(Math.max(0, getHeight() - TimelineRenderer.AXIS));
        scale.setBounds(trace.startMicros(), trace.endMicros());
        fitPending = true;
        rebuild(true);
    }

    private record Built(TimelineModel model, MarkerIndex markers) {}

    /** Re-indexes the trace (the model only when {@code withModel}; markers always, for the filter). */
    private void rebuild(boolean withModel) {
        cancelBuild();
        Trace t = trace;
        IntPredicate filter = session.eventFilterProperty().get();
        TimelineModel oldModel = frame.model;
        if (t.size() <= BACKGROUND_BUILD_EVENTS) {
            TimelineModel m = withModel || oldModel == null ? TimelineModel.build(t, Progress.NONE) : oldModel;
            apply(new Built(m, MarkerIndex.build(t, filter, Progress.NONE)));
            return;
        }
        frame.message = String.format(Locale.ROOT, "Indexing %,d events…", t.size());
        IndexTask task = new IndexTask(t, withModel || oldModel == null ? null : oldModel, filter);
        task.setOnSucceeded(e -> {
            if (building == task && trace == t) {
                building = null;
                apply(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (building == task) {
                building = null;
                frame.message = "Could not index the trace: " + task.getException().getMessage();
                markDirty();
            }
        });
        building = task;
        Thread worker = new Thread(task, "timeline-index");
        worker.setDaemon(true);
        worker.start();
        markDirty();
    }

    /** Builds the model (unless given) and the markers off the FX thread, reporting progress. */
    private static final class IndexTask extends Task<Built> implements Progress {
        private final Trace trace;
        private final TimelineModel model;
        private final IntPredicate filter;

        IndexTask(Trace trace, TimelineModel model, IntPredicate filter) {
            this.trace = trace;
            this.model = model;
            this.filter = filter;
        }

        @Override
        protected Built call() {
            TimelineModel m = model != null ? model : TimelineModel.build(trace, this);
            return new Built(m, MarkerIndex.build(trace, filter, this));
        }

        @Override
        public void update(long done, long total) {
            updateProgress(done, total);
        }
    }

    private void cancelBuild() {
        if (building != null) {
            building.cancel();
            building = null;
        }
    }

    private void apply(Built built) {
        frame.model = built.model();
        frame.markers = built.markers();
        frame.message = null;
        if (fitPending) {
            scale.fitAll();
            fitPending = false;
        }
        onSelectedEvent(session.selectedEventProperty().get());
        ready.set(true);
        markDirty();
    }

    private void onCurrentStep(int step) {
        frame.currentStep = step;
        if (trace != null && step >= 0 && step < trace.size()) {
            // Like a debugger bringing the current line into view: the cursor's time and, when the
            // event is on a block, that block's lane (scrolling only if they are off-screen).
            revealTime(trace.timeMicros(step));
            revealBlockLane(trace.block(step));
        }
        markDirty();
    }

    private void revealBlockLane(int block) {
        if (block < 0) {
            return;
        }
        int row = layout.rowOf(LaneLayout.LaneKind.BLOCK, block);
        if (row >= 0) {
            layout.ensureRowVisible(row);
        }
    }

    private void revealTime(long t) {
        if (!scale.isVisible(t)) {
            scale.centerOn(t);
        }
    }

    private void onSelectedEvent(int seq) {
        frame.selectedEvent = seq;
        frame.effects = trace == null || seq < 0 || seq >= trace.size() ? new int[0] : effectsOf(trace, seq);
        markDirty();
    }

    /** Events whose cause is {@code seq}: a scan of the events after it (causes are always earlier). */
    static int[] effectsOf(Trace trace, int seq) {
        int[] out = new int[8];
        int n = 0;
        for (int i = seq + 1; i < trace.size() && n < MAX_EFFECTS; i++) {
            if (trace.cause(i) == seq) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    // ---- drawing ------------------------------------------------------------------------------

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        double plotW = Math.max(1, w - TimelineRenderer.GUTTER);
        if (scale.width() != plotW) {
            boolean wasFit = scale.isFitAll();
            scale.setWidth(plotW);
            if (wasFit || fitPending) {
                scale.fitAll();
            }
            dirty = true;
        }
        double lanesH = Math.max(0, h - TimelineRenderer.AXIS);
        if (layout.viewportHeight() != lanesH) {
            layout.setViewportHeight(lanesH);
            dirty = true;
        }
        if (dirty) {
            paint();
        }
    }

    private void paint() {
        dirty = false;
        Window window = getScene() == null ? null : getScene().getWindow();
        renderer.setPixelScale(window == null ? 1 : window.getOutputScaleX());
        renderer.render(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), scale, layout, frame);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    @Override
    protected double computeMinWidth(double height) {
        return TimelineRenderer.GUTTER + 50;
    }

    @Override
    protected double computeMinHeight(double width) {
        return TimelineRenderer.AXIS + 40;
    }

    // ---- interaction --------------------------------------------------------------------------

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        boolean range = e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && e.isAltDown());
        drag = pressX < TimelineRenderer.GUTTER || pressY < TimelineRenderer.AXIS
                ? Drag.NONE
                : range ? Drag.RANGE : e.getButton() == MouseButton.PRIMARY ? Drag.PAN : Drag.NONE;
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        double x = e.getX();
        double y = e.getY();
        if (!dragged && Math.hypot(x - pressX, y - pressY) >= DRAG_THRESHOLD_PX) {
            dragged = true;
            showHover(-1, -1);
        }
        if (dragged && drag == Drag.PAN) {
            scale.panPixels(lastX - x);
            layout.scrollBy(lastY - y);
            markDirty();
        } else if (dragged && drag == Drag.RANGE) {
            frame.rangeX0 = pressX - TimelineRenderer.GUTTER;
            frame.rangeX1 = clamp(x - TimelineRenderer.GUTTER, 0, scale.width());
            markDirty();
        }
        lastX = x;
        lastY = y;
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (drag == Drag.RANGE && dragged) {
            double x0 = frame.rangeX0;
            double x1 = frame.rangeX1;
            frame.rangeX0 = Double.NaN;
            frame.rangeX1 = Double.NaN;
            if (Math.abs(x1 - x0) >= DRAG_THRESHOLD_PX) {
                scale.fit(scale.timeAtX(x0), scale.timeAtX(x1));
            }
            markDirty();
        } else if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            click(e.getX(), e.getY());
        }
        drag = Drag.NONE;
        dragged = false;
        e.consume();
    }

    private void click(double x, double y) {
        if (!isReady() || y < TimelineRenderer.AXIS) {
            return;
        }
        int row = layout.rowAt(y - TimelineRenderer.AXIS);
        if (row < 0) {
            return;
        }
        if (layout.isHeader(row)) {
            layout.toggleCollapsed(layout.groupOfRow(row));
            markDirty();
            return;
        }
        LaneLayout.Lane lane = layout.laneOfRow(row);
        if (x >= TimelineRenderer.GUTTER) {
            int seq = eventAt(lane, x - TimelineRenderer.GUTTER);
            if (seq >= 0) {
                session.selectedEventProperty().set(seq);
                if (trace.block(seq) >= 0) {
                    session.selectedBlockProperty().set(trace.block(seq));
                }
                session.currentStepProperty().set(seq);
                return;
            }
        }
        if (lane.kind() == LaneLayout.LaneKind.BLOCK) {
            session.selectedBlockProperty().set(lane.id());
        }
    }

    /** The event on {@code lane} nearest to plot x, within the pick tolerance; -1 if none. */
    private int eventAt(LaneLayout.Lane lane, double x) {
        MarkerIndex m = frame.markers;
        double t = scale.timeAtX(x);
        double tol = PICK_TOLERANCE_PX * scale.microsPerPixel();
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        MarkerCategory[] cats = MarkerCategory.values();
        // Highest-priority categories first (FPRE004 is last declared), so ties go to them.
        for (int c = cats.length - 1; c >= 0; c--) {
            int[] seqs = m.markers(lane, cats[c]);
            if (seqs.length == 0) {
                continue;
            }
            int i = m.firstAtOrAfter(seqs, 0, t);
            for (int j = i - 1; j <= i; j++) {
                if (j >= 0 && j < seqs.length) {
                    double d = Math.abs(trace.timeMicros(seqs[j]) - t);
                    if (d <= tol && d < bestDist) {
                        bestDist = d;
                        best = seqs[j];
                    }
                }
            }
        }
        return best;
    }

    private void onScroll(ScrollEvent e) {
        if (trace == null) {
            return;
        }
        double plotX = clamp(e.getX() - TimelineRenderer.GUTTER, 0, scale.width());
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                scale.zoomAround(plotX, Math.pow(1.25, e.getDeltaY() / 40.0));
            }
        } else if (e.isShiftDown()) {
            // Some platforms turn Shift+wheel into a horizontal delta, others do not.
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            scale.panPixels(-d);
        } else {
            if (e.getDeltaX() != 0) {
                scale.panPixels(-e.getDeltaX());
            }
            layout.scrollBy(-e.getDeltaY());
        }
        markDirty();
        e.consume();
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS:
            case EQUALS:
            case ADD:
                zoom(ZOOM_STEP);
                break;
            case MINUS:
            case SUBTRACT:
                zoom(1 / ZOOM_STEP);
                break;
            case DIGIT0:
            case NUMPAD0:
                fitAll();
                break;
            default:
                return;
        }
        e.consume();
    }

    private void showHover(double x, double y) {
        String text = x < 0 || !isReady() ? null : annotationAt(x, y);
        if (text == null && x >= 0 && isReady()) {
            text = TimelineDescriber.describe(this::eventAt, trace, frame, scale, layout, x, y);
        }
        hoverText.set(text);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double hx = x + 14;
        double hy = y + 16;
        if (hx + hover.getWidth() > getWidth()) {
            hx = Math.max(0, x - 8 - hover.getWidth());
        }
        if (hy + hover.getHeight() > getHeight()) {
            hy = Math.max(0, y - 8 - hover.getHeight());
        }
        hover.relocate(hx, hy);
        hover.setVisible(true);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
