package org.fabricscope.ui.support;

import java.util.Locale;
import javafx.scene.paint.Color;

/** Colours as CSS text, for tiles whose fill is computed (the Sweeps heat map, the dashboard). */
public final class WebColors {
    private WebColors() {}

    /** {@code c} as {@code #rrggbb} (opacity dropped). */
    public static String web(Color c) {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
