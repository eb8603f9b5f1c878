package org.fabricscope.ui.dashboard;

import static org.fabricscope.ui.support.WebColors.web;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.fabricscope.sim.experiment.FileFigures;
import org.fabricscope.sim.experiment.IncidentMap;
import org.fabricscope.sim.experiment.SoakResult;
import org.fabricscope.ui.dashboard.DashboardViewModel.Result;
import org.fabricscope.ui.dashboard.DashboardViewModel.Side;

/**
 * The incident dashboard on screen: the run bar (scenario, reads per soak, Run, progress, Cancel),
 * then the legacy and patched grids side by side. Each grid is a {@link GridPane} of tiles, one
 * row per file with reads or FPRE004s and one column per node, coloured on one logarithmic scale
 * from grey (none) to the app's FPRE004 red (the most on either side), with the row's read success
 * rate, retries and quarantines to its right. A failing tile is a button: a click opens its first
 * FPRE004 in the main window. Everything it does goes through the view model.
 */
public final class DashboardView extends BorderPane {
    /** The app's FPRE004 red (TimelinePalette): the hottest tile. */
    static final Color HOT = Color.web("#e3001b");
    /** The coolest failing tile: a pale red that still reads as red beside the grey of none. */
    static final Color WARM = Color.web("#ffd0d0");

    static final Color NONE = Color.web("#e9edf1");

    private final DashboardViewModel viewModel;
    private final HBox grids = new HBox(28);
    private final HBox legend = new HBox(4);

