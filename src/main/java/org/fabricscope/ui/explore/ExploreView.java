package org.fabricscope.ui.explore;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.fabricscope.sim.explore.ExploreResult;
import org.fabricscope.ui.explore.ExploreViewModel.Ablation;
import org.fabricscope.ui.explore.ExploreViewModel.Outcome;

/**
 * The Explore panel: what to explore and within which bounds (the {@code explore} command's
 * options), Explore and Cancel with live figures, then the verdict with its bounds and figures,
 * "Open counterexample", "Compare with nearest passing schedule" and the per-switch ablation table.
 * Everything it does goes through {@link ExploreViewModel}.
 */
public final class ExploreView extends BorderPane {
    private static final PseudoClass FAILS = PseudoClass.getPseudoClass("fails");
    private static final PseudoClass HOLDS = PseudoClass.getPseudoClass("holds");

    private final ExploreViewModel viewModel;
    private final Supplier<Path> directory;
    private final Label verdict = new Label();
    private final Label figures = new Label();
    private final GridPane ablationTable = new GridPane();
    private final VBox resultBox = new VBox(8);

    /** @param directory where the scenario file chooser starts (may return null) */
    public ExploreView(ExploreViewModel viewModel, Supplier<Path> directory) {
        this.viewModel = viewModel;
        this.directory = directory;
        getStyleClass().add("explore");
        setId("explore");
        setTop(definition());
        setCenter(result());
        Label status = new Label();
        status.setId("exploreStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        VBox bottom = new VBox(status);
        bottom.setPadding(new Insets(4, 10, 8, 10));
        setBottom(bottom);
        viewModel.resultProperty().addListener((o, a, r) -> show(r));
        viewModel
                .runningProperty()
                .addListener((o, a, r) -> show(viewModel.resultProperty().get()));
        show(viewModel.resultProperty().get());
    }

    public ExploreViewModel viewModel() {
        return viewModel;
    }

    private VBox definition() {
        Label source = new Label();
        source.setId("exploreSource");
        source.getStyleClass().add("explore-source");
        source.textProperty().bind(viewModel.sourceProperty());
        Button panel = new Button("Scenario panel");
        panel.setId("exploreUsePanel");
        panel.setTooltip(new Tooltip("Explore the scenario panel's scenario, seed, attempt and patch"));
        panel.setOnAction(e -> viewModel.useScenarioPanel());
        Button trace = new Button("Open trace");
        trace.setId("exploreUseTrace");
        trace.setTooltip(new Tooltip("Explore the run of the trace open in the main window (a shrunk one, say)"));
        trace.setOnAction(e -> viewModel.useOpenTrace());
        Button file = new Button("Scenario file…");
        file.setId("exploreUseFile");
        file.setOnAction(e -> chooseFile());
        HBox sourceRow = new HBox(6, new Label("Explore:"), source, spacer(), panel, trace, file);
        sourceRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(
                0,
                new Label("Seed"),
                field(viewModel.seedProperty(), "exploreSeed", 7),
                new Label("Attempt"),
                field(viewModel.attemptProperty(), "exploreAttempt", 4),
                new Label("Patch"),
                new HBox(
                        10,
                        check("reorder", viewModel.reorderProperty(), "exploreReorder"),
                        check("barrier", viewModel.barrierProperty(), "exploreBarrier"),
                        check("backoff", viewModel.backoffProperty(), "exploreBackoff")));
        TextField levels = field(viewModel.jitterLevelsProperty(), "exploreLevels", 4);
        levels.setTooltip(new Tooltip("Values each timing draw may take, evenly across its range (1-64)"));
        TextField bound = field(viewModel.boundProperty(), "exploreBound", 5);
        bound.setPromptText("all");
        bound.setTooltip(new Tooltip("Explore only the first N choice points of each run; later draws keep their"
                + " seeded value (blank: every choice point)"));
        TextField limit = field(viewModel.maxSchedulesProperty(), "exploreMaxSchedules", 9);
        limit.setTooltip(new Tooltip("Stop after this many schedules: then the result is INCOMPLETE"));
        grid.addRow(
                1,
                new Label("Jitter levels"),
                levels,
                new Label("Bound"),
                bound,
                new Label("Schedule limit"),
                new HBox(10, limit, check("every tie order", viewModel.tiesProperty(), "exploreTies")));
        CheckBox naive = check(
                "Measure reduction (also run naive enumeration)", viewModel.measureNaiveProperty(), "exploreNaive");
        CheckBox ablation = check(
                "Per-switch ablation (reorder, barrier, backoff alone)",
                viewModel.ablationProperty(),
                "exploreAblation");
        HBox options = new HBox(16, naive, ablation);

        Button run = new Button("Explore");
        run.setId("exploreRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.runningProperty());
        run.setOnAction(e -> viewModel.explore());
        Button cancel = new Button("Cancel");
        cancel.setId("exploreCancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.runningProperty());
        Label live = new Label();
        live.setId("exploreProgress");
        live.textProperty().bind(viewModel.progressProperty());
        HBox actions = new HBox(8, run, cancel, spinner, live);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(8, sourceRow, grid, options, actions);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("explore-definition");
        return top;
    }

    private ScrollPane result() {
        verdict.setId("exploreVerdict");
        verdict.getStyleClass().add("explore-verdict");
        verdict.setWrapText(true);
        figures.setId("exploreFigures");
        figures.getStyleClass().add("explore-figures");
        figures.setWrapText(true);
        Button open = new Button("Open counterexample");
        open.setId("exploreOpenCounterexample");
        open.setTooltip(new Tooltip("Re-run the shortest failing schedule and open it in the timeline on its FPRE004"));
        open.setOnAction(e -> viewModel.openCounterexample());
        Button compare = new Button("Compare with nearest passing schedule");
        compare.setId("exploreCompareNearest");
        compare.setTooltip(
                new Tooltip(
                        "Open the counterexample as A and a passing schedule one choice away as B, side by side in compare mode"));
        compare.setOnAction(e -> viewModel.compareWithNearestPassing());
        open.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.runningProperty().get() || shortest() == null,
                        viewModel.runningProperty(),
                        viewModel.resultProperty()));
        compare.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.runningProperty().get()
                                || shortest() == null
                                || viewModel
                                                .resultProperty()
                                                .get()
                                                .main()
                                                .result()
                                                .nearestPassing()
                                        == null,
                        viewModel.runningProperty(),
                        viewModel.resultProperty()));
        FlowPane buttons = new FlowPane(8, 8, open, compare);
        ablationTable.setId("exploreAblationTable");
        ablationTable.getStyleClass().add("explore-ablation");
        ablationTable.setHgap(14);
        ablationTable.setVgap(6);
        Label proof =
                new Label("Within bounds means: for these scenario parameters, this seed's non-timing draws, every"
                        + " combination of the chosen levels per timing draw and every order of simultaneous timers. It says"
                        + " nothing about timings between the levels, choice points past the bound, or other seeds.");
        proof.getStyleClass().add("explore-note");
        proof.setWrapText(true);
        resultBox.getChildren().setAll(verdict, figures, buttons, ablationTable, proof);
        resultBox.setPadding(new Insets(10));
        resultBox.setId("exploreResult");
        ScrollPane scroll = new ScrollPane(resultBox);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private org.fabricscope.sim.explore.Schedule shortest() {
        Outcome o = viewModel.resultProperty().get();
        return o == null ? null : o.main().result().shortest();
    }

