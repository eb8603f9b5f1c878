package org.fabricscope.ui.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Filtering above the threshold runs as a background task and lands on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class EventLogBackgroundFilterTest {

    private static Trace everyThirdIsAPrefetch(int events) {
        Topology topology = new Topology(1, 1, List.of(new Topology.BlockInfo(0, 0, "file-x")));
        TraceBuilder b = new TraceBuilder(
                new TraceHeader(
                        TraceHeader.FORMAT_NAME,
                        TraceHeader.FORMAT_VERSION,
                        "test",
                        "test",
                        Map.of(),
                        1,
                        1,
                        PatchSwitches.NONE,
                        topology),
                events);
        for (int i = 0; i < events; i++) {
            EventKind kind = i % 3 == 0 ? EventKind.PREFETCH_START : EventKind.READ_ISSUE;
            b.event(i, 0, 0, "a", kind, kind == EventKind.PREFETCH_START ? Field.CACHE_STATE : null, 0, 0, -1, 0);
        }
        return b.build();
    }

    @Test
    void bigTraceIsFilteredOffTheFxThreadAndTheRowsArriveWhenDone(FxRobot robot) throws Exception {
        Trace trace = everyThirdIsAPrefetch(3_000);
        TraceSession session = new TraceSession();
        EventLogViewModel[] vm = new EventLogViewModel[1];
        boolean[] startedInBackground = new boolean[1];
        robot.interact(() -> {
            vm[0] = new EventLogViewModel(session);
            vm[0].setAsyncThreshold(100);
            session.open(new LoadedTrace(null, trace, TraceIndex.build(trace, Progress.NONE)));
            vm[0].chosenKinds().setAll(EventKind.PREFETCH_START);
            startedInBackground[0] = vm[0].filteringProperty().get();
        });
        assertThat(startedInBackground[0]).isTrue();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !vm[0].filteringProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm[0].rows()).hasSize(1_000);
        assertThat(vm[0].rows().get(1)).isEqualTo(3);
        assertThat(vm[0].statusProperty().get()).isEqualTo("1,000 of 3,000 events");
    }
}
