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
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
 * <p>Interaction: Ctrl+wheel zooms around the mouse, +/- around the cursor (the middle when the
 * cursor is off-screen), 0 fits all, drag pans, Shift+wheel pans, wheel scrolls the lanes, Alt+drag
 * or right-drag selects a time range and zooms to it. A click in the plot moves the cursor to the
 * nearest event ({@link NearestEvent}) and selects it; a click on a lane label selects the block;
 * right-click on the labels pins a lane to the top or collapses/expands all groups. Z focuses on
 * the FPRE004 at the cursor ({@link TimelineViewModel#toggleFocus()}) and back. The hover box
 * hides when the view moves under it.
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
    private final TimelineViewModel viewModel;
    private final Label focusBanner = new Label();
    private final ContextMenu laneMenu = new ContextMenu();
    /** Items offered by a right click on an event in the plot (what-if forks); none by default. */
    private java.util.function.IntFunction<List<MenuItem>> eventMenu = seq -> List.of();

    private LaneLayout layout = new LaneLayout(List.of(), TimelineRenderer.HEADER_HEIGHT, TimelineRenderer.LANE_HEIGHT);
    /** The standard groups of the open trace, before filtering, pinning and focus. */
    private List<LaneLayout.Group> baseGroups = List.of();
    /** Actor-on-a-node lanes the marker index must hold (focus mode's). */
    private int[] nodeLaneIds = new int[0];
    /** The full view to return to from focus mode: its layout and time range; null when not focused. */
    private LaneLayout fullViewLayout;

    private double fullViewStartMicros;
    private double fullViewEndMicros;
    private Trace trace;
    private Task<?> building;
    private boolean dirty = true;
    private boolean fitPending;
    /** True while a click moves the cursor: the user clicked what is in view, so nothing scrolls. */
    private boolean clicking;
    /** The view (time range, scroll, layout) the hover box describes; it hides when this changes. */
    private double hoverStartMicros = Double.NaN;

    private double hoverMicrosPerPixel;
    private double hoverScrollY;
    private LaneLayout hoverLayout;

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
        focusBanner.getStyleClass().add("timeline-focus-banner");
        focusBanner.setId("timeline-focus-banner");
        focusBanner.setManaged(false);
        focusBanner.setVisible(false);
        focusBanner.setMouseTransparent(true);
        getChildren().addAll(canvas, focusBanner, hover);

        // Created before the control follows the trace, so it drops a focus before the new trace opens.
        viewModel = new TimelineViewModel(session);
        session.traceProperty().addListener((obs, old, now) -> openTrace(now));
        viewModel.focusProperty().addListener((obs, old, now) -> onFocus(now));
        viewModel.pinnedLanes().addListener((javafx.collections.ListChangeListener<LaneLayout.Lane>) c -> relayout());
        session.visibleBlocksProperty().addListener((obs, old, now) -> relayout());
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

    /**
     * Zooms in (factor &gt; 1) or out around the cursor when it is in view (it stays where it is on
     * the screen), else around the viewport's centre. The keyboard and menu zoom come here.
     */
    public void zoom(double factor) {
        scale.zoomAround(zoomAnchorX(), factor);
        markDirty();
    }

    /** The plot x that keyboard zoom keeps fixed: the cursor's, when in view; else the centre. */
    double zoomAnchorX() {
        int step = session.getCurrentStep();
        if (trace != null && step >= 0 && step < trace.size()) {
            double x = scale.xForTime(trace.timeMicros(step));
            if (x >= 0 && x <= scale.width()) {
                return x;
            }
        }
        return scale.width() / 2;
    }

    /** The timeline's view model: focus mode and pinned lanes. */
    public TimelineViewModel viewModel() {
        return viewModel;
    }

    /** Collapses every lane group (the headers stay). */
    public void collapseAllGroups() {
        layout.setAllCollapsed(true);
        markDirty();
    }

    /** Expands every lane group. */
    public void expandAllGroups() {
        layout.setAllCollapsed(false);
        markDirty();
    }

    /** The lanes shown (in expanded groups), top to bottom. */
    public List<LaneLayout.Lane> visibleLanes() {
        List<LaneLayout.Lane> out = new java.util.ArrayList<>();
        for (int r = 0; r < layout.rowCount(); r++) {
            if (!layout.isHeader(r)) {
                out.add(layout.laneOfRow(r));
            }
        }
        return out;
    }

    /** Where lane {@code lane}'s label is, in this control's coordinates; null if not shown. */
    public Point2D laneLabelPosition(LaneLayout.LaneKind kind, int id) {
        int r = layout.rowOf(kind, id);
        if (r < 0) {
            return null;
        }
        double y = TimelineRenderer.AXIS + layout.rowY(r) + layout.rowHeight(r) / 2;
        return y >= TimelineRenderer.AXIS && y < getHeight() ? new Point2D(60, y) : null;
    }

    /** The x of time {@code t} (microseconds) in this control's coordinates. */
    public double xForTime(double t) {
        return TimelineRenderer.GUTTER + scale.xForTime(t);
    }

    /** The x of event {@code seq}'s time (where the cursor is drawn when it is the current step). */
    public double eventPositionX(int seq) {
        return xForTime(trace.timeMicros(seq));
    }

    /** Whether some lane of the current arrangement shows event {@code seq} (scrolled into view or not). */
    public boolean hasLaneFor(int seq) {
        return trace != null
                && seq >= 0
                && seq < trace.size()
                && TimelineRenderer.anchor(trace, seq, scale, layout, geometryA()) != null;
    }

    /** The vertical scroll of the lanes, in pixels. */
    public double laneScrollY() {
        return layout.scrollY();
    }

    /** Whether the hover box is showing. */
    public boolean isHoverShowing() {
        return hover.isVisible();
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

    /**
     * Scrolls the lanes so that block {@code block}'s lane is visible (compare mode: the lane of a
     * difference that is only in B, whose block A's cursor event need not be on).
     */
    public void revealBlock(int block) {
        revealBlockLane(block);
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

    // ---- compare mode: trace B in the lower half of every lane -----------------------------------

    /** Trace B's source in compare mode, or null. */
    private SecondSeries second;

    private final ReadOnlyBooleanWrapper split = new ReadOnlyBooleanWrapper(this, "split", false);

    /**
     * Compare mode: while {@code b} has a trace, every lane is split, this control's trace (A) in
     * the upper half and B's in the lower, on one time axis; a click in a lower half selects B's
     * nearest event in {@code b} (whose owner moves A's cursor to match). Called once.
     */
    public void setSecondSession(TraceSession b) {
        if (second != null) {
            throw new IllegalStateException("the timeline already follows a second session");
        }
        second = new SecondSeries(b, frame, nodeLaneIds, this::updateSplit, this::markDirty);
    }

    /** Splits or joins the lanes when A's or B's data comes or goes (either may be indexed last). */
    private void updateSplit() {
        boolean now = frame.split();
        if (split.get() != now) {
            split.set(now);
            relayout();
        }
    }

    /** True while lanes are split: A in the upper half, B in the lower. */
    public ReadOnlyBooleanProperty splitProperty() {
        return split.getReadOnlyProperty();
    }

    public boolean isSplit() {
        return frame.split();
    }

    /** Height of a lane: taller in compare mode, where it holds A and B. */
    private double laneHeight() {
        return frame.split() ? TimelineRenderer.COMPARE_LANE_HEIGHT : TimelineRenderer.LANE_HEIGHT;
    }

    /** Where trace A's parts of a lane are drawn: the whole lane, or its upper half in compare mode. */
    private LaneGeometry geometryA() {
        return frame.split() ? LaneGeometry.TOP : LaneGeometry.FULL;
    }

    /** Whether control y is in the lower (B) half of lane row {@code row}. */
    private boolean inLowerHalf(int row, double y) {
        return frame.split()
                && row >= 0
                && !layout.isHeader(row)
                && y - TimelineRenderer.AXIS - layout.rowY(row) >= LaneGeometry.HALF;
    }

    /**
     * A click in the lower half of a lane: selects B's event nearest the mouse (on that lane if it
     * shows B's events, else in the whole of B) and moves B's cursor there; never an event of A.
     */
    private void clickB(LaneLayout.Lane lane, double x) {
        Trace b = second.trace();
        int seq = NearestEvent.forClick(frame.markersB, b, lane, scale.timeAtX(x - TimelineRenderer.GUTTER));
        if (seq < 0) {
            return;
        }
        int block = lane != null && lane.kind() == LaneLayout.LaneKind.BLOCK ? lane.id() : b.block(seq);
        TraceSession sb = second.session();
        clicking = true;
        try {
            if (block >= 0) {
                session.selectedBlockProperty().set(block);
                sb.selectedBlockProperty().set(block);
            }
            sb.selectedEventProperty().set(seq);
            sb.currentStepProperty().set(seq);
        } finally {
            clicking = false;
        }
    }

    private int eventAtB(LaneLayout.Lane lane, double x) {
        return NearestEvent.onLane(
                frame.markersB, second.trace(), lane, scale.timeAtX(x), PICK_TOLERANCE_PX * scale.microsPerPixel());
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

    /**
     * The legend the window places under the timeline: always there, collapsible (a click on its
     * title), the palette's colours with their meaning.
     */
    public Node legendNode() {
        return TimelineLegend.createCollapsible(palette);
    }

    /**
     * Where event {@code seq}'s marker is, in this control's coordinates (on its block lane, or on
     * its actor lane when it has no block or the block's group is collapsed); null if not shown.
     */
    public Point2D eventPosition(int seq) {
        if (trace == null || seq < 0 || seq >= trace.size() || !isReady()) {
            return null;
        }
        return inPlot(TimelineRenderer.anchor(trace, seq, scale, layout, geometryA()));
    }

    /**
     * Compare mode: where trace B's event {@code seq} is drawn, in the lower half of its lane, in
     * this control's coordinates; null outside compare mode or if not shown.
     */
    public Point2D eventPositionB(int seq) {
        Trace b = second.trace();
        if (!isSplit() || seq < 0 || seq >= b.size() || !isReady()) {
            return null;
        }
        return inPlot(TimelineRenderer.anchor(b, seq, scale, layout, LaneGeometry.BOTTOM));
    }

    private Point2D inPlot(double[] a) {
        if (a == null
                || a[0] < TimelineRenderer.GUTTER
                || a[0] >= getWidth()
                || a[1] < TimelineRenderer.AXIS
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
     * Draws one frame now, on the FX thread, even if nothing changed (tests that switch the
     * renderer's path compare frames of one view); the control itself draws once per pulse when
     * dirty.
     */
    void paintNow() {
        paint();
    }

    /** The renderer of this control's frames (tests force its raster path on or off). */
    TimelineRenderer renderer() {
        return renderer;
    }

    /** The canvas the frames are drawn on (tests take snapshots of it). */
    Canvas canvas() {
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
        // The new layout below is made unsplit; it splits again once this trace is indexed.
        split.set(false);
        fullViewLayout = null;
        nodeLaneIds = new int[0];
        updateFocusBanner(null);
        if (trace == null) {
            baseGroups = List.of();
            layout = new LaneLayout(List.of(), TimelineRenderer.HEADER_HEIGHT, TimelineRenderer.LANE_HEIGHT);
            frame.message = "No trace open";
            markDirty();
            return;
        }
        baseGroups = LaneLayout.groupsFor(trace.header().topology());
        layout = new LaneLayout(
                LaneArrangement.arrange(
                        baseGroups,
                        viewModel.pinnedLanes(),
                        session.visibleBlocksProperty().get(),
                        null,
                        trace),
                TimelineRenderer.HEADER_HEIGHT,
                laneHeight());
        layout.setViewportHeight(Math.max(0, getHeight() - TimelineRenderer.AXIS));
        scale.setBounds(trace.startMicros(), trace.endMicros());
        fitPending = true;
        rebuild(true);
    }

    record Built(TimelineModel model, MarkerIndex markers) {}

    /** Re-indexes the trace (the model only when {@code withModel}; markers always, for the filter). */
    private void rebuild(boolean withModel) {
        cancelBuild();
        Trace t = trace;
        IntPredicate filter = session.eventFilterProperty().get();
        TimelineModel oldModel = frame.model;
        int[] nodes = nodeLaneIds.clone();
        if (t.size() <= BACKGROUND_BUILD_EVENTS) {
            TimelineModel m = withModel || oldModel == null ? TimelineModel.build(t, Progress.NONE) : oldModel;
            apply(new Built(m, MarkerIndex.build(t, filter, nodes, Progress.NONE)));
            return;
        }
        frame.message = String.format(Locale.ROOT, "Indexing %,d events…", t.size());
        IndexTask task = new IndexTask(t, withModel || oldModel == null ? null : oldModel, filter, nodes);
        task.setOnSucceeded(e -> {
            if (building == task && trace == t) {
                building = null;
                apply(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (building == task) {
                building = null;
                frame.message =
                        "Could not index the trace: " + task.getException().getMessage();
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
    static final class IndexTask extends Task<Built> implements Progress {
        private final Trace trace;
        private final TimelineModel model;
        private final IntPredicate filter;
        private final int[] nodeLaneIds;

        IndexTask(Trace trace, TimelineModel model, IntPredicate filter, int[] nodeLaneIds) {
            this.trace = trace;
            this.model = model;
            this.filter = filter;
            this.nodeLaneIds = nodeLaneIds;
        }

        @Override
        protected Built call() {
            TimelineModel m = model != null ? model : TimelineModel.build(trace, this);
            return new Built(m, MarkerIndex.build(trace, filter, nodeLaneIds, this));
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
        updateSplit();
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
            // Like a debugger bringing the current line into view: the cursor's time when it is
            // off-screen, and its lane only when that has left the view (LaneLayout#followCursor),
            // so stepping does not make the lanes jump.
            revealTime(trace.timeMicros(step));
            if (!clicking) {
                layout.followCursor(
                        trace.block(step), session.selectedBlockProperty().get());
            }
        }
        markDirty();
    }

    // ---- lanes: filter, pins, focus -----------------------------------------------------------

    /** Re-arranges the lanes (pins, the event log's lane filter, focus), keeping what can be kept. */
    private void relayout() {
        if (trace == null) {
            return;
        }
        LaneLayout old = layout;
        layout = new LaneLayout(
                LaneArrangement.arrange(
                        baseGroups,
                        viewModel.pinnedLanes(),
                        session.visibleBlocksProperty().get(),
                        viewModel.getFocus(),
                        trace),
                TimelineRenderer.HEADER_HEIGHT,
                laneHeight());
        layout.copyStateFrom(old);
        markDirty();
    }

    private void onFocus(FocusSet focus) {
        if (trace == null || session.getTrace() == null || session.getTrace().trace() != trace) {
            return;
        }
        if (focus != null) {
            if (fullViewLayout == null) {
                fullViewLayout = layout;
                fullViewStartMicros = scale.startMicros();
                fullViewEndMicros = scale.endMicros();
            }
            layout = new LaneLayout(
                    LaneArrangement.arrange(baseGroups, List.of(), null, focus, trace),
                    TimelineRenderer.HEADER_HEIGHT,
                    laneHeight());
            layout.setViewportHeight(fullViewLayout.viewportHeight());
            int[] ids = focus.actorNodeLaneIds();
            if (frame.markers == null || !frame.markers.hasNodeLanes(ids)) {
                nodeLaneIds = ids;
                rebuild(false);
            }
            if (second != null) {
                second.ensureNodeLanes(ids);
            }
            scale.fit(focus.fromMicros(), focus.toMicros());
        } else if (fullViewLayout != null) {
            LaneLayout saved = fullViewLayout;
            fullViewLayout = null;
            relayout();
            layout.copyStateFrom(saved);
            scale.fit(fullViewStartMicros, fullViewEndMicros);
            // Keep the cursor in sight: it may have moved while focused.
            int step = session.getCurrentStep();
            if (step >= 0 && step < trace.size()) {
                revealTime(trace.timeMicros(step));
                layout.followCursor(
                        trace.block(step), session.selectedBlockProperty().get());
            }
        }
        updateFocusBanner(focus);
        markDirty();
    }

    private void updateFocusBanner(FocusSet focus) {
        if (focus == null) {
            focusBanner.setVisible(false);
            return;
        }
        focusBanner.setText("Focus: FPRE004 #" + focus.fpreSeq() + " on block " + focus.block() + ", "
                + TimeTicks.millis(focus.windowStartMicros(trace)) + " to "
                + TimeTicks.millis(trace.timeMicros(focus.fpreSeq())) + "  ·  Z: full view");
        focusBanner.setVisible(true);
        requestLayout();
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
        if (focusBanner.isVisible()) {
            focusBanner.autosize();
            // Bottom right: focus mode has few lanes, so the bottom of the plot is usually empty.
            focusBanner.relocate(
                    Math.max(TimelineRenderer.GUTTER, w - focusBanner.getWidth() - 8),
                    Math.max(TimelineRenderer.AXIS, h - focusBanner.getHeight() - 6));
        }
        if (dirty) {
            paint();
        }
    }

    private void paint() {
        dirty = false;
        if (hover.isVisible()
                && (scale.startMicros() != hoverStartMicros
                        || scale.microsPerPixel() != hoverMicrosPerPixel
                        || layout != hoverLayout
                        || layout.scrollY() != hoverScrollY)) {
            // The view moved under the hover box: what it describes is no longer under the mouse.
            showHover(-1, -1);
        }
        Window window = getScene() == null ? null : getScene().getWindow();
        renderer.setPixelScale(window == null ? 1 : window.getOutputScaleX());
        renderer.render(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), scale, layout, frame);
        if (overlay != null && trace != null && isReady()) {
            overlay.accept(canvas.getGraphicsContext2D());
        }
    }

    /** Drawn over each frame, after it (compare mode's difference markers); null for none. */
    private java.util.function.Consumer<javafx.scene.canvas.GraphicsContext> overlay;

    /**
     * Sets what is drawn over every frame, in this control's coordinates (see {@link
     * #eventPosition}), or null. It is also told, by being called, that a frame was drawn.
     */
    public void setOverlay(java.util.function.Consumer<javafx.scene.canvas.GraphicsContext> overlay) {
        this.overlay = overlay;
        markDirty();
    }

    /** Asks for a redraw on the next pulse (an overlay's content changed). */
    public void redraw() {
        markDirty();
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
        laneMenu.hide();
        if (e.getButton() == MouseButton.SECONDARY
                && e.getX() < TimelineRenderer.GUTTER
                && e.getY() >= TimelineRenderer.AXIS) {
            showLaneMenu(e);
            drag = Drag.NONE;
            e.consume();
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        boolean range =
                e.getButton() == MouseButton.SECONDARY || (e.getButton() == MouseButton.PRIMARY && e.isAltDown());
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
        } else if (!dragged && e.getButton() == MouseButton.SECONDARY) {
            showEventMenu(e);
        }
        drag = Drag.NONE;
        dragged = false;
        e.consume();
    }

    /**
     * A click: on a group header, collapses or expands it; on a lane label, selects the block; in
     * the plot, moves the cursor to the nearest event ({@link NearestEvent#forClick}: on the lane
     * clicked if it shows events, else in the whole trace) and selects it and its block.
     */
    private void click(double x, double y) {
        if (!isReady() || y < TimelineRenderer.AXIS) {
            return;
        }
        int row = layout.rowAt(y - TimelineRenderer.AXIS);
        if (row >= 0 && layout.isHeader(row)) {
            layout.toggleCollapsed(layout.groupOfRow(row));
            markDirty();
            return;
        }
        LaneLayout.Lane lane = row < 0 ? null : layout.laneOfRow(row);
        if (x < TimelineRenderer.GUTTER) {
            if (lane != null && lane.kind() == LaneLayout.LaneKind.BLOCK) {
                session.selectedBlockProperty().set(lane.id());
            }
            return;
        }
        if (inLowerHalf(row, y)) {
            clickB(lane, x);
            return;
        }
        int seq = NearestEvent.forClick(frame.markers, trace, lane, scale.timeAtX(x - TimelineRenderer.GUTTER));
        if (seq < 0) {
            return;
        }
        int block = lane != null && lane.kind() == LaneLayout.LaneKind.BLOCK ? lane.id() : trace.block(seq);
        clicking = true;
        try {
            if (block >= 0) {
                session.selectedBlockProperty().set(block);
            }
            session.selectedEventProperty().set(seq);
            session.currentStepProperty().set(seq);
        } finally {
            clicking = false;
        }
    }

    /** The event on {@code lane} nearest to plot x, within the pick tolerance (hover); -1 if none. */
    private int eventAt(LaneLayout.Lane lane, double x) {
        return NearestEvent.onLane(
                frame.markers, trace, lane, scale.timeAtX(x), PICK_TOLERANCE_PX * scale.microsPerPixel());
    }

    /**
     * What a right click (without a drag, which zooms to a range) on an event in the plot offers: the
     * event is selected as by a click, then the menu shows these items for it.
     */
    public void setEventMenu(java.util.function.IntFunction<List<MenuItem>> items) {
        eventMenu = items;
    }

    private void showEventMenu(MouseEvent e) {
        if (!isReady() || e.getX() < TimelineRenderer.GUTTER || e.getY() < TimelineRenderer.AXIS) {
            return;
        }
        int row = layout.rowAt(e.getY() - TimelineRenderer.AXIS);
        if (row >= 0 && layout.isHeader(row)) {
            return;
        }
        if (inLowerHalf(row, e.getY())) {
            // What-if forks change A's events; B's half offers none.
            return;
        }
        LaneLayout.Lane lane = row < 0 ? null : layout.laneOfRow(row);
        int seq = NearestEvent.forClick(frame.markers, trace, lane, scale.timeAtX(e.getX() - TimelineRenderer.GUTTER));
        if (seq < 0) {
            return;
        }
        List<MenuItem> items = eventMenu.apply(seq);
        if (items.isEmpty()) {
            return;
        }
        click(e.getX(), e.getY());
        laneMenu.getItems().setAll(items);
        laneMenu.show(this, e.getScreenX(), e.getScreenY());
    }

    /** Right-click on the lane labels: pin or unpin the lane, collapse or expand all, leave focus. */
    private void showLaneMenu(MouseEvent e) {
        if (!isReady()) {
            return;
        }
        List<MenuItem> items = new java.util.ArrayList<>();
        int row = layout.rowAt(e.getY() - TimelineRenderer.AXIS);
        LaneLayout.Lane lane = row < 0 ? null : layout.laneOfRow(row);
        if (lane != null && !viewModel.isFocused()) {
            boolean pinned = viewModel.isPinned(lane);
            MenuItem pin = new MenuItem(pinned ? "Unpin " + lane.label() : "Pin " + lane.label() + " to top");
            pin.setId(pinned ? "lane-unpin" : "lane-pin");
            pin.setOnAction(a -> {
                if (pinned) {
                    viewModel.unpin(lane);
                } else {
                    viewModel.pin(lane);
                }
            });
            items.add(pin);
            items.add(new SeparatorMenuItem());
        }
        MenuItem collapse = new MenuItem("Collapse all groups");
        collapse.setId("lanes-collapse-all");
        collapse.setOnAction(a -> collapseAllGroups());
        MenuItem expand = new MenuItem("Expand all groups");
        expand.setId("lanes-expand-all");
        expand.setOnAction(a -> expandAllGroups());
        items.add(collapse);
        items.add(expand);
        if (viewModel.isFocused()) {
            MenuItem full = new MenuItem("Back to the full view (Z)");
            full.setOnAction(a -> viewModel.exitFocus());
            items.add(new SeparatorMenuItem());
            items.add(full);
        }
        laneMenu.getItems().setAll(items);
        laneMenu.show(this, e.getScreenX(), e.getScreenY());
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
            case Z:
                // The window installs Z for the whole scene; this serves the control on its own.
                viewModel.toggleFocus();
                break;
            default:
                return;
        }
        e.consume();
    }

    private void showHover(double x, double y) {
        String text = x < 0 || !isReady() ? null : annotationAt(x, y);
        if (text == null && x >= 0 && isReady()) {
            text = describeAt(x, y);
        }
        hoverText.set(text);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hoverStartMicros = scale.startMicros();
        hoverMicrosPerPixel = scale.microsPerPixel();
        hoverScrollY = layout.scrollY();
        hoverLayout = layout;
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

    /** The hover text at (x, y); in compare mode, of A or B by the half of the lane, saying which. */
    private String describeAt(double x, double y) {
        if (!frame.split() || x < TimelineRenderer.GUTTER || y < TimelineRenderer.AXIS) {
            return TimelineDescriber.describe(this::eventAt, trace, frame.model, scale, layout, x, y);
        }
        int row = layout.rowAt(y - TimelineRenderer.AXIS);
        if (row < 0 || layout.isHeader(row)) {
            return TimelineDescriber.describe(this::eventAt, trace, frame.model, scale, layout, x, y);
        }
        boolean onB = inLowerHalf(row, y);
        String text = onB
                ? TimelineDescriber.describe(this::eventAtB, second.trace(), frame.modelB, scale, layout, x, y)
                : TimelineDescriber.describe(this::eventAt, trace, frame.model, scale, layout, x, y);
        return text == null ? null : (onB ? "B · " : "A · ") + text;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