    private void show(Outcome o) {
        if (o == null) {
            verdict.setText(
                    viewModel.runningProperty().get()
                            ? "Exploring: the verdict comes when every schedule within the bounds has run."
                            : "No result yet.");
            verdict.pseudoClassStateChanged(FAILS, false);
            verdict.pseudoClassStateChanged(HOLDS, false);
            figures.setText("");
            ablationTable.getChildren().clear();
            return;
        }
        ExploreResult r = o.main().result();
        verdict.setText(o.what() + ", "
                + (r.patch().equals(org.fabricscope.trace.PatchSwitches.NONE) ? "legacy" : "patch " + r.patch()) + ": "
                + ExploreViewModel.headline(r));
        verdict.pseudoClassStateChanged(FAILS, r.shortest() != null);
        verdict.pseudoClassStateChanged(HOLDS, r.shortest() == null && r.complete());
        figures.setText(ExploreViewModel.figures(o.main()));
        ablationTable.getChildren().clear();
        if (o.ablation().isEmpty()) {
            return;
        }
        Label title = header("Exhaustive ablation: each switch alone, within the same bounds");
        title.getStyleClass().add("explore-ablation-title");
        ablationTable.add(title, 0, 0, 5, 1);
        ablationTable.addRow(
                1,
                header("Switch alone"),
                header("Schedules"),
                header("Distinct states"),
                header("Verdict"),
                header(""));
        int row = 2;
        for (Ablation a : o.ablation()) {
            ExploreResult ar = a.explored().result();
            Label v = new Label(ExploreViewModel.headline(ar));
            v.setWrapText(true);
            v.pseudoClassStateChanged(FAILS, ar.shortest() != null);
            v.pseudoClassStateChanged(HOLDS, ar.shortest() == null && ar.complete());
            v.getStyleClass().add("explore-row-verdict");
            Button cx = new Button("Open counterexample");
            cx.setId("exploreAblation-" + a.switchName());
            cx.disableProperty()
                    .bind(viewModel.runningProperty().or(Bindings.createBooleanBinding(() -> ar.shortest() == null)));
            cx.setOnAction(e -> viewModel.openCounterexample(a.switchName()));
            cx.setMinWidth(Region.USE_PREF_SIZE);
            ablationTable.addRow(
                    row++,
                    cell(a.switchName()),
                    cell(String.format(Locale.ROOT, "%,d", ar.runs())),
                    cell(String.format(Locale.ROOT, "%,d", ar.distinctStates())),
                    v,
                    cx);
            GridPane.setHgrow(v, Priority.ALWAYS);
        }
    }

    private static Label header(String text) {
        Label l = cell(text);
        l.getStyleClass().add("explore-header");
        return l;
    }

    /** A table cell that is never cut to an ellipsis (the verdict column wraps instead). */
    private static Label cell(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Scenario to explore");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario JSON", "*.json"));
        Path dir = directory.get();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        } else if (new File("sample-scenarios").isDirectory()) {
            chooser.setInitialDirectory(new File("sample-scenarios"));
        }
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            viewModel.useScenarioFile(f.toPath());
        }
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty p, String id) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
