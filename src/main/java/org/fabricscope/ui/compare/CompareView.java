package org.fabricscope.ui.compare;

import java.util.BitSet;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.ui.timeline.LaneLayout;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * Compare mode on screen: the Compare tab (legend, counts, first divergence, previous/next
 * difference, the differences list, the inspected block in A and B side by side, what-if at the
 * cursor), the one timeline split per lane (A's trace in the upper half, B's in the lower, on one
 * time axis: {@link TimelineControl#setSecondSession}) with a legend line under it, and the
 * difference markers drawn on each half. Everything it does goes through the view model.
 */
public final class CompareView {
    static final Color CHANGED = Color.web("#f59f00");
    static final Color ONLY_A = Color.web("#d6336c");
    static final Color ONLY_B = Color.web("#1098ad");
    static final Color FIRST = Color.web("#212529");

    private final CompareViewModel viewModel;
    private final Tab tab = new Tab("Compare");
    private final VBox timelinePane = new VBox(1);
    private TimelineControl timelineA;

    public CompareView(CompareViewModel viewModel) {
        this.viewModel = viewModel;
        tab.setId("compare-tab");
        buildTimelinePane();
        tab.setContent(buildPanel());
        viewModel.diffProperty().addListener((o, was, now) -> redraw());
        viewModel.currentDifferenceProperty().addListener((o, was, now) -> {
            // Going to a difference shows its lane, not only its time: the lane of its event in A,
            // or in B when only B has it (A's cursor then waits at the gap, maybe on another lane).
            TraceDiff d = viewModel.getDiff();
            if (now.intValue() >= 0 && timelineA != null && d != null && now.intValue() < d.differenceCount()) {
                timelineA.revealCurrentStep();
                TraceDiff.Divergence x = d.difference(now.intValue());
                timelineA.revealBlock(x.seqA() >= 0 ? d.a().block(x.seqA()) : d.b().block(x.seqB()));
            }
            redraw();
        });
    }

    public CompareViewModel viewModel() {
        return viewModel;
    }

    /** The Compare tab, for the window's side tabs. */
    public Tab tab() {
        return tab;
    }

    /** The legend line shown under the timeline while comparing: which half is which, the colours. */
    public Region timelinePane() {
        return timelinePane;
    }

    /**
     * Compare mode on the window's timeline {@code a}: its lanes split to show B (B's session) in
     * their lower halves, and the difference markers drawn on each half.
     */
    public void attach(TimelineControl a) {
        this.timelineA = a;
        a.setSecondSession(viewModel.sessionB());
        a.setOverlay(gc -> {
            if (a.isSplit()) {
                paintMarkers(gc, a, true);
                paintMarkers(gc, a, false);
                paintLaneFlags(gc, a);
            }
        });
    }

    private void redraw() {
        if (timelineA != null) {
            timelineA.redraw();
        }
    }

    // ---- markers

    /**
     * On the upper (A) halves: changed (amber) and only-in-A (pink) events; on the lower (B)
     * halves: changed and only-in-B (teal). A triangle pointing down at the event's marker, one per
     * pixel; the first divergence gets a dark ring and a label.
     */
    private void paintMarkers(GraphicsContext gc, TimelineControl c, boolean sideA) {
        TraceDiff d = viewModel.getDiff();
        if (d == null) {
            return;
        }
        double start = c.visibleStartMicros();
        double end = c.visibleEndMicros();
        int w = (int) Math.max(1, c.getWidth());
        BitSet drawn = new BitSet();
        int from = d.firstDifferenceAtOrAfter((long) Math.floor(start) - 1);
        // A changed pair sits at A's time in the list; B's copy may be elsewhere, so B scans a little wider.
        int budget = 50_000;
        for (int k = Math.max(0, from - (sideA ? 0 : 64)); k < d.differenceCount() && budget-- > 0; k++) {
            TraceDiff.Divergence x = d.difference(k);
            if (x.timeMicros() > end + 1 && (sideA || k > from + 64)) {
                break;
            }
            int seq = sideA ? x.seqA() : x.seqB();
            if (seq < 0) {
                continue;
            }
            Point2D p = sideA ? c.eventPosition(seq) : c.eventPositionB(seq);
            if (p == null) {
                continue;
            }
            int key = (int) p.getY() * w + (int) p.getX();
            if (key >= 0 && drawn.get(key)) {
                continue;
            }
            if (key >= 0) {
                drawn.set(key);
            }
            gc.setFill(x.diffClass() == DiffClass.CHANGED ? CHANGED : sideA ? ONLY_A : ONLY_B);
            // In the strip above the half's markers: base at the half's top, tip on the marker.
            double px = p.getX();
            double py = p.getY() - 6;
            gc.fillPolygon(new double[] {px - 4, px + 4, px}, new double[] {py, py, py + 5}, 3);
        }
        TraceDiff.Divergence f = d.firstDivergence();
        int fs = f == null ? -1 : sideA ? f.seqA() : f.seqB();
        if (fs >= 0) {
            Point2D p = sideA ? c.eventPosition(fs) : c.eventPositionB(fs);
            if (p != null) {
                gc.setStroke(FIRST);
                gc.setLineWidth(2);
                gc.strokeOval(p.getX() - 7, p.getY() - 7, 14, 14);
                // The label sits inside the lane, right of the ring, on a backing: above it is the row
                // of another lane or a group header, which it would overwrite.
                double lx = p.getX() + 10;
                double ly = p.getY() + 4;
                gc.setFont(LABEL_FONT);
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.BASELINE);
                gc.setFill(Color.rgb(255, 255, 255, 0.85));
                gc.fillRect(lx - 2, ly - 11, 112, 14);
                gc.setFill(FIRST);
                gc.fillText("first divergence" + (sideA ? " (A)" : " (B)"), lx, ly);
            }
        }
    }

    private static final Font FLAG_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 11);

    /** A "≠" in the lane header (the label gutter) of each block whose transitions differ. */
    private void paintLaneFlags(GraphicsContext gc, TimelineControl c) {
        gc.setFill(ONLY_A.darker());
        gc.setFont(FLAG_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (TraceDiff.BlockDifference bd : viewModel.blockDifferences()) {
            Point2D p = c.laneLabelPosition(LaneLayout.LaneKind.BLOCK, bd.block());
            if (p != null) {
                gc.fillText("≠", 3, p.getY());
            }
        }
    }

    /** At most this many lanes are pinned by "Differing lanes first". */
    static final int MAX_PINNED = 32;

    /** Pins the lanes of the blocks whose transitions differ, in block order, to the top of the timeline. */
    public int pinDifferingLanes() {
        int n = 0;
        for (TraceDiff.BlockDifference bd : viewModel.blockDifferences()) {
            if (n == MAX_PINNED) {
                break;
            }
            LaneLayout.Lane lane = new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, bd.block(), "block " + bd.block());
            if (timelineA != null) {
                timelineA.viewModel().pin(lane);
            }
            n++;
        }
        return n;
    }

    // ---- the panel

    private void buildTimelinePane() {
        Label title = new Label();
        title.getStyleClass().add("compare-b-title");
        title.textProperty()
                .bind(Bindings.concat(
                        "Comparing on one time axis: each lane shows A (the open trace) above B (",
                        viewModel.nameBProperty(),
                        ") below"));
        Label rest = new Label("(over the event) · ◯ first divergence · ≠ lane whose transitions differ · "
                + "double blue tick: B's cursor where it is not at A's time");
        rest.setMinWidth(0);
        HBox key = new HBox(
                10, swatch(CHANGED, "▼ changed"), swatch(ONLY_A, "▼ only in A"), swatch(ONLY_B, "▼ only in B"));
        for (javafx.scene.Node n : key.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        key.getChildren().add(rest);
        title.setMinWidth(0);
        timelinePane.getChildren().addAll(title, key);
        timelinePane.setPadding(new Insets(1, 6, 2, 6));
        // Two lines of text, not a pane that takes the timeline's height.
        timelinePane.setMaxHeight(Region.USE_PREF_SIZE);
        timelinePane.setMinHeight(Region.USE_PREF_SIZE);
        timelinePane.setId("compare-timeline-pane");
        timelinePane.getStyleClass().add("compare-timeline-legend");
        timelinePane
                .getStylesheets()
                .add(CompareView.class.getResource("/styles/panels.css").toExternalForm());
        timelinePane.visibleProperty().bind(viewModel.diffProperty().isNotNull());
        timelinePane.managedProperty().bind(timelinePane.visibleProperty());
    }

    private Region buildPanel() {
        Label empty = new Label("File ▸ Compare With… opens a second trace against this one. "
                + "The what-if buttons below fork this run at the cursor and compare the fork with it.");
        empty.setWrapText(true);
        empty.visibleProperty().bind(viewModel.diffProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        Label names = new Label();
        names.textProperty()
                .bind(Bindings.concat(
                        "A: the open trace (upper half of each lane)\nB: ",
                        viewModel.nameBProperty(),
                        " (lower half of each lane)"));
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label first = new Label();
        first.setId("compare-first-divergence");
        first.setWrapText(true);
        first.textProperty().bind(viewModel.firstDivergenceTextProperty());

        Button firstButton = new Button("First divergence");
        firstButton.setId("compare-first");
        firstButton.setTooltip(new Tooltip("Move both cursors to the first divergence (Alt+D)"));
        firstButton.setOnAction(e -> viewModel.goToFirstDivergence());
        Button prev = new Button("◀ Previous (Shift+D)");
        prev.setId("compare-previous");
        prev.setOnAction(e -> viewModel.previousDifference());
        Button next = new Button("Next (D) ▶");
        next.setId("compare-next");
        next.setOnAction(e -> viewModel.nextDifference());
        CheckBox only = new CheckBox("Event log: differences only");
        only.setId("compare-differences-only");
        only.setTooltip(new Tooltip("Show only the rows that differ in the event log (changed, only in A, only in B)"
                + " and A's differences on the timeline"));
        only.selectedProperty().bindBidirectional(viewModel.differencesOnlyProperty());
        Button close = new Button("Stop comparing");
        close.setId("compare-close");
        close.setOnAction(e -> viewModel.close());
        Button pin = new Button("Differing lanes first");
        pin.setId("compare-pin-differing");
        pin.setTooltip(new Tooltip("Pin the lanes of blocks whose transitions differ to the top of the timeline"
                + " (right-click a lane label to unpin it)"));
        pin.setOnAction(e -> pinDifferingLanes());
        FlowPane buttons = new FlowPane(6, 6, firstButton, prev, next, pin, only, close);

        ListView<CompareViewModel.Row> list = new ListView<>(viewModel.rows());
        list.setId("compare-differences");
        list.setPrefHeight(160);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CompareViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("diff-changed", "diff-only-a", "diff-only-b");
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(row.text());
                Rectangle swatch = new Rectangle(10, 10, colour(row.diffClass()));
                setGraphic(swatch);
                getStyleClass().add(styleClass(row.diffClass()));
            }
        });
        list.setOnMouseClicked(e -> {
            CompareViewModel.Row r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                viewModel.goToDifference(r.index());
            }
        });
        viewModel.currentDifferenceProperty().addListener((o, was, now) -> {
            int k = now.intValue();
            if (k >= 0 && k < list.getItems().size() && list.getSelectionModel().getSelectedIndex() != k) {
                list.getSelectionModel().select(k);
                list.scrollTo(Math.max(0, k - 2));
            }
        });

        Label inspectTitle = new Label();
        inspectTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.inspectedBlockProperty().get() < 0
                                ? "Select a block to see its state in A and B."
                                : "Block " + viewModel.inspectedBlockProperty().get()
                                        + " at the cursors: A | B (differing fields highlighted)",
                        viewModel.inspectedBlockProperty()));
        TableView<CompareViewModel.FieldRow> table = new TableView<>(viewModel.fieldRows());
        table.setId("compare-inspector");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(250);
        TableColumn<CompareViewModel.FieldRow, String> field = new TableColumn<>("Field");
        field.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().field().jsonName()));
        TableColumn<CompareViewModel.FieldRow, String> colA = new TableColumn<>("A");
        colA.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().valueA()));
        TableColumn<CompareViewModel.FieldRow, String> colB = new TableColumn<>("B");
        colB.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().valueB()));
        table.getColumns().addAll(java.util.List.of(field, colA, colB));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareViewModel.FieldRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("differs"), !empty && row != null && row.differs());
            }
        });

        VBox comparing = new VBox(
                6,
                names,
                legend(),
                summary,
                first,
                buttons,
                new Label("Differences, in time order:"),
                list,
                inspectTitle,
                table);
        comparing.visibleProperty().bind(viewModel.diffProperty().isNotNull());
        comparing.managedProperty().bind(comparing.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox box = new VBox(8, empty, comparing, whatIf());
        box.setPadding(new Insets(8));
        box.setId("compare-panel");
        box.getStyleClass().add("compare-panel");
        // Lists and tables must not widen the side pane: labels wrap to its width instead.
        list.setPrefWidth(120);
        table.setPrefWidth(120);
        for (javafx.scene.Node n : comparing.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(0);
            }
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStylesheets()
                .add(CompareView.class.getResource("/styles/panels.css").toExternalForm());
        return scroll;
    }

    /** What-if at the cursor: delay, advance or drop A's event at the cursor, and compare the fork. */
    private Region whatIf() {
        Label title = new Label("What if, at the cursor's event of A:");
        TextField delta = new TextField("400us");
        delta.setId("compare-whatif-delta");
        delta.setPrefColumnCount(6);
        delta.setTooltip(new Tooltip("How much: 400us, 0.4ms, 2ms"));
        Button delay = new Button("Delay by Δ");
        delay.setId("compare-whatif-delay");
        Button advance = new Button("Advance by Δ");
        advance.setId("compare-whatif-advance");
        Button drop = new Button("Drop");
        drop.setId("compare-whatif-drop");
        drop.setTooltip(
                new Tooltip("A write (WRITE_ISSUE), a lost ACK (WRITE_ACK) or a prefetch fill (PREFETCH_START)"));
        delay.setOnAction(e -> viewModel.whatIf(viewModel.sessionA().getCurrentStep(), "delay", delta.getText()));
        advance.setOnAction(e -> viewModel.whatIf(viewModel.sessionA().getCurrentStep(), "advance", delta.getText()));
        drop.setOnAction(e -> viewModel.whatIf(viewModel.sessionA().getCurrentStep(), "drop", ""));
        for (Button b : java.util.List.of(delay, advance, drop)) {
            b.disableProperty().bind(viewModel.sessionA().traceProperty().isNull());
        }
        FlowPane row = new FlowPane(6, 4, new Label("Δ"), delta, delay, advance, drop);
        VBox box = new VBox(4, title, row);
        box.setId("compare-whatif");
        return box;
    }

    /** Asks for a text (the window's dialog service). */
    @FunctionalInterface
    public interface AskText {
        java.util.Optional<String> ask(String title, String prompt, String initial);
    }

    /**
     * Right-click on an event of A's event log: Delay by Δ…, Advance by Δ…, Drop, Run after event…
     * (what-if forks of that event, opened in compare mode).
     */
    /**
     * A's event log in compare mode: rows coloured by their class in the diff, and a legend above it
     * saying which colour is which side (shown only while comparing).
     */
    public void colourEventLog(org.fabricscope.ui.eventlog.EventLogView log) {
        // B's only-in-B events become rows of their own ("B" in the seq column), in place.
        viewModel.diffProperty().addListener((o, was, now) -> log.viewModel().setOtherRun(viewModel.logRun()));
        log.viewModel().differencesOnlyProperty().bindBidirectional(viewModel.differencesOnlyProperty());
        FlowPane legend = new FlowPane(
                10,
                2,
                new Label("A's events, with B's own:"),
                swatch(Color.web("#f9c9da"), "only in A"),
                swatch(Color.web("#ffe8b3"), "changed in B"),
                swatch(Color.web("#bfe8ee"), "B row: only in B (B's seq, time, values)"));
        legend.setId("compare-log-legend");
        legend.getStyleClass().add("compare-log-legend");
        legend.visibleProperty().bind(viewModel.diffProperty().isNotNull());
        legend.managedProperty().bind(legend.visibleProperty());
        log.getChildren().add(1, legend);
    }

    public void attachEventLog(TableView<Integer> table, AskText ask) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("whatif-menu");
        // Built for the selected row when shown; the items are the same as the timeline's.
        menu.setOnShowing(e -> {
            Integer seq = table.getSelectionModel().getSelectedItem();
            menu.getItems().setAll(seq == null ? java.util.List.of() : whatIfItems(seq, ask, "whatif-"));
        });
        menu.getItems().setAll(whatIfItems(-1, ask, "whatif-"));
        table.setContextMenu(menu);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                menu.getItems().setAll(whatIfItems(now, ask, "whatif-"));
            }
        });
    }

    /**
     * Right-click on an event on A's timeline: the same what-if forks as the event log's, for the
     * event under the mouse (selected first, as a click would).
     */
    public void attachTimelineMenu(TimelineControl timeline, AskText ask) {
        timeline.setEventMenu(seq -> whatIfItems(seq, ask, "timeline-whatif-"));
    }

    /** The what-if menu items for A's event {@code seq}, with ids {@code prefix}delay, …advance, …drop, …run-after. */
    java.util.List<javafx.scene.control.MenuItem> whatIfItems(int seq, AskText ask, String prefix) {
        javafx.scene.control.MenuItem delay = new javafx.scene.control.MenuItem("What if: Delay by Δ…");
        javafx.scene.control.MenuItem advance = new javafx.scene.control.MenuItem("What if: Advance by Δ…");
        javafx.scene.control.MenuItem drop = new javafx.scene.control.MenuItem("What if: Drop");
        javafx.scene.control.MenuItem after = new javafx.scene.control.MenuItem("What if: Run after event…");
        delay.setId(prefix + "delay");
        advance.setId(prefix + "advance");
        drop.setId(prefix + "drop");
        after.setId(prefix + "run-after");
        java.util.function.Consumer<String> shift = action -> ask.ask(
                        action.equals("delay") ? "Delay by Δ" : "Advance by Δ",
                        "How much " + (action.equals("delay") ? "later" : "earlier") + " should #" + seq
                                + " happen? (400us, 0.4ms, 2ms)",
                        "400us")
                .ifPresent(text -> viewModel.whatIf(seq, action, text));
        delay.setOnAction(e -> shift.accept("delay"));
        advance.setOnAction(e -> shift.accept("advance"));
        drop.setOnAction(e -> viewModel.whatIf(seq, "drop", ""));
        after.setOnAction(e -> ask.ask(
                        "Run after event",
                        "Run the step of #" + seq + " right after which later event? (#STEP of this run, or its"
                                + " 16-hex-digit key; refused if that event follows from it)",
                        "#" + viewModel.suggestedRunAfter(seq))
                .ifPresent(text -> viewModel.whatIfRunAfter(seq, text)));
        for (javafx.scene.control.MenuItem i : java.util.List.of(delay, advance, drop, after)) {
            i.setDisable(seq < 0);
        }
        return java.util.List.of(delay, advance, drop, after);
    }

    private static Region legend() {
        FlowPane box = new FlowPane(
                10,
                2,
                swatch(CHANGED, "changed (same event, other values)"),
                swatch(ONLY_A, "only in A"),
                swatch(ONLY_B, "only in B"));
        Label ring = new Label("◯ first divergence   ≠ lane whose transitions differ   each lane: A above, B below");
        ring.setWrapText(true);
        VBox v = new VBox(2, box, ring);
        v.setId("compare-legend");
        return v;
    }

    private static Label swatch(Color c, String text) {
        Label l = new Label(text, new Rectangle(10, 10, c));
        return l;
    }

    static Color colour(DiffClass c) {
        return c == DiffClass.CHANGED ? CHANGED : c == DiffClass.ONLY_IN_A ? ONLY_A : ONLY_B;
    }

    static String styleClass(DiffClass c) {
        return c == DiffClass.CHANGED ? "diff-changed" : c == DiffClass.ONLY_IN_A ? "diff-only-a" : "diff-only-b";
    }
}
