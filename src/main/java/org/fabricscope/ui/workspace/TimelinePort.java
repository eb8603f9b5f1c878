package org.fabricscope.ui.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ChangeListener;
import org.fabricscope.trace.ActorKind;
import org.fabricscope.ui.timeline.LaneLayout;
import org.fabricscope.ui.timeline.TimelineAnnotation;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * What sessions and bookmarks need of the timeline (its viewport, collapsed groups, annotations),
 * so that their view models hold no control and can be tested with a fake.
 */
public interface TimelinePort {
    double visibleStartMicros();

    double visibleEndMicros();

    double laneScrollY();

    /** Shows the time range {@code [start, end]} and scrolls the lanes to {@code scrollY}. */
    void show(double startMicros, double endMicros, double scrollY);

    /** Titles of the collapsed lane groups. */
    List<String> collapsedGroups();

    /** Collapses exactly the groups with these titles. */
    void setCollapsedGroups(Collection<String> titles);

    void setAnnotations(List<TimelineAnnotation> annotations);

    /** The lanes pinned to the top, by name: {@code block:N} or {@code actor:KIND} (an ActorKind name). */
    default List<String> pinnedLanes() {
        return List.of();
    }

    /** Pins exactly the lanes with these names; names of lanes this trace does not have are ignored. */
    default void setPinnedLanes(Collection<String> names) {}

    /** Runs {@code r} once the timeline shows the open trace: now if it does already. */
    void whenReady(Runnable r);

    /** The port of a real timeline. */
    static TimelinePort of(TimelineControl timeline) {
        return new TimelinePort() {
            @Override
            public double visibleStartMicros() {
                return timeline.visibleStartMicros();
            }

            @Override
            public double visibleEndMicros() {
                return timeline.visibleEndMicros();
            }

            @Override
            public double laneScrollY() {
                return timeline.laneScrollY();
            }

            @Override
            public void show(double startMicros, double endMicros, double scrollY) {
                timeline.zoomTo(startMicros, endMicros);
                timeline.setLaneScrollY(scrollY);
            }

            @Override
            public List<String> collapsedGroups() {
                List<String> out = new ArrayList<>();
                for (int g = 0; g < timeline.groupCount(); g++) {
                    if (timeline.isGroupCollapsed(g)) {
                        out.add(timeline.groupTitle(g));
                    }
                }
                return out;
            }

            @Override
            public void setCollapsedGroups(Collection<String> titles) {
                for (int g = 0; g < timeline.groupCount(); g++) {
                    timeline.setGroupCollapsed(g, titles.contains(timeline.groupTitle(g)));
                }
            }

            @Override
            public void setAnnotations(List<TimelineAnnotation> annotations) {
                timeline.setAnnotations(annotations);
            }

            @Override
            public List<String> pinnedLanes() {
                List<String> out = new ArrayList<>();
                for (LaneLayout.Lane lane : timeline.viewModel().pinnedLanes()) {
                    String name = laneName(lane);
                    if (name != null) {
                        out.add(name);
                    }
                }
                return out;
            }

            @Override
            public void setPinnedLanes(Collection<String> names) {
                for (LaneLayout.Lane lane : List.copyOf(timeline.viewModel().pinnedLanes())) {
                    timeline.viewModel().unpin(lane);
                }
                for (String name : names) {
                    LaneLayout.Lane lane = laneNamed(
                            name,
                            timeline.session().getTrace() == null
                                    ? 0
                                    : timeline.session()
                                            .getTrace()
                                            .trace()
                                            .header()
                                            .topology()
                                            .blockCount());
                    if (lane != null) {
                        timeline.viewModel().pin(lane);
                    }
                }
            }

            @Override
            public void whenReady(Runnable r) {
                if (timeline.isReady()) {
                    r.run();
                    return;
                }
                ChangeListener<Boolean> once = new ChangeListener<>() {
                    @Override
                    public void changed(
                            javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean ready) {
                        if (ready) {
                            timeline.readyProperty().removeListener(this);
                            r.run();
                        }
                    }
                };
                timeline.readyProperty().addListener(once);
            }
        };
    }

    /** {@code block:N} or {@code actor:KIND}; null for lanes that exist only in focus mode. */
    static String laneName(LaneLayout.Lane lane) {
        switch (lane.kind()) {
            case BLOCK:
                return "block:" + lane.id();
            case ACTOR:
                return "actor:" + ActorKind.values()[lane.id()].name();
            default:
                return null;
        }
    }

    /** The lane a {@link #laneName} names, or null if the name is malformed or out of range. */
    static LaneLayout.Lane laneNamed(String name, int blockCount) {
        if (name.startsWith("block:")) {
            try {
                int b = Integer.parseInt(name.substring("block:".length()));
                return b >= 0 && b < blockCount
                        ? new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, b, "block " + b)
                        : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (name.startsWith("actor:")) {
            for (ActorKind k : ActorKind.values()) {
                if (k.name().equals(name.substring("actor:".length()))) {
                    return new LaneLayout.Lane(LaneLayout.LaneKind.ACTOR, k.ordinal(), LaneLayout.actorLabel(k));
                }
            }
        }
        return null;
    }
}
