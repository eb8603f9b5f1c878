package org.fabricscope.ui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.trace.Topology;

/**
 * The timeline's lane&lt;-&gt;row maths: lanes in collapsible groups, each group a header row
 * followed (unless collapsed) by its lane rows; which row is at a given y; the y of a row; and
 * the vertical scroll. Plain Java, no JavaFX.
 *
 * <p>y is measured in pixels from the top of the lane area (below the time axis); content y is
 * that plus the scroll offset.
 */
public final class LaneLayout {
    /** What a lane shows. */
    public enum LaneKind {
        /** Events of one {@link ActorKind}; id is the kind's ordinal. */
        ACTOR,
        /** One block's metadata and events; id is the block id. */
        BLOCK,
        /**
         * Events of one {@link ActorKind} on one node (focus mode splits actor lanes per node); id is
         * {@link #actorNodeLaneId(ActorKind, int)}.
         */
        ACTOR_NODE
    }

    /** The id of the lane of actor kind {@code kind} on node {@code node}: {@code node * kinds + kind}. */
    public static int actorNodeLaneId(ActorKind kind, int node) {
        return node * ActorKind.values().length + kind.ordinal();
    }

    /** The actor kind of an {@link LaneKind#ACTOR_NODE} lane id. */
    public static ActorKind actorKindOfNodeLane(int id) {
        return ActorKind.values()[id % ActorKind.values().length];
    }

    /** The node of an {@link LaneKind#ACTOR_NODE} lane id. */
    public static int nodeOfNodeLane(int id) {
        return id / ActorKind.values().length;
    }

