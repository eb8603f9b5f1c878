package org.fabricscope.ui.sweeps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javax.imageio.ImageIO;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.ui.sweeps.SweepsViewModel.Chart;

/**
 * The Sweeps view: the sweep definition (two axes from the scenario catalogue with their units and
 * ranges, reads per cell, Run, progress, Cancel, Save and Open), then three tabs: the heat map
 * ({@link HeatMapChart}, JavaFX nodes), the FPRE004 rate against the first axis with its Wilson
 * band, legacy and patched overlaid ({@link BandLineChart}, a JavaFX {@code LineChart}), and the
 * prefetch latency histogram, legacy against patched (a JavaFX {@code BarChart}). Each tab
 * exports its chart as PNG and its data as CSV. Everything it does goes through the view model.
 */
public final class SweepsView extends BorderPane {
    private final SweepsViewModel viewModel;
    private final HeatMapChart heatMap;
    private final BandLineChart line;
    private final BarChart<String, Number> latency;
    private final Label hover = new Label();
    private final ComboBox<Double> slice = new ComboBox<>();
    private final TabPane tabs = new TabPane();
    private final Supplier<Path> directory;

    /** @param directory where file choosers start (may return null) */
    public SweepsView(SweepsViewModel viewModel, Supplier<Path> directory) {
        this.viewModel = viewModel;
        this.directory = directory;
        getStyleClass().add("sweeps");
        setId("sweeps");
        heatMap = new HeatMapChart(
                viewModel::openCell,
                c -> hover.setText(
                        SweepsViewModel.describeCell(viewModel.resultProperty().get(), c, true)
                                .replace('\n', ' ')
                                .replace(" (", " (")));
        NumberAxis lx = new NumberAxis();
        lx.setForceZeroInRange(false);
        NumberAxis ly = new NumberAxis();
        ly.setLabel("share of attempts with FPRE004");
        // NumberAxis sizes itself by its default formatter's pattern of the last auto range ("0"
        // with bounds set by hand), so labels like 0.45 were measured as "0" and the axis title
        // overlapped them. Our own formatter is measured as drawn, and never shows float noise.
        ly.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return tickText(n.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        });
        line = new BandLineChart(lx, ly);
        line.setId("lineChart");
        line.setAnimated(false);
        line.setCreateSymbols(true);
        CategoryAxis hx = new CategoryAxis();
        hx.setLabel("prefetch latency, fill start to READY (ms, bin start)");
        NumberAxis hy = new NumberAxis();
        hy.setLabel("prefetches");
        latency = new BarChart<>(hx, hy);
        latency.setId("latencyChart");
        latency.setAnimated(false);
        latency.setBarGap(0);
        latency.setCategoryGap(2);

