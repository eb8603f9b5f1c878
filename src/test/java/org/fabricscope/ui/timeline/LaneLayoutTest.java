package org.fabricscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.trace.ActorKind;
import org.junit.jupiter.api.Test;

class LaneLayoutTest {
    private static final double HEADER = 20;
    private static final double LANE = 26;

    private static LaneLayout twoGroups() {
        List<LaneLayout.Lane> a = List.of(
                new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 0, "block 0"),
                new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 1, "block 1"));
        List<LaneLayout.Lane> b = List.of(
                new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 2, "block 2"),
                new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 3, "block 3"),
                new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 4, "block 4"));
        LaneLayout layout =
                new LaneLayout(List.of(new LaneLayout.Group("A", a), new LaneLayout.Group("B", b)), HEADER, LANE);
        layout.setViewportHeight(1000);
        return layout;
    }

    @Test
    void rowsAreHeadersFollowedByTheirLanes() {
        LaneLayout layout = twoGroups();
        assertThat(layout.rowCount()).isEqualTo(7);
        assertThat(layout.isHeader(0)).isTrue();
        assertThat(layout.laneOfRow(1).id()).isZero();
        assertThat(layout.isHeader(3)).isTrue();
        assertThat(layout.rowTop(3)).isEqualTo(HEADER + 2 * LANE);
        assertThat(layout.contentHeight()).isEqualTo(2 * HEADER + 5 * LANE);
    }

    @Test
    void collapsingAGroupHidesItsLanesButKeepsItsHeader() {
        LaneLayout layout = twoGroups();
        layout.setCollapsed(0, true);
        assertThat(layout.visibleLaneCount()).isEqualTo(3);
        assertThat(layout.rowCount()).isEqualTo(5);
        assertThat(layout.rowOf(LaneLayout.LaneKind.BLOCK, 1)).isEqualTo(-1);
        assertThat(layout.rowOf(LaneLayout.LaneKind.BLOCK, 2)).isEqualTo(2);
        layout.toggleCollapsed(0);
        assertThat(layout.visibleLaneCount()).isEqualTo(5);
    }

    @Test
    void laneAtFindsTheLaneUnderAY() {
        LaneLayout layout = twoGroups();
        assertThat(layout.laneAt(5)).isNull();
        assertThat(layout.laneAt(HEADER + 1).id()).isZero();
        assertThat(layout.laneAt(HEADER + LANE + 25.9).id()).isEqualTo(1);
        assertThat(layout.laneAt(2 * HEADER + 2 * LANE + 0.1).id()).isEqualTo(2);
        assertThat(layout.rowAt(layout.contentHeight() + 1)).isEqualTo(-1);
    }

    @Test
    void scrollingShiftsRowsAndIsClamped() {
        LaneLayout layout = twoGroups();
        layout.setViewportHeight(60);
        layout.scrollBy(LANE);
        assertThat(layout.laneAt(0).id()).isZero();
        assertThat(layout.rowY(1)).isEqualTo(HEADER - LANE);
        layout.scrollBy(1e6);
        assertThat(layout.scrollY()).isEqualTo(layout.contentHeight() - 60);
        assertThat(layout.lastVisibleRow()).isEqualTo(6);
        layout.scrollBy(-1e6);
        assertThat(layout.scrollY()).isZero();
        assertThat(layout.firstVisibleRow()).isZero();
    }

    @Test
    void ensureRowVisibleScrollsTheLeastNeeded() {
        LaneLayout layout = twoGroups();
        layout.setViewportHeight(60);
        layout.ensureRowVisible(6);
        assertThat(layout.scrollY()).isEqualTo(layout.contentHeight() - 60);
        layout.ensureRowVisible(1);
        assertThat(layout.scrollY()).isEqualTo(HEADER);
    }

    @Test
    void topologyGroupsPutActorsFirstThenOneGroupPerNodeDriveAndFile() {
        List<LaneLayout.Group> groups =
                LaneLayout.groupsFor(SyntheticTrace.header(40, 1).topology());
        assertThat(groups.get(0).lanes()).hasSize(ActorKind.values().length);
        assertThat(groups.get(1).title()).isEqualTo("node 0 · drive 0 · archive-0");
        assertThat(groups.stream().skip(1).mapToInt(g -> g.lanes().size()).sum())
                .isEqualTo(40);
        assertThat(groups).extracting(LaneLayout.Group::title).contains("node 2 · drive 0 · file-x");
    }
}
