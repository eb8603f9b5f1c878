package org.fabricscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.Health;

/**
 * The timeline's presentation provider: the one place that maps states and event categories to
 * colours. The canvas and the legend both ask it, so they cannot disagree.
 *
 * <p>Red means FPRE004 and nothing else (its tile, line and flag): no other colour has a hue
 * between {@link #RED_HUE_FROM_DEGREES} and {@link #RED_HUE_TO_DEGREES} unless it is greyish. The inconsistent pair
 * (READY while last write pending) is grape, the write's pending/lock sub-band amber to orange.
 *
 * <p>Every colour has a small integer id, so the renderer can batch rectangles per colour and set
 * each fill once per frame.
 */
public final class TimelinePalette {
    /** One legend item. */
    public record LegendEntry(String section, String label, Color color) {}

    /**
     * Hues read as red from this far below 360° (crimson and raspberry count) to {@link
     * #RED_HUE_TO_DEGREES} (orange does not).
     */
    public static final double RED_HUE_FROM_DEGREES = 335;
    /** See {@link #RED_HUE_FROM_DEGREES}. */
    public static final double RED_HUE_TO_DEGREES = 20;

    private final List<Color> colors = new ArrayList<>();

    private final int[] cache = new int[CacheState.values().length];
    private final int mixed;
    private final int[] write = new int[4];
    private final int[] compaction = new int[CompactionState.values().length];
    private final int[] health = new int[Health.values().length];
    private final int hazard;
    private final int jitter;
    private final int[] markers = new int[MarkerCategory.count()];
    private final int laneEven;
    private final int laneOdd;
    private final int header;
    private final int selectedLane;
    private final int[] argbs;

    public TimelinePalette() {
        cache[CacheState.EMPTY.ordinal()] = add("#dfe3e8");
        cache[CacheState.FILLING.ordinal()] = add("#74b0e8");
        cache[CacheState.READY.ordinal()] = add("#37a157");
        cache[CacheState.INVALID.ordinal()] = add("#a48bd6");
        mixed = add("#3d4452");
        write[0] = -1;
        write[Band.WRITE_PENDING] = add("#fab005");
        write[Band.WRITE_LOCKED] = add("#8a6d3b");
        write[Band.WRITE_PENDING | Band.WRITE_LOCKED] = add("#e67700");
        compaction[CompactionState.IDLE.ordinal()] = -1;
        compaction[CompactionState.COPYING.ordinal()] = add("#66d9e8");
        compaction[CompactionState.SWITCHING.ordinal()] = add("#1098ad");
        health[Health.OK.ordinal()] = -1;
        health[Health.RETRYING.ordinal()] = add("#f2c200");
        health[Health.QUARANTINED.ordinal()] = add("#343a40");
        health[Health.REMAPPED.ordinal()] = add("#1c7ed6");
        hazard = add("#be4bdb");
        jitter = add("#fd7e14");
        markers[MarkerCategory.SYSTEM.ordinal()] = add("#868e96");
        markers[MarkerCategory.READ.ordinal()] = add("#5c6670");
        markers[MarkerCategory.WRITE.ordinal()] = add("#1864ab");
        markers[MarkerCategory.ACK.ordinal()] = add("#2b8a3e");
        markers[MarkerCategory.PREFETCH.ordinal()] = add("#0b7285");
        markers[MarkerCategory.PREFETCH_READY.ordinal()] = add("#0ca678");
        markers[MarkerCategory.COMPACTION.ordinal()] = add("#7048e8");
        markers[MarkerCategory.VERIFY.ordinal()] = add("#212529");
        markers[MarkerCategory.RESPONSE.ordinal()] = add("#e67700");
        markers[MarkerCategory.MEDIA_ERROR.ordinal()] = add("#8d5524");
        markers[MarkerCategory.READ_FAIL.ordinal()] = add("#f76707");
        markers[MarkerCategory.FPRE004.ordinal()] = add("#e3001b");
        laneEven = add("#ffffff");
        laneOdd = add("#f5f6f8");
        header = add("#e9ecef");
        selectedLane = add("#fff3bf");
        argbs = new int[colors.size()];
        for (int i = 0; i < argbs.length; i++) {
            argbs[i] = PlotRaster.argb(colors.get(i));
        }
    }

