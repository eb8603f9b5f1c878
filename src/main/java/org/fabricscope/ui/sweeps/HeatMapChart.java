package org.fabricscope.ui.sweeps;

import static org.fabricscope.ui.support.WebColors.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * A heat map made of JavaFX nodes: a {@link GridPane} with one tile per cell (x across, y up),
 * the axes' values and titles, and a colour scale legend. Tiles are coloured by FPRE004 rate on a
 * square-root scale from a pale red (the lowest non-zero rate) to the app's FPRE004 red (the
 * highest of the whole sweep, both sides, so legacy and patched compare); a cell without FPRE004
 * is grey. Each tile has a tooltip with its figures and is clickable; hovering also reports the
 * cell to {@code onHover}.
 */
final class HeatMapChart extends BorderPane {
    static final Color HOT = Color.web("#e3001b");
    static final Color WARM = Color.web("#ffd6d6");
    static final Color NONE = Color.web("#e9edf1");

    private final Consumer<SweepCell> onClick;
    private final Consumer<SweepCell> onHover;

    HeatMapChart(Consumer<SweepCell> onClick, Consumer<SweepCell> onHover) {
        this.onClick = onClick;
        this.onHover = onHover;
        getStyleClass().add("heat-map");
        setPadding(new Insets(12));
    }

    /** Shows one side of {@code r} (or nothing when null). */
    void show(SweepResult r, boolean patched) {
        if (r == null) {
            setCenter(new Label("No sweep yet."));
            setBottom(null);
            setTop(null);
            return;
        }
        double max = r.maxRate();
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        grid.setId("heatGrid");
        List<Double> xs = r.x().values();
        List<Double> ys = r.yValues();
        int rows = ys.size();
        for (int yi = 0; yi < rows; yi++) {
            int row = rows - 1 - yi; // y grows upwards
            Label yl = new Label(r.y() == null ? "" : SweepAxis.text(ys.get(yi)));
            yl.getStyleClass().add("heat-tick");
            GridPane.setHalignment(yl, HPos.RIGHT);
            grid.add(yl, 0, row);
            for (int xi = 0; xi < xs.size(); xi++) {
                SweepCell c = r.cell(xs.get(xi), ys.get(yi), patched);
                grid.add(tile(r, c, max, xi, yi), 1 + xi, row);
            }
        }
        for (int xi = 0; xi < xs.size(); xi++) {
            Label xl = new Label(SweepAxis.text(xs.get(xi)));
            xl.getStyleClass().add("heat-tick");
            GridPane.setHalignment(xl, HPos.CENTER);
            GridPane.setValignment(xl, VPos.TOP);
            grid.add(xl, 1 + xi, rows);
        }
        Label xTitle = new Label(r.x().label());
        xTitle.getStyleClass().add("heat-axis-title");
        Label yTitle = new Label(r.y() == null ? "" : r.y().label());
        yTitle.getStyleClass().add("heat-axis-title");
        yTitle.setRotate(-90);
        StackPane yTitleBox = new StackPane(new javafx.scene.Group(yTitle));
        VBox centre = new VBox(6, grid, xTitle);
        centre.setAlignment(Pos.CENTER);
        HBox withY = new HBox(6, yTitleBox, centre);
        withY.setAlignment(Pos.CENTER);
        setCenter(withY);
        Label title = new Label(String.format(
                Locale.ROOT,
                "FPRE004 rate (share of attempts with FPRE004), %s — %s, seed %d, %,d reads per cell",
                patched ? "patched (all three switches)" : "legacy (no patch)",
                r.scenarioName(),
                r.seed(),
                r.readsPerCell()));
        title.getStyleClass().add("chart-title-label");
        BorderPane.setAlignment(title, Pos.CENTER);
        setTop(title);
        setBottom(legend(max));
    }

    private Region tile(SweepResult r, SweepCell c, double max, int xi, int yi) {
        StackPane tile = new StackPane();
        tile.setId("cell-" + xi + "-" + yi);
        tile.getStyleClass().add("heat-cell");
        tile.setMinSize(56, 40);
        tile.setPrefSize(110, 64);
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        GridPane.setHgrow(tile, Priority.ALWAYS);
        GridPane.setVgrow(tile, Priority.ALWAYS);
        if (c == null) {
            return tile;
        }
        Color fill = colour(c.rate(), max);
        tile.setStyle("-fx-background-color: " + web(fill) + ";");
        Label text = new Label(c.fpre004() == 0 ? "0" : SweepsViewModel.rate(c.rate()));
        text.setStyle("-fx-text-fill: " + (fill.getGreen() < 0.45 ? "white" : "#3b0008") + ";");
        text.getStyleClass().add("heat-cell-text");
        tile.getChildren().add(text);
        Tooltip tip = new Tooltip(
                SweepsViewModel.describeCell(r, c, true) + "\nClick: open its first failing attempt at its FPRE004");
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(tile, tip);
        tile.setOnMouseEntered(e -> onHover.accept(c));
        tile.setOnMouseClicked(e -> onClick.accept(c));
        return tile;
    }

    /** The colour of a rate on the scale whose top is {@code max}. */
    static Color colour(double rate, double max) {
        if (rate <= 0 || max <= 0) {
            return NONE;
        }
        return WARM.interpolate(HOT, Math.sqrt(Math.min(1, rate / max)));
    }

    private static HBox legend(double max) {
        Region zero = new Region();
        zero.setMinSize(22, 14);
        zero.setStyle("-fx-background-color: " + web(NONE) + "; -fx-border-color: #adb5bd; -fx-border-width: 0.5;");
        Region ramp = new Region();
        ramp.setMinSize(220, 14);
        StringBuilder gradient = new StringBuilder("-fx-background-color: linear-gradient(to right");
        for (int i = 0; i <= 10; i++) {
            gradient.append(", ")
                    .append(web(colour(max * i * i / 100.0 + (i == 0 ? 1e-12 : 0), max)))
                    .append(' ')
                    .append(i * 10)
                    .append('%');
        }
        ramp.setStyle(gradient + ");");
        HBox box = new HBox(
                6,
                new Label("FPRE004 rate:"),
                zero,
                new Label("0"),
                new Label("  low"),
                ramp,
                new Label(max > 0 ? SweepsViewModel.rate(max) + " (highest cell)" : "no FPRE004 in any cell"));
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(10, 0, 0, 0));
        box.getStyleClass().add("heat-legend");
        return box;
    }
}
