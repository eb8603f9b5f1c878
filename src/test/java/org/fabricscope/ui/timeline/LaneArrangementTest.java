package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** Which lanes show: pins on top, the event log's block filter, focus; and how they scroll. */
class LaneArrangementTest {
    private static final Trace TRACE = SyntheticTrace.generate(40, 2000, 3);
    private static final List<LaneLayout.Group> BASE =
            LaneLayout.groupsFor(TRACE.header().topology());

    private static LaneLayout.Lane block(int b) {
        return new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, b, "block " + b);
    }

    private static List<LaneLayout.Lane> lanes(List<LaneLayout.Group> groups) {
        return groups.stream().flatMap(g -> g.lanes().stream()).toList();
    }

    @Test
    void withNothingChosenEveryLaneShowsInTheStandardGroups() {
        assertThat(LaneArrangement.arrange(BASE, List.of(), null, null, TRACE)).isEqualTo(BASE);
    }

    @Test
    void aPinnedLaneMovesToAPinnedGroupOnTop() {
        List<LaneLayout.Group> g = LaneArrangement.arrange(BASE, List.of(block(17), block(2)), null, null, TRACE);

        assertThat(g.get(0).title()).isEqualTo(LaneArrangement.PINNED);
        assertThat(g.get(0).lanes()).extracting(LaneLayout.Lane::id).containsExactly(17, 2);
        assertThat(lanes(g))
                .filteredOn(l -> l.kind() == LaneLayout.LaneKind.BLOCK && l.id() == 17)
                .hasSize(1);
        assertThat(lanes(g)).hasSameSizeAs(lanes(BASE));
    }

    @Test
    void hidingOtherLanesKeepsTheChosenBlocksAndTheActorsAndDropsEmptyGroups() {
        List<LaneLayout.Group> g = LaneArrangement.arrange(BASE, List.of(), Set.of(4, 31), null, TRACE);

        assertThat(lanes(g))
                .filteredOn(l -> l.kind() == LaneLayout.LaneKind.BLOCK)
                .extracting(LaneLayout.Lane::id)
                .containsExactlyInAnyOrder(4, 31);
        assertThat(g.get(0).lanes()).isEqualTo(BASE.get(0).lanes());
        assertThat(g).hasSize(3);
    }

    @Test
    void collapseAndExpandAllAtOnce() {
        LaneLayout layout = new LaneLayout(BASE, 20, 26);
        layout.setAllCollapsed(true);
        assertThat(layout.visibleLaneCount()).isZero();
        assertThat(layout.rowCount()).isEqualTo(BASE.size());
        assertThat(layout.allCollapsed()).isTrue();
        layout.setAllCollapsed(false);
        assertThat(layout.visibleLaneCount()).isEqualTo(lanes(BASE).size());
    }

    @Test
    void aRearrangedLayoutKeepsCollapsedGroupsByTitleAndTheScroll() {
        LaneLayout before = new LaneLayout(BASE, 20, 26);
        before.setViewportHeight(200);
        before.setCollapsed(2, true);
        before.setScrollY(100);
        LaneLayout after = new LaneLayout(LaneArrangement.arrange(BASE, List.of(block(0)), null, null, TRACE), 20, 26);
        after.copyStateFrom(before);

        assertThat(after.isCollapsed(3))
                .as("group 2 moved down by the pinned group")
                .isTrue();
        assertThat(after.scrollY()).isEqualTo(100);
    }

    // ---- following the cursor vertically --------------------------------------------------------

    private static LaneLayout scrolled() {
        LaneLayout layout = new LaneLayout(BASE, 20, 26);
        layout.setViewportHeight(260);
        layout.setScrollY(300);
        return layout;
    }

    @Test
    void steppingOntoALaneInViewDoesNotScroll() {
        LaneLayout layout = scrolled();
        int row = layout.firstVisibleRow() + 2;
        while (layout.laneOfRow(row) == null || layout.laneOfRow(row).kind() != LaneLayout.LaneKind.BLOCK) {
            row++;
        }
        assertThat(layout.visibleFraction(row)).isEqualTo(1.0);
        int b = layout.laneOfRow(row).id();

        assertThat(layout.followCursor(b, -1)).isFalse();
        assertThat(layout.scrollY()).isEqualTo(300);
    }

    @Test
    void steppingOntoALaneThatLeftTheViewScrollsJustEnoughToShowIt() {
        LaneLayout layout = scrolled();
        int lastBlock = TRACE.header().topology().blockCount() - 1;
        int row = layout.rowOf(LaneLayout.LaneKind.BLOCK, lastBlock);
        assertThat(layout.visibleFraction(row)).isZero();

        assertThat(layout.followCursor(lastBlock, -1)).isTrue();
        assertThat(layout.visibleFraction(row)).isEqualTo(1.0);
        assertThat(layout.rowY(row) + layout.rowHeight(row)).isEqualTo(layout.viewportHeight());
    }

    @Test
    void withABlockSelectedStepsOnOtherBlocksNeverScroll() {
        LaneLayout layout = scrolled();
        int lastBlock = TRACE.header().topology().blockCount() - 1;

        assertThat(layout.followCursor(lastBlock, 0)).isFalse();
        assertThat(layout.scrollY()).isEqualTo(300);
        assertThat(layout.followCursor(-1, -1)).as("an event without a block").isFalse();
    }

    @Test
    void aLaneHalfInViewCountsAsInView() {
        LaneLayout layout = scrolled();
        int row = layout.lastVisibleRow();
        while (layout.laneOfRow(row) == null || layout.laneOfRow(row).kind() != LaneLayout.LaneKind.BLOCK) {
            row--;
        }
        layout.setScrollY(layout.rowTop(row) + layout.rowHeight(row) * 0.6 - layout.viewportHeight());
        double y = layout.scrollY();
        assertThat(layout.visibleFraction(row)).isBetween(0.5, 0.7);

        assertThat(layout.followCursor(layout.laneOfRow(row).id(), -1)).isFalse();
        assertThat(layout.scrollY()).isEqualTo(y);
    }
}