    private int add(String web) {
        colors.add(Color.web(web));
        return colors.size() - 1;
    }

    /** Number of colour ids. */
    public int colorCount() {
        return colors.size();
    }

    public Color color(int id) {
        return colors.get(id);
    }

    /** Colour {@code id} as ARGB (for {@link PlotRaster}). */
    int argb(int id) {
        return argbs[id];
    }

    /** Colour id of a band value; -1 draws nothing (the quiet default states). */
    public int bandColor(Band band, int value) {
        if (value == SeriesLod.MIXED) {
            // A hazard inside a pixel column is still a hazard: never let it fade to "mixed".
            return band == Band.HAZARD ? hazard : band == Band.CACHE ? mixed : pick(band, 1);
        }
        return pick(band, value);
    }

    private int pick(Band band, int value) {
        int[] table;
        switch (band) {
            case CACHE:
                table = cache;
                break;
            case WRITE:
                table = write;
                break;
            case COMPACTION:
                table = compaction;
                break;
            case HEALTH:
                table = health;
                break;
            default:
                return value != 0 ? hazard : -1;
        }
        return value >= 0 && value < table.length ? table[value] : mixed;
    }

    public int markerColor(MarkerCategory category) {
        return markers[category.ordinal()];
    }

    public Color marker(MarkerCategory category) {
        return color(markerColor(category));
    }

    int laneEven() {
        return laneEven;
    }

    int laneOdd() {
        return laneOdd;
    }

    int header() {
        return header;
    }

    int selectedLane() {
        return selectedLane;
    }

    /** Colour id of the injected-jitter part of a write-to-ACK bracket. */
    public int jitterColor() {
        return jitter;
    }

    public Color hazard() {
        return color(hazard);
    }

    /** Colour id of FPRE004 markers. */
    public int fpre004Color() {
        return markers[MarkerCategory.FPRE004.ordinal()];
    }

    /** Whether {@code c} reads as red: saturated, not dark, its hue between 335° and 20°. */
    public static boolean isRedLike(Color c) {
        double hue = c.getHue();
        return c.getSaturation() >= 0.35
                && c.getBrightness() >= 0.3
                && (hue >= RED_HUE_FROM_DEGREES || hue < RED_HUE_TO_DEGREES);
    }

    /** Everything the canvas uses a colour for, in sections, for a legend. */
    public List<LegendEntry> legendEntries() {
        List<LegendEntry> out = new ArrayList<>();
        for (CacheState s : CacheState.values()) {
            out.add(new LegendEntry("cache", s.name(), color(cache[s.ordinal()])));
        }
        out.add(new LegendEntry("cache", "several changes in one pixel", color(mixed)));
        out.add(new LegendEntry("hazard", "READY while last write pending (what FPRE004 trips on)", color(hazard)));
        out.add(new LegendEntry("write", "last write pending", color(write[Band.WRITE_PENDING])));
        out.add(new LegendEntry("write", "lock held", color(write[Band.WRITE_LOCKED])));
        out.add(new LegendEntry("write", "pending + lock held", color(write[3])));
        for (CompactionState s : CompactionState.values()) {
            if (compaction[s.ordinal()] >= 0) {
                out.add(new LegendEntry("compaction", s.name(), color(compaction[s.ordinal()])));
            }
        }
        for (Health s : Health.values()) {
            if (health[s.ordinal()] >= 0) {
                out.add(new LegendEntry("health", s.name(), color(health[s.ordinal()])));
            }
        }
        out.add(new LegendEntry("events", "write → ACK (injected jitter)", color(jitter)));
        for (MarkerCategory c : MarkerCategory.values()) {
            String label =
                    c == MarkerCategory.FPRE004 ? "FPRE004: the only red (tile, line, flag on the ruler)" : c.label();
            out.add(new LegendEntry("events", label, marker(c)));
        }
        return out;
    }
}
