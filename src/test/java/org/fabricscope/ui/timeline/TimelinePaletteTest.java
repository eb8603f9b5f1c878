package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Red means FPRE004 and nothing else. */
class TimelinePaletteTest {
    private final TimelinePalette palette = new TimelinePalette();

    @Test
    void onlyFpre004IsRed() {
        for (int id = 0; id < palette.colorCount(); id++) {
            if (id != palette.fpre004Color()) {
                assertThat(TimelinePalette.isRedLike(palette.color(id)))
                        .as("colour %d (%s) reads as red", id, palette.color(id))
                        .isFalse();
            }
        }
        assertThat(TimelinePalette.isRedLike(palette.color(palette.fpre004Color())))
                .isTrue();
    }

    @Test
    void theLegendShowsRedOnlyForFpre004AndGivesTheWriteBandItsOwnColours() {
        for (TimelinePalette.LegendEntry e : palette.legendEntries()) {
            assertThat(TimelinePalette.isRedLike(e.color()))
                    .as("legend entry %s", e.label())
                    .isEqualTo(e.label().startsWith("FPRE004"));
        }
        assertThat(palette.legendEntries())
                .filteredOn(e -> e.section().equals("write"))
                .hasSize(3)
                .extracting(TimelinePalette.LegendEntry::color)
                .doesNotHaveDuplicates();
    }

    @Test
    void theRedTestCatchesTheOldColours() {
        // The colours this palette used before: the hazard, pending + locked, quarantined, media error.
        for (String web : new String[] {"#ff1744", "#d9480f", "#c92a2a", "#a61e4d", "#e64980"}) {
            assertThat(TimelinePalette.isRedLike(Color.web(web))).as(web).isTrue();
        }
    }
}
