package org.fabricscope.ui.sweeps;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Polygon;

/**
 * JavaFX's {@link LineChart} with a confidence band under each series: a translucent polygon from
 * each point's low to its high value, laid out with the chart's own axes in {@link
 * #layoutPlotChildren()}, so it pans, resizes and exports with the chart. The band's low and high
 * values are set per series with {@link #setBand}.
 */
final class BandLineChart extends LineChart<Number, Number> {
    private final Map<Series<Number, Number>, Polygon> bands = new IdentityHashMap<>();
    private final Map<Series<Number, Number>, double[][]> limits = new IdentityHashMap<>();

    BandLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    /** Draws a band from {@code low[i]} to {@code high[i]} at each point of {@code series}. */
    void setBand(Series<Number, Number> series, double[] low, double[] high, String styleClass) {
        Polygon p = bands.computeIfAbsent(series, s -> {
            Polygon poly = new Polygon();
            poly.setMouseTransparent(true);
            getPlotChildren().add(0, poly);
            return poly;
        });
        p.getStyleClass().setAll("band", styleClass);
        limits.put(series, new double[][] {low, high});
        requestChartLayout();
    }

    /** Removes every band (before new data). */
    void clearBands() {
        getPlotChildren().removeAll(bands.values());
        bands.clear();
        limits.clear();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Axis<Number> xa = getXAxis();
        Axis<Number> ya = getYAxis();
        for (Map.Entry<Series<Number, Number>, Polygon> e : bands.entrySet()) {
            ObservableList<Data<Number, Number>> data = e.getKey().getData();
            double[][] lh = limits.get(e.getKey());
            int n = Math.min(data.size(), lh[0].length);
            Double[] points = new Double[n * 4];
            for (int i = 0; i < n; i++) {
                double px = xa.getDisplayPosition(data.get(i).getXValue());
                points[2 * i] = px;
                points[2 * i + 1] = ya.getDisplayPosition(lh[1][i]);
                int j = 2 * n - 1 - i;
                points[2 * j] = px;
                points[2 * j + 1] = ya.getDisplayPosition(lh[0][i]);
            }
            e.getValue().getPoints().setAll(List.of(points));
        }
    }

    /** The band polygons (for tests). */
    List<Node> bandNodes() {
        return List.copyOf(bands.values());
    }
}
