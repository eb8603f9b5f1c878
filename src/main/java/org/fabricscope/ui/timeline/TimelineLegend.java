package org.fabricscope.ui.timeline;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The legend as a small node: the palette's entries as swatches with labels, by section. */
final class TimelineLegend {
    private TimelineLegend() {}

    /**
     * The legend under a title that collapses and expands it. Folded (the default) it is one line:
     * the title and the colours a reader needs first (cache states, the hazard, the write band and
     * FPRE004), so the lanes keep their room in a small window; unfolded it lists every colour and
     * marker by section.
     */
    static TitledPane createCollapsible(TimelinePalette palette) {
        FlowPane content = (FlowPane) create(palette);
        TitledPane pane = new TitledPane("Legend", content);
        pane.setId("timeline-legend");
        pane.getStyleClass().add("timeline-legend-pane");
        pane.setAnimated(false);
        pane.setExpanded(false);
        HBox key = new HBox(10);
        key.setId("timeline-legend-key");
        Label name = new Label("Legend:");
        name.getStyleClass().add("timeline-legend-section");
        key.getChildren().add(name);
        key.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // Most important first: the line is cut at the right in a narrow window.
        palette.legendEntries().stream()
                .filter(TimelineLegend::isKey)
                .sorted(java.util.Comparator.comparingInt(TimelineLegend::keyRank))
                .forEach(e -> key.getChildren().add(item(e)));
        Label more = new Label("(click for every colour and marker)");
        more.getStyleClass().add("timeline-legend-label");
        more.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(Region.USE_PREF_SIZE);
        key.getChildren().add(more);
        more.visibleProperty().bind(pane.expandedProperty().not());
        key.visibleProperty().bind(pane.expandedProperty().not());
        pane.setGraphic(key);
        // The one line may be cut at the right in a narrow window; it must never widen the centre.
        key.setMinWidth(0);
        pane.setMinWidth(0);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(key.widthProperty());
        clip.heightProperty().bind(key.heightProperty());
        key.setClip(clip);
        // Folded, the line itself starts with "Legend:"; unfolded, the title says what is below.
        pane.textProperty()
                .bind(javafx.beans.binding.Bindings.when(pane.expandedProperty())
                        .then("Legend: colours and markers")
                        .otherwise(""));
        key.managedProperty().bind(key.visibleProperty());
        java.net.URL css = TimelineLegend.class.getResource("/styles/timeline.css");
        if (css != null) {
            pane.getStylesheets().add(css.toExternalForm());
        }
        // Wrap at the width the window gives, not at FlowPane's default 400 px.
        content.prefWrapLengthProperty().bind(pane.widthProperty().subtract(30));
        return pane;
    }

    /** The entries of the folded legend's one line. */
    private static boolean isKey(TimelinePalette.LegendEntry e) {
        return (e.section().equals("cache") && !e.label().startsWith("several"))
                || e.section().equals("hazard")
                || e.label().equals("pending + lock held")
                || e.label().startsWith("FPRE004");
    }

    private static int keyRank(TimelinePalette.LegendEntry e) {
        if (e.label().startsWith("FPRE004")) {
            return 0;
        }
        if (e.section().equals("hazard")) {
            return 1;
        }
        return e.section().equals("write") ? 2 : 3;
    }

    private static HBox item(TimelinePalette.LegendEntry e) {
        Region swatch = new Region();
        swatch.getStyleClass().add("timeline-legend-swatch");
        swatch.setMinSize(12, 12);
        swatch.setPrefSize(12, 12);
        swatch.setMaxSize(12, 12);
        swatch.setBackground(new Background(new BackgroundFill(e.color(), new CornerRadii(2), Insets.EMPTY)));
        Label label = new Label(shortLabel(e.label()));
        label.getStyleClass().add("timeline-legend-label");
        label.setMinWidth(Region.USE_PREF_SIZE); // cut at the line's end, never "…" in each word
        HBox item = new HBox(4, swatch, label);
        item.getStyleClass().add("timeline-legend-item");
        item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return item;
    }

    /** The folded line's shorter words for the long labels. */
    private static String shortLabel(String label) {
        if (label.startsWith("READY while last write pending")) {
            return "READY + write pending";
        }
        if (label.startsWith("FPRE004")) {
            return "FPRE004 (the only red)";
        }
        return label;
    }

    static Node create(TimelinePalette palette) {
        FlowPane pane = new FlowPane(10, 4);
        pane.getStyleClass().add("timeline-legend");
        String section = null;
        for (TimelinePalette.LegendEntry e : palette.legendEntries()) {
            if (!Objects.equals(section, e.section())) {
                section = e.section();
                Label title = new Label(section + ":");
                title.getStyleClass().add("timeline-legend-section");
                pane.getChildren().add(title);
            }
            pane.getChildren().add(item(e));
        }
        return pane;
    }
}
