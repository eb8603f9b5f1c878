package org.fabricscope.ui.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ChangeListener;
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
            public void whenReady(Runnable r) {
                if (timeline.isReady()) {
                    r.run();
                    return;
                }
                ChangeListener<Boolean> once = new ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean ready) {
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
}
