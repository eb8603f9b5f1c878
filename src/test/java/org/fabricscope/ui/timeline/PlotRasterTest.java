package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The plot raster's rectangles: snapped to pixels, clipped, blended, scaled. */
class PlotRasterTest {
    private static final int WHITE = 0xffffffff;
    private static final int RED = 0xffff0000;

    @Test
    void anOpaqueRectangleCoversExactlyItsPixelsRelativeToTheOrigin() {
        PlotRaster r = new PlotRaster(100, 20);
        r.begin(10, 5, 1, WHITE);
        r.fill(RED, 102, 21, 3, 2);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = x >= 2 && x < 5 && y >= 1 && y < 3;
                assertThat(r.pixel(x, y)).as("pixel %d,%d", x, y).isEqualTo(inside ? RED : WHITE);
            }
        }
    }

    @Test
    void rectanglesAreClippedToTheRasterAndThinOnesKeepOnePixel() {
        PlotRaster r = new PlotRaster(0, 0);
        r.begin(4, 4, 1, WHITE);
        r.fill(RED, -10, -10, 11, 100);
        r.fill(RED, 3.2, 3.2, 0.3, 0.3);
        r.fill(RED, 50, 1, 5, 1);
        assertThat(r.pixel(0, 0)).isEqualTo(RED);
        assertThat(r.pixel(0, 3)).isEqualTo(RED);
        assertThat(r.pixel(1, 0)).isEqualTo(WHITE);
        assertThat(r.pixel(3, 3)).as("a sub-pixel rectangle still shows").isEqualTo(RED);
        assertThat(r.pixel(2, 2)).isEqualTo(WHITE);
    }

    @Test
    void translucentColoursBlendOverWhatIsThere() {
        PlotRaster r = new PlotRaster(0, 0);
        r.begin(2, 1, 1, WHITE);
        int halfBlack = PlotRaster.argb(Color.rgb(0, 0, 0, 0.5));
        r.fill(halfBlack, 0, 0, 1, 1);
        int p = r.pixel(0, 0);
        assertThat(p >>> 24).isEqualTo(0xff);
        assertThat((p >> 16) & 0xff).isBetween(126, 129);
        assertThat(p & 0xff).isEqualTo((p >> 8) & 0xff);
        assertThat(r.pixel(1, 0)).isEqualTo(WHITE);
    }

    @Test
    void atOutputScaleTwoEveryCanvasUnitIsTwoDevicePixels() {
        PlotRaster r = new PlotRaster(10, 0);
        r.begin(5, 3, 2, WHITE);
        assertThat(r.width()).isEqualTo(10);
        assertThat(r.height()).isEqualTo(6);
        r.fill(RED, 11, 1, 1, 1);
        assertThat(r.pixel(1, 2)).isEqualTo(WHITE);
        assertThat(r.pixel(2, 2)).isEqualTo(RED);
        assertThat(r.pixel(3, 3)).isEqualTo(RED);
        assertThat(r.pixel(4, 3)).isEqualTo(WHITE);
    }

    @Test
    void argbKeepsAlphaAndChannels() {
        assertThat(PlotRaster.argb(Color.web("#1864ab"))).isEqualTo(0xff1864ab);
        assertThat(PlotRaster.argb(Color.rgb(227, 0, 27, 0.30)) >>> 24).isEqualTo(77);
    }
}