    /** One lane. */
    public record Lane(LaneKind kind, int id, String label) {
        public Lane {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A collapsible group of lanes under a header. */
    public record Group(String title, List<Lane> lanes) {
        public Group {
            Objects.requireNonNull(title, "title");
            lanes = List.copyOf(lanes);
        }
    }

    private final List<Group> groups;
    private final boolean[] collapsed;
    private final double headerHeight;
    private final double laneHeight;
    private double viewportHeight = 100;
    private double scrollY;

    // Derived from groups + collapsed by rebuildRows().
    private int rowCount;
    private int[] rowGroup = new int[0];
    private int[] rowLane = new int[0];
    private double[] rowTop = new double[1];
    private int visibleLaneCount;

    public LaneLayout(List<Group> groups, double headerHeight, double laneHeight) {
        this.groups = List.copyOf(groups);
        this.collapsed = new boolean[this.groups.size()];
        this.headerHeight = headerHeight;
        this.laneHeight = laneHeight;
        rebuildRows();
    }

    /**
     * The standard grouping for a trace: first the actor lanes (one per {@link ActorKind}), then
     * one group per (node, drive, file), in order of each group's lowest block id; blocks within a
     * group by id.
     */
    public static List<Group> groupsFor(Topology topology) {
        List<Group> result = new ArrayList<>();
        List<Lane> actors = new ArrayList<>();
        for (ActorKind k : ActorKind.values()) {
            actors.add(new Lane(LaneKind.ACTOR, k.ordinal(), actorLabel(k)));
        }
        result.add(new Group("Actors", actors));
        Map<String, List<Lane>> byPlace = new LinkedHashMap<>();
        List<Topology.BlockInfo> blocks = topology.blocks();
        Integer[] order = new Integer[blocks.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingInt(b -> blocks.get(b).node())
                        .thenComparingInt(b -> blocks.get(b).drive())
                        .thenComparingInt(b -> b));
        for (int b : order) {
            Topology.BlockInfo info = blocks.get(b);
            String title = "node " + info.node() + " · drive " + info.drive() + " · " + info.file();
            byPlace.computeIfAbsent(title, t -> new ArrayList<>()).add(new Lane(LaneKind.BLOCK, b, "block " + b));
        }
        for (Map.Entry<String, List<Lane>> e : byPlace.entrySet()) {
            result.add(new Group(e.getKey(), e.getValue()));
        }
        return result;
    }

    /** A person's name for an actor lane. */
    public static String actorLabel(ActorKind k) {
        switch (k) {
            case SYSTEM:
                return "system";
            case CLIENT:
                return "client reads/writes";
            case WRITE_PATH:
                return "write path";
            case WRITE_ACK:
                return "write ACKs";
            case PREFETCH:
                return "prefetch";
            case COMPACTION:
                return "compaction";
            case VERIFIER:
                return "verifier";
            case RESPONSE:
                return "response script";
            case MEDIA:
                return "media";
            default:
                return k.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public List<Group> groups() {
        return groups;
    }

    public double headerHeight() {
        return headerHeight;
    }

    public double laneHeight() {
        return laneHeight;
    }

    public boolean isCollapsed(int group) {
        return collapsed[group];
    }

    public void setCollapsed(int group, boolean value) {
        if (collapsed[group] != value) {
            collapsed[group] = value;
            rebuildRows();
        }
    }

    /** Collapses (or expands) every group at once. */
    public void setAllCollapsed(boolean value) {
        java.util.Arrays.fill(collapsed, value);
        rebuildRows();
    }

    /** Whether every group is collapsed. */
    public boolean allCollapsed() {
        for (boolean c : collapsed) {
            if (!c) {
                return false;
            }
        }
        return collapsed.length > 0;
    }

    /**
     * Takes over {@code other}'s collapsed groups (matched by title) and its scroll position, so a
     * layout rebuilt with lanes added or hidden does not reopen what the user closed.
     */
    public void copyStateFrom(LaneLayout other) {
        for (int g = 0; g < groups.size(); g++) {
            for (int o = 0; o < other.groups.size(); o++) {
                if (other.groups.get(o).title().equals(groups.get(g).title())) {
                    collapsed[g] = other.collapsed[o];
                    break;
                }
            }
        }
        rebuildRows();
        setViewportHeight(other.viewportHeight);
        setScrollY(other.scrollY);
    }

    public void toggleCollapsed(int group) {
        setCollapsed(group, !collapsed[group]);
    }

    /** Rows: one per group header plus one per lane of an expanded group. */
    public int rowCount() {
        return rowCount;
    }

    /** Lanes currently shown (not hidden by a collapsed group). */
    public int visibleLaneCount() {
        return visibleLaneCount;
    }

    public boolean isHeader(int row) {
        return rowLane[row] < 0;
    }

    public int groupOfRow(int row) {
        return rowGroup[row];
    }

    /** The lane of a lane row, or {@code null} for a header row. */
    public Lane laneOfRow(int row) {
        int l = rowLane[row];
        return l < 0 ? null : groups.get(rowGroup[row]).lanes().get(l);
    }

    /** Top of {@code row} in content coordinates. */
    public double rowTop(int row) {
        return rowTop[row];
    }

    public double rowHeight(int row) {
        return rowTop[row + 1] - rowTop[row];
    }

    /** Top of {@code row} in viewport coordinates (after scrolling). */
    public double rowY(int row) {
        return rowTop[row] - scrollY;
    }

    public double contentHeight() {
        return rowTop[rowCount];
    }

    /** The row at viewport y, or -1 outside the rows. */
    public int rowAt(double y) {
        double cy = y + scrollY;
        if (y < 0 || y >= viewportHeight || cy < 0 || cy >= rowTop[rowCount]) {
            return -1;
        }
        return rowAtContent(cy);
    }

    /** The lane at viewport y, or {@code null} (header or outside). */
    public Lane laneAt(double y) {
        int row = rowAt(y);
        return row < 0 ? null : laneOfRow(row);
    }

    /** First row at least partly visible, or -1 when there are no rows. */
    public int firstVisibleRow() {
        return rowCount == 0 ? -1 : Math.max(0, rowAtContent(scrollY));
    }

    /** Last row at least partly visible, or -1 when there are no rows. */
    public int lastVisibleRow() {
        return rowCount == 0 ? -1 : rowAtContent(Math.min(scrollY + viewportHeight, rowTop[rowCount]) - 1e-6);
    }

    /** The row showing {@code lane}, or -1 if its group is collapsed. */
    public int rowOf(LaneKind kind, int id) {
        for (int r = 0; r < rowCount; r++) {
            Lane l = laneOfRow(r);
            if (l != null && l.kind() == kind && l.id() == id) {
                return r;
            }
        }
        return -1;
    }

    /** The group holding the lane, or -1. */
    public int groupOf(LaneKind kind, int id) {
        for (int g = 0; g < groups.size(); g++) {
            for (Lane l : groups.get(g).lanes()) {
                if (l.kind() == kind && l.id() == id) {
                    return g;
                }
            }
        }
        return -1;
    }

    public double viewportHeight() {
        return viewportHeight;
    }

    public void setViewportHeight(double h) {
        viewportHeight = Math.max(0, h);
        setScrollY(scrollY);
    }

    public double scrollY() {
        return scrollY;
    }

    /** Scrolls to {@code y}, clamped so no empty space shows below the last row. */
    public void setScrollY(double y) {
        double max = Math.max(0, contentHeight() - viewportHeight);
        scrollY = Math.max(0, Math.min(max, y));
    }

    public void scrollBy(double dy) {
        setScrollY(scrollY + dy);
    }

    /** How much of {@code row} is inside the viewport, from 0 (none) to 1 (all of it). */
    public double visibleFraction(int row) {
        double top = Math.max(rowTop[row], scrollY);
        double bottom = Math.min(rowTop[row + 1], scrollY + viewportHeight);
        double h = rowTop[row + 1] - rowTop[row];
        return h <= 0 ? 0 : Math.max(0, bottom - top) / h;
    }

    /**
     * Follows the cursor vertically, without making the lanes jump: scrolls (the least amount that
     * shows it whole) only when the cursor's lane has left the view, that is when less than half of
     * it is visible. The cursor's lane is the lane of the event's block; when a block is selected
     * and the event is on another block, the lanes stay put (the user is studying the selected
     * block, and the cursor line crosses every lane anyway). Events without a block, and blocks in a
     * collapsed group or hidden, never scroll.
     *
     * @return whether the view scrolled
     */
    public boolean followCursor(int eventBlock, int selectedBlock) {
        if (eventBlock < 0 || (selectedBlock >= 0 && selectedBlock != eventBlock)) {
            return false;
        }
        int row = rowOf(LaneKind.BLOCK, eventBlock);
        if (row < 0 || visibleFraction(row) >= 0.5) {
            return false;
        }
        double before = scrollY;
        ensureRowVisible(row);
        return scrollY != before;
    }

    /** Scrolls the least amount that makes {@code row} fully visible. */
    public void ensureRowVisible(int row) {
        double top = rowTop[row];
        double bottom = rowTop[row + 1];
        if (top < scrollY) {
            setScrollY(top);
        } else if (bottom > scrollY + viewportHeight) {
            setScrollY(bottom - viewportHeight);
        }
    }

    private int rowAtContent(double cy) {
        int lo = 0;
        int hi = rowCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowTop[mid] <= cy) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void rebuildRows() {
        int n = 0;
        for (int g = 0; g < groups.size(); g++) {
            n += 1 + (collapsed[g] ? 0 : groups.get(g).lanes().size());
        }
        rowCount = n;
        rowGroup = new int[n];
        rowLane = new int[n];
        rowTop = new double[n + 1];
        int r = 0;
        double y = 0;
        int lanes = 0;
        for (int g = 0; g < groups.size(); g++) {
            rowGroup[r] = g;
            rowLane[r] = -1;
            rowTop[r++] = y;
            y += headerHeight;
            if (!collapsed[g]) {
                for (int l = 0; l < groups.get(g).lanes().size(); l++) {
                    rowGroup[r] = g;
                    rowLane[r] = l;
                    rowTop[r++] = y;
                    y += laneHeight;
                    lanes++;
                }
            }
        }
        rowTop[n] = y;
        visibleLaneCount = lanes;
        setScrollY(scrollY);
    }
}
