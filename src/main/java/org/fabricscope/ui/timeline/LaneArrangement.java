package org.fabricscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fabricscope.trace.Trace;

/**
 * Which lanes the timeline shows, in which groups and order: the standard groups, less the block
 * lanes a filter hides, with pinned lanes moved to a "Pinned" group on top; or, in focus mode, only
 * the {@link FocusSet}'s lanes. Plain Java, computed when one of these changes (never per frame).
 */
public final class LaneArrangement {
    /** Title of the group of pinned lanes. */
    public static final String PINNED = "Pinned";

    private LaneArrangement() {}

    /**
     * The groups to show.
     *
     * @param base the standard groups ({@link LaneLayout#groupsFor})
     * @param pinned lanes pinned to the top, in pinning order
     * @param shownBlocks blocks whose lanes are shown; {@code null} shows all (pinned lanes always show)
     * @param focus the focus, or {@code null}: when set, only its lanes are shown
     * @param trace the trace (for the focus' titles)
     */
    public static List<LaneLayout.Group> arrange(
            List<LaneLayout.Group> base,
            List<LaneLayout.Lane> pinned,
            Set<Integer> shownBlocks,
            FocusSet focus,
            Trace trace) {
        if (focus != null) {
            return focus.groups(trace);
        }
        List<LaneLayout.Group> out = new ArrayList<>();
        if (!pinned.isEmpty()) {
            out.add(new LaneLayout.Group(PINNED, pinned));
        }
        for (int g = 0; g < base.size(); g++) {
            LaneLayout.Group group = base.get(g);
            List<LaneLayout.Lane> lanes = new ArrayList<>();
            for (LaneLayout.Lane lane : group.lanes()) {
                if (isPinned(pinned, lane)) {
                    continue;
                }
                if (lane.kind() == LaneLayout.LaneKind.BLOCK
                        && shownBlocks != null
                        && !shownBlocks.contains(lane.id())) {
                    continue;
                }
                lanes.add(lane);
            }
            // A place whose blocks are all hidden disappears; the actor group (first) always stays.
            if (!lanes.isEmpty() || g == 0) {
                out.add(new LaneLayout.Group(group.title(), lanes));
            }
        }
        return out;
    }

    static boolean isPinned(List<LaneLayout.Lane> pinned, LaneLayout.Lane lane) {
        for (LaneLayout.Lane p : pinned) {
            if (p.kind() == lane.kind() && p.id() == lane.id()) {
                return true;
            }
        }
        return false;
    }
}