    /** @param scenarioName what the Run button will soak, for its label */
    public DashboardView(DashboardViewModel viewModel, Supplier<String> scenarioName) {
        this.viewModel = viewModel;
        getStyleClass().add("dashboard");
        setId("dashboard");

        Label scenario = new Label();
        scenario.getStyleClass().add("dash-scenario");
        TextField reads = new TextField();
        reads.setId("dashboardReads");
        reads.setPrefColumnCount(9);
        reads.textProperty().bindBidirectional(viewModel.readsProperty());
        reads.setTooltip(new Tooltip("Reads per soak (each side soaks at least this many)"));
        Button run = new Button("Run soaks");
        run.setId("dashboardRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.readsErrorProperty().isNotEmpty());
        run.setOnAction(e -> {
            scenario.setText(scenarioName.get());
            viewModel.run();
        });
        scenario.setText(scenarioName.get());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        bar.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.setId("dashboardCancel");
        cancel.visibleProperty().bind(viewModel.runningProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Label readsLabel = new Label("Reads per soak");
        HBox runBar = new HBox(8, scenario, readsLabel, reads, run, bar, cancel);
        runBar.setAlignment(Pos.CENTER_LEFT);
        runBar.setPadding(new Insets(8));
        runBar.getStyleClass().add("dash-run-bar");

        Label status = new Label();
        status.setId("dashboardStatus");
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.readsErrorProperty().get().isEmpty()
                                ? viewModel.statusProperty().get()
                                : viewModel.readsErrorProperty().get(),
                        viewModel.statusProperty(),
                        viewModel.readsErrorProperty()));
        status.setWrapText(true);
        VBox top = new VBox(runBar, status);
        VBox.setMargin(status, new Insets(0, 8, 6, 8));
        setTop(top);

        grids.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(grids);
        scroll.setFitToHeight(true);
        setCenter(scroll);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setPadding(new Insets(6, 8, 8, 8));
        setBottom(legend);
        viewModel.resultProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.resultProperty().get());
    }

    public DashboardViewModel viewModel() {
        return viewModel;
    }

    private void show(Result r) {
        grids.getChildren().clear();
        legend.getChildren().clear();
        if (r == null) {
            Label empty = new Label("No soak yet. Pick a scenario in the main window's scenario panel (pilot-rack is "
                    + "a production-like fleet), then Run soaks.");
            empty.getStyleClass().add("dash-placeholder");
            grids.getChildren().add(empty);
            return;
        }
        long max = r.maxTileFpre004();
        for (Side side : Side.values()) {
            grids.getChildren().add(panel(side, r.map(side), max));
        }
        buildLegend(max);
    }

    private VBox panel(Side side, IncidentMap map, long max) {
        SoakResult soak = map.soak();
        Label title = new Label(side.title());
        title.getStyleClass().add("dash-title");
        Label figures = new Label(String.format(
                Locale.ROOT,
                "%,d reads · success %s · %,d FPRE004 · %,d retries · %,d quarantines",
                soak.reads(),
                DashboardViewModel.percent(soak.successRate()),
                soak.fpre004(),
                soak.retries(),
                soak.quarantines()));
        figures.getStyleClass().add("dash-figures");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("dash-grid");
        grid.setId("grid-" + side.name());
        grid.setHgap(2);
        grid.setVgap(2);
        grid.add(header("archive"), 0, 0);
        for (int n = 0; n < map.nodes(); n++) {
            Label h = header("n" + n);
            h.setTooltip(new Tooltip("node " + n));
            grid.add(h, 1 + n, 0);
        }
        int c = 1 + map.nodes();
        grid.add(header("success"), c, 0);
        grid.add(header("retries"), c + 1, 0);
        grid.add(header("quar."), c + 2, 0);
        int row = 1;
        for (String file : map.files()) {
            FileFigures f = soak.file(file);
            boolean anyFpre = false;
            for (int n = 0; n < map.nodes(); n++) {
                anyFpre |= map.tile(file, n).failed();
            }
            if (f == null && !anyFpre) {
                continue; // no reads and no failure: nothing to see on this row
            }
            Label name = new Label(file);
            name.getStyleClass().add("dash-file");
            if (file.equals(soak.contentiousArchive()) && soak.fpre004() > 0) {
                name.getStyleClass().add("dash-contentious");
                name.setTooltip(new Tooltip("the contentious archive: the most FPRE004s of this soak"));
            }
            grid.add(name, 0, row);
            for (int n = 0; n < map.nodes(); n++) {
                grid.add(tile(side, map.tile(file, n), max), 1 + n, row);
            }
            String[] figs = DashboardViewModel.rowFigures(map, file);
            for (int i = 0; i < figs.length; i++) {
                Label l = new Label(figs[i]);
                l.getStyleClass().add("dash-number");
                if (i == 0 && f != null && f.successRate() < 1) {
                    l.getStyleClass().add("dash-below-100");
                }
                grid.add(l, c + i, row);
            }
            row++;
        }
        VBox box = new VBox(4, title, figures, grid);
        box.getStyleClass().add("dash-panel");
        return box;
    }

    private Region tile(Side side, IncidentMap.Tile t, long max) {
        Label tile = new Label(t.failed() ? String.valueOf(t.fpre004()) : "");
        tile.setId(tileId(side, t.file(), t.node()));
        tile.getStyleClass().add("dash-tile");
        tile.setMinSize(34, 20);
        tile.setPrefSize(34, 20);
        tile.setAlignment(Pos.CENTER);
        double heat = DashboardViewModel.heat(t.fpre004(), max);
        Color fill = t.failed() ? WARM.interpolate(HOT, heat) : NONE;
        tile.setStyle(
                "-fx-background-color: " + web(fill) + "; -fx-text-fill: " + (heat > 0.55 ? "white" : "#5c0010") + ";");
        Tooltip tip = new Tooltip(DashboardViewModel.describe(side, t));
        tip.setShowDelay(Duration.millis(200));
        tile.setTooltip(tip);
        if (t.failed()) {
            tile.getStyleClass().add("dash-tile-failed");
            tile.setOnMouseClicked(e -> viewModel.openTile(side, t));
        }
        return tile;
    }

    /** The tile's node id, for tests and tools: {@code tile-LEGACY-archive-3-n2}. */
    public static String tileId(Side side, String file, int node) {
        return "tile-" + side.name() + "-" + file + "-n" + node;
    }

    private void buildLegend(long max) {
        Label label = new Label("FPRE004 per tile (one scale for both sides):");
        legend.getChildren().add(label);
        legend.getChildren().add(swatch(NONE, "0"));
        if (max <= 0) {
            legend.getChildren().add(new Label("no FPRE004 on either side"));
            return;
        }
        long[] stops =
                max <= 4 ? new long[] {1, max} : new long[] {1, Math.max(2, max / 10), Math.max(3, max / 3), max};
        long last = 0;
        for (long s : stops) {
            if (s <= last) {
                continue;
            }
            last = s;
            legend.getChildren().add(swatch(WARM.interpolate(HOT, DashboardViewModel.heat(s, max)), String.valueOf(s)));
        }
        Label hint = new Label("  Click a red tile: its first FPRE004 opens in the timeline.");
        hint.getStyleClass().add("dash-hint");
        legend.getChildren().add(hint);
    }

    private static HBox swatch(Color c, String text) {
        Region r = new Region();
        r.setMinSize(18, 14);
        r.setStyle("-fx-background-color: " + web(c) + "; -fx-border-color: #adb5bd; -fx-border-width: 0.5;");
        HBox box = new HBox(3, r, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(box, Priority.NEVER);
        return box;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("dash-header");
        return l;
    }
}