        setTop(definition());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("Heat map", "heatTab", heatMapTools(), heatMap, Chart.HEAT_MAP));
        tabs.getTabs().add(tab("Rate vs " + "parameter", "lineTab", lineTools(), line, Chart.LINE));
        tabs.getTabs().add(tab("Prefetch latency", "latencyTab", new HBox(), latency, Chart.LATENCY));
        setCenter(tabs);
        Label status = new Label();
        status.setId("sweepsStatus");
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.inputErrorProperty().get().isEmpty()
                                ? viewModel.statusProperty().get()
                                : viewModel.inputErrorProperty().get(),
                        viewModel.statusProperty(),
                        viewModel.inputErrorProperty()));
        hover.setId("sweepsHover");
        hover.getStyleClass().add("sweeps-hover");
        VBox bottom = new VBox(2, hover, status);
        bottom.setPadding(new Insets(4, 8, 6, 8));
        setBottom(bottom);

        viewModel.resultProperty().addListener((o, a, r) -> refresh());
        viewModel
                .heatPatchedProperty()
                .addListener(
                        (o, a, b) -> heatMap.show(viewModel.resultProperty().get(), b));
        viewModel
                .lineYProperty()
                .addListener((o, a, b) -> showLine(viewModel.resultProperty().get()));
        slice.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(viewModel.lineYProperty().get())) {
                viewModel.lineYProperty().set(b);
            }
        });
        refresh();
    }

    public SweepsViewModel viewModel() {
        return viewModel;
    }

    /** The tabs: heat map, line chart, latency histogram. */
    public TabPane tabs() {
        return tabs;
    }

    // ---- definition

    private Node definition() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.setPadding(new Insets(8));
        g.addRow(0, new Label(""), new Label("parameter"), new Label("from"), new Label("to"), new Label("steps"));
        axisRow(
                g,
                1,
                "Axis 1 (x)",
                "x",
                viewModel.xParameterProperty(),
                viewModel.xFromProperty(),
                viewModel.xToProperty(),
                viewModel.xStepsProperty(),
                false);
        axisRow(
                g,
                2,
                "Axis 2 (y)",
                "y",
                viewModel.yParameterProperty(),
                viewModel.yFromProperty(),
                viewModel.yToProperty(),
                viewModel.yStepsProperty(),
                true);
        TextField reads = new TextField();
        reads.setId("sweepReads");
        reads.setPrefColumnCount(8);
        reads.textProperty().bindBidirectional(viewModel.readsProperty());
        Button run = new Button("Run sweep");
        run.setId("sweepRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.inputErrorProperty().isNotEmpty());
        run.setOnAction(e -> viewModel.run());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(180);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("sweepCancel");
        cancel.visibleProperty().bind(viewModel.runningProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Button save = new Button("Save results…");
        save.disableProperty().bind(viewModel.resultProperty().isNull());
        save.setOnAction(
                e -> choose("Save sweep results", viewModel.suggestedName("", "json"), "Sweep results", "*.json", true)
                        .ifPresent(viewModel::save));
        Button open = new Button("Open results…");
        open.setOnAction(e -> choose("Open sweep results", null, "Sweep results", "*.json", false)
                .ifPresent(viewModel::load));
        HBox runRow = new HBox(8, new Label("Reads per cell"), reads, run, bar, cancel, new Region(), save, open);
        HBox.setHgrow(runRow.getChildren().get(5), Priority.ALWAYS);
        runRow.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(
                "Each cell soaks the scenario panel's scenario and seed, legacy and patched (all three switches).");
        note.getStyleClass().add("sweeps-note");
        VBox box = new VBox(4, g, runRow, note);
        box.setPadding(new Insets(0, 8, 4, 8));
        return box;
    }

    private void axisRow(
            GridPane g,
            int row,
            String title,
            String id,
            javafx.beans.property.StringProperty parameter,
            javafx.beans.property.StringProperty from,
            javafx.beans.property.StringProperty to,
            javafx.beans.property.StringProperty steps,
            boolean optional) {
        List<String> names = new ArrayList<>();
        if (optional) {
            names.add(SweepsViewModel.NO_AXIS);
        }
        viewModel.parameters().forEach(p -> names.add(p.name()));
        ComboBox<String> pick = new ComboBox<>(FXCollections.observableArrayList(names));
        pick.setId(id + "Parameter");
        pick.setVisibleRowCount(16);
        pick.valueProperty().bindBidirectional(parameter);
        TextField f = field(id + "From", from);
        TextField t = field(id + "To", to);
        TextField s = field(id + "Steps", steps);
        s.setPrefColumnCount(4);
        Label range = new Label();
        range.getStyleClass().add("sweeps-range");
        range.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel
                                .spec(parameter.get())
                                .map(SweepsView::rangeText)
                                .orElse(""),
                        parameter));
        Runnable describe = () -> {
            String tip = viewModel
                    .spec(parameter.get())
                    .map(ParameterSpec::description)
                    .orElse("no second axis");
            pick.setTooltip(new Tooltip(tip));
        };
        parameter.addListener((o, a, b) -> describe.run());
        describe.run();
        for (Node n : List.of(f, t, s)) {
            n.disableProperty().bind(parameter.isEqualTo(SweepsViewModel.NO_AXIS));
        }
        g.addRow(row, new Label(title), pick, f, t, s, range);
    }

    private static String rangeText(ParameterSpec p) {
        return String.format(Locale.ROOT, "%s, %s to %s", p.unit(), SweepAxis.text(p.min()), SweepAxis.text(p.max()));
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(7);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    // ---- tabs

    private Tab tab(String title, String id, HBox tools, Region chart, Chart kind) {
        Button png = new Button("Export PNG…");
        png.disableProperty().bind(viewModel.resultProperty().isNull());
        png.setOnAction(e -> choose(
                        "Export chart as PNG",
                        viewModel.suggestedName(kind.fileStem(), "png"),
                        "PNG image",
                        "*.png",
                        true)
                .ifPresent(p -> viewModel.exportPng(p, png(chart))));
        Button csv = new Button("Export CSV…");
        csv.disableProperty().bind(viewModel.resultProperty().isNull());
        csv.setOnAction(e -> choose(
                        "Export chart data as CSV",
                        viewModel.suggestedName(kind.fileStem(), "csv"),
                        "CSV",
                        "*.csv",
                        true)
                .ifPresent(p -> viewModel.exportCsv(kind, p)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        tools.getChildren().addAll(grow, png, csv);
        tools.setSpacing(8);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(6, 8, 0, 8));
        BorderPane pane = new BorderPane(chart);
        pane.setTop(tools);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Tab tab = new Tab(title, pane);
        tab.setId(id);
        return tab;
    }

    private HBox heatMapTools() {
        ToggleGroup side = new ToggleGroup();
        ToggleButton legacy = new ToggleButton("Legacy");
        legacy.setId("heatLegacy");
        ToggleButton patched = new ToggleButton("Patched");
        patched.setId("heatPatched");
        legacy.setToggleGroup(side);
        patched.setToggleGroup(side);
        legacy.setSelected(!viewModel.heatPatchedProperty().get());
        patched.setSelected(viewModel.heatPatchedProperty().get());
        side.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one side is always shown
            } else {
                viewModel.heatPatchedProperty().set(b == patched);
            }
        });
        return new HBox(new Label("Show "), legacy, patched);
    }

    private HBox lineTools() {
        slice.setId("lineSlice");
        Label label = new Label();
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.resultProperty().get() == null
                                        || viewModel.resultProperty().get().y() == null
                                ? ""
                                : "at " + viewModel.resultProperty().get().y().label() + " =",
                        viewModel.resultProperty()));
        slice.visibleProperty().bind(label.textProperty().isNotEmpty());
        return new HBox(6, label, slice);
    }

    private void refresh() {
        SweepResult r = viewModel.resultProperty().get();
        heatMap.show(r, viewModel.heatPatchedProperty().get());
        if (r != null && r.y() != null) {
            slice.getItems().setAll(r.y().values());
            slice.setValue(viewModel.lineYProperty().get());
        } else {
            slice.getItems().clear();
        }
        tabs.getTabs().get(1).setText(r == null ? "Rate vs parameter" : "Rate vs " + r.x().parameter());
        showLine(r);
        showLatency();
    }

    private void showLine(SweepResult r) {
        line.clearBands();
        line.getData().clear();
        if (r == null) {
            line.setTitle("No sweep yet.");
            return;
        }
        double y = viewModel.lineYProperty().get();
        ((NumberAxis) line.getXAxis()).setLabel(r.x().label());
        line.setTitle("FPRE004 rate (share of attempts) with its 95 % Wilson interval"
                + (r.y() == null ? "" : " — " + r.y().parameter() + " = " + SweepAxis.text(y)));
        // The axis spans the bands, not only the points, so an interval is never cut off.
        double top = 0;
        for (boolean patched : new boolean[] {false, true}) {
            for (SweepCell c : r.line(y, patched)) {
                top = Math.max(top, c.rateHigh());
            }
        }
        NumberAxis ya = (NumberAxis) line.getYAxis();
        ya.setAutoRanging(false);
        ya.setLowerBound(0);
        double upper = niceCeiling(Math.max(top, 1e-6) * 1.05);
        ya.setUpperBound(upper);
        ya.setTickUnit(upper / 10);
        for (boolean patched : new boolean[] {false, true}) {
            List<SweepCell> cells = r.line(y, patched);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(patched ? "patched (all three switches)" : "legacy (no patch)");
            double[] low = new double[cells.size()];
            double[] high = new double[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                s.getData()
                        .add(new XYChart.Data<>(cells.get(i).x(), cells.get(i).rate()));
                low[i] = cells.get(i).rateLow();
                high[i] = cells.get(i).rateHigh();
            }
            line.getData().add(s);
            line.setBand(s, low, high, patched ? "band-patched" : "band-legacy");
            for (int i = 0; i < cells.size(); i++) {
                SweepCell c = cells.get(i);
                Node node = s.getData().get(i).getNode();
                node.setId("point-" + c.side() + "-" + i);
                Tooltip tip = new Tooltip(SweepsViewModel.describeCell(r, c, true)
                        + "\nClick: open its first failing attempt at its FPRE004");
                tip.setShowDelay(Duration.millis(150));
                Tooltip.install(node, tip);
                node.setOnMouseEntered(e ->
                        hover.setText(SweepsViewModel.describeCell(r, c, true).replace('\n', ' ')));
                node.setOnMouseClicked(e -> viewModel.openCell(c));
            }
        }
    }

    /** A tick value in plain decimal, six significant digits at most: 0.3, not 0.30000000000000004. */
    static String tickText(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private void showLatency() {
        latency.getData().clear();
        LatencyBins bins = viewModel.latencyBins();
        if (bins == null) {
            latency.setTitle("No sweep yet.");
            return;
        }
        int first = 0;
        while (first < bins.legacy().length && bins.legacy()[first] == 0 && bins.patched()[first] == 0) {
            first++;
        }
        // The long thin tail (a few fills held up by a retry or a remap) would squeeze the two
        // humps into a corner: show up to the last bin holding at least 0.1 % of the tallest.
        long tallest = 0;
        for (int i = 0; i < bins.legacy().length; i++) {
            tallest = Math.max(tallest, Math.max(bins.legacy()[i], bins.patched()[i]));
        }
        int end = bins.legacy().length;
        while (end > first + 1 && Math.max(bins.legacy()[end - 1], bins.patched()[end - 1]) * 1000 < tallest) {
            end--;
        }
        long hidden = 0;
        for (int i = end; i < bins.legacy().length; i++) {
            hidden += bins.legacy()[i] + bins.patched()[i];
        }
        XYChart.Series<String, Number> legacy = new XYChart.Series<>();
        legacy.setName(String.format(Locale.ROOT, "legacy (mean %.3f ms)", bins.legacyMeanMicros() / 1000));
        XYChart.Series<String, Number> patched = new XYChart.Series<>();
        patched.setName(String.format(Locale.ROOT, "patched (mean %.3f ms)", bins.patchedMeanMicros() / 1000));
        List<String> categories = new ArrayList<>();
        for (int i = first; i < end; i++) {
            String cat = String.format(Locale.ROOT, "%.1f", bins.fromMillis(i));
            categories.add(cat);
            legacy.getData().add(new XYChart.Data<>(cat, bins.legacy()[i]));
            patched.getData().add(new XYChart.Data<>(cat, bins.patched()[i]));
        }
        ((CategoryAxis) latency.getXAxis()).setCategories(FXCollections.observableArrayList(categories));
        latency.getData().add(legacy);
        latency.getData().add(patched);
        latency.setTitle(String.format(
                Locale.ROOT,
                "Prefetch latency over every cell of the sweep: patched − legacy = %+.3f ms (mean)%s",
                (bins.patchedMeanMicros() - bins.legacyMeanMicros()) / 1000,
                hidden == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "\n(%,d slower fills beyond %.1f ms not drawn)",
                                hidden,
                                bins.fromMillis(end))));
        for (XYChart.Series<String, Number> s : List.of(legacy, patched)) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Tooltip.install(
                        d.getNode(),
                        new Tooltip(String.format(
                                Locale.ROOT,
                                "%s: %,d prefetches from %s ms",
                                s.getName(),
                                d.getYValue().longValue(),
                                d.getXValue())));
            }
        }
    }

    // ---- files

    private java.util.Optional<Path> choose(String title, String name, String what, String pattern, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        Path dir = directory.get();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        if (name != null) {
            chooser.setInitialFileName(name);
        }
        File f = save
                ? chooser.showSaveDialog(getScene().getWindow())
                : chooser.showOpenDialog(getScene().getWindow());
        if (f == null) {
            return java.util.Optional.empty();
        }
        Path p = f.toPath();
        String ext = pattern.substring(1);
        if (save && !p.getFileName().toString().contains(".")) {
            p = p.resolveSibling(p.getFileName() + ext);
        }
        return java.util.Optional.of(p);
    }

    /** The chart as PNG bytes, as it is on screen. */
    static byte[] png(Node chart) {
        WritableImage image = chart.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
