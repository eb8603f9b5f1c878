package org.fabricscope.ui.main;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Keeps the two side panes of a three-pane horizontal split (scenario panel, inspector/explainer)
 * at the widths the user gave them, and at least at their minimum widths.
 *
 * <p>A split pane keeps fractions, so a window made narrow and then wide again leaves a side pane
 * squeezed (or, with no minimum, gone). Here the side panes do not grow or shrink with the window
 * ({@link SplitPane#setResizableWithParent}); when the window is too narrow for them and the
 * centre's minimum, they give up width down to their minimums; and when it grows back they
 * return to the widths the user last chose by dragging a divider (or that were restored).
 */
final class SideWidths {
    /** Room taken by the two dividers, near enough. */
    private static final double DIVIDERS = 10;

    private final SplitPane split;
    private final Region left;
    private final Region centre;
    private final Region right;
    private final double centreFloor;
    private double wantedLeft = Double.NaN;
    private double wantedRight = Double.NaN;
    private boolean applying;
    private boolean queued;

    /**
     * @param centreMin the least width the centre keeps, besides its content's own minimum
     */
    SideWidths(
            SplitPane split,
            Region left,
            Region centre,
            Region right,
            double leftMin,
            double centreMin,
            double rightMin) {
        this.split = split;
        this.left = left;
        this.centre = centre;
        this.right = right;
        this.centreFloor = centreMin;
        left.setMinWidth(leftMin);
        right.setMinWidth(rightMin);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        // After the split pane's own layout at the new width, put the sides back where they belong.
        split.widthProperty().addListener((obs, old, now) -> applyLater());
        // A divider dragged by the user: its new place is what the window returns to.
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (onDivider(e.getTarget())) {
                Platform.runLater(this::rememberCurrent);
            }
        });
    }

    private static boolean onDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
            if (n instanceof SplitPane) {
                return false;
            }
        }
        return false;
    }

    /** Takes the wanted widths from divider positions (fractions of {@code width}), e.g. restored preferences. */
    void want(double[] positions, double width) {
        if (positions.length != 2 || !(width > 0)) {
            return;
        }
        wantedLeft = positions[0] * width;
        wantedRight = (1 - positions[1]) * width;
    }

    /** The present divider positions become the wanted side widths (as {@link #want} reads them, so they round-trip). */
    void rememberCurrent() {
        want(split.getDividerPositions(), split.getWidth());
    }

    double wantedLeft() {
        return wantedLeft;
    }

    double wantedRight() {
        return wantedRight;
    }

    private void applyLater() {
        if (!queued) {
            queued = true;
            Platform.runLater(() -> {
                queued = false;
                apply();
            });
        }
    }

    /** Sets the dividers for the split's present width. */
    void apply() {
        double width = split.getWidth();
        if (applying || Double.isNaN(wantedLeft) || !(width > 0)) {
            return;
        }
        double leftMin = left.getMinWidth();
        double rightMin = right.getMinWidth();
        double l = Math.max(leftMin, wantedLeft);
        double r = Math.max(rightMin, wantedRight);
        // The centre's own minimum (the event log's filter row) counts, so that it is never cut off.
        double room = width - Math.max(centreFloor, centre.minWidth(-1)) - DIVIDERS;
        if (l + r > room) {
            // Not enough room: each side gives up width in proportion to what it has above its minimum.
            double excess = l + r - room;
            double flexLeft = l - leftMin;
            double flexRight = r - rightMin;
            double flex = flexLeft + flexRight;
            if (flex > 0) {
                l -= Math.min(flexLeft, excess * flexLeft / flex);
                r -= Math.min(flexRight, excess * flexRight / flex);
            }
        }
        applying = true;
        try {
            split.setDividerPositions(l / width, 1 - r / width);
        } finally {
            applying = false;
        }
    }
}
