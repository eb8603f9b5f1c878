package org.fabricscope.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.session.Session;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.testing.FakeDialogs;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.timeline.TimelineAnnotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bookmarks panel's view model, without a window: a fake timeline and scripted dialogs. */
class BookmarksViewModelTest {
    private static final Trace TRACE = RandomTraces.generate(5, 400, 6);

    private final TraceSession session = new TraceSession();
    private final FakeTimeline timeline = new FakeTimeline();
    private final FakeDialogs dialogs = new FakeDialogs();
    private BookmarksViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.startToolkit();
    }

    private void open() throws Exception {
        Fx.run(() -> {
            vm = new BookmarksViewModel(session, timeline, dialogs);
            session.open(new LoadedTrace(null, TRACE, TraceIndex.build(TRACE, Progress.NONE)));
        });
    }

    @Test
    void ctrlDBookmarksTheCursorsStepUnderANumberedNameAndTheTimelineDrawsAFlag() throws Exception {
        open();
        Fx.run(() -> {
            session.goToEvent(120);
            vm.addBookmarkAtCursor();
            session.goToEvent(200);
            vm.addBookmarkAtCursor();
        });

        assertThat(vm.marks()).extracting(Mark::text).containsExactly("Bookmark 1", "Bookmark 2");
        assertThat(vm.marks()).extracting(Mark::step).containsExactly(120, 200);
        assertThat(timeline.annotations).hasSize(2).allMatch(TimelineAnnotation::bookmark);
        assertThat(timeline.annotations.get(0).startMicros()).isEqualTo(TRACE.timeMicros(120));
        assertThat(timeline.annotations.get(0).text()).contains("Bookmark 1").contains("step 120");
    }

    @Test
    void aNoteOnTheVisibleRangeTakesTheTimelinesRangeAndTheTextTheUserTyped() throws Exception {
        open();
        timeline.start = TRACE.timeMicros(50) + 0.4;
        timeline.end = TRACE.timeMicros(90) - 0.4;
        dialogs.textAnswer = "the window that matters";

        Mark m = Fx.call(() -> vm.addNoteOnVisibleRange());

        assertThat(m.isRange()).isTrue();
        assertThat(m.startMicros()).isEqualTo(TRACE.timeMicros(50));
        assertThat(m.endMicros()).isEqualTo(TRACE.timeMicros(90));
        assertThat(timeline.annotations).singleElement().matches(a -> a.isRange() && !a.bookmark());
    }

    @Test
    void cancellingTheNotesTextAddsNothing() throws Exception {
        open();
        dialogs.textAnswer = null;
        assertThat(Fx.call(() -> vm.addNoteAtCursor())).isNull();
        assertThat(vm.marks()).isEmpty();
        assertThat(dialogs.textPrompts).hasSize(1);
    }

    @Test
    void jumpingToARangeNoteShowsTheRangeAndPutsTheCursorOnItsFirstEvent() throws Exception {
        open();
        Fx.run(() -> vm.jumpTo(vm.addNoteOnRange("r", TRACE.timeMicros(300), TRACE.timeMicros(320))));

        assertThat(session.getCurrentStep()).isEqualTo(TRACE.firstAtOrAfter(TRACE.timeMicros(300)));
        assertThat(timeline.start).isEqualTo(TRACE.timeMicros(300));
        assertThat(timeline.end).isEqualTo(Math.max(TRACE.timeMicros(320), TRACE.timeMicros(300) + 1));
    }

    @Test
    void renameAndDeleteChangeTheListAndTheTimeline() throws Exception {
        open();
        Fx.run(() -> {
            Mark m = vm.addBookmarkAtCursor();
            vm.rename(m, "  start  ");
            vm.addNoteAtStep("gone soon", 3);
            vm.delete(vm.marks().get(1));
        });
        assertThat(vm.marks()).extracting(Mark::text).containsExactly("start");
        assertThat(timeline.annotations).hasSize(1);
    }

    @Test
    void restoringLeavesOutWhatIsPastTheTracesEndAndANewTraceStartsEmpty() throws Exception {
        open();
        int dropped = Fx.call(() -> vm.restore(
                List.of(new Session.Bookmark("ok", 10), new Session.Bookmark("too far", TRACE.size())),
                List.of(Session.Note.atStep("n", 11), Session.Note.onRange("r", 0, 5))));
        assertThat(dropped).isEqualTo(1);
        assertThat(vm.bookmarks()).containsExactly(new Session.Bookmark("ok", 10));
        assertThat(vm.notes()).containsExactly(Session.Note.atStep("n", 11), Session.Note.onRange("r", 0, 5));

        Fx.run(() -> session.open(new LoadedTrace(null, TRACE, TraceIndex.build(TRACE, Progress.NONE))));
        assertThat(vm.marks()).isEmpty();
        assertThat(timeline.annotations).isEmpty();
    }

    private static final class FakeTimeline implements TimelinePort {
        double start = 0;
        double end = 1000;
        double scroll = 0;
        List<TimelineAnnotation> annotations = new ArrayList<>();

        @Override
        public double visibleStartMicros() {
            return start;
        }

        @Override
        public double visibleEndMicros() {
            return end;
        }

        @Override
        public double laneScrollY() {
            return scroll;
        }

        @Override
        public void show(double startMicros, double endMicros, double scrollY) {
            start = startMicros;
            end = endMicros;
            scroll = scrollY;
        }

        @Override
        public List<String> collapsedGroups() {
            return List.of();
        }

        @Override
        public void setCollapsedGroups(Collection<String> titles) {}

        @Override
        public void setAnnotations(List<TimelineAnnotation> a) {
            annotations = a;
        }

        @Override
        public void whenReady(Runnable r) {
            r.run();
        }
    }
}
