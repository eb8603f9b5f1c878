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
     * The legend under a title that collapses and expands it (expanded at first), so it is always
     * there and costs one line when closed.
     */
    static TitledPane createCollapsible(TimelinePalette palette) {
        FlowPane content = (FlowPane) create(palette);
        TitledPane pane = new TitledPane("Legend: colours and markers", content);
        pane.setId("timeline-legend");
        pane.getStyleClass().add("timeline-legend-pane");
        pane.setAnimated(false);
        pane.setExpanded(true);
        java.net.URL css = TimelineLegend.class.getResource("/styles/timeline.css");
        if (css != null) {
            pane.getStylesheets().add(css.toExternalForm());
        }
        // Wrap at the width the window gives, not at FlowPane's default 400 px.
        content.prefWrapLengthProperty().bind(pane.widthProperty().subtract(30));
        return pane;
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
            Region swatch = new Region();
            swatch.getStyleClass().add("timeline-legend-swatch");
            swatch.setMinSize(12, 12);
            swatch.setPrefSize(12, 12);
            swatch.setMaxSize(12, 12);
            swatch.setBackground(new Background(new BackgroundFill(e.color(), new CornerRadii(2), Insets.EMPTY)));
            Label label = new Label(e.label());
            label.getStyleClass().add("timeline-legend-label");
            HBox item = new HBox(4, swatch, label);
            item.getStyleClass().add("timeline-legend-item");
            item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            pane.getChildren().add(item);
        }
        return pane;
    }
}
