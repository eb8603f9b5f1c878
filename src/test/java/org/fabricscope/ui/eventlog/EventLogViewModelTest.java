package org.fabricscope.ui.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.eventlog.EventLogViewModel.Column;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLogViewModelTest {
    private final TraceSession session = new TraceSession();
    private final EventLogViewModel vm = new EventLogViewModel(session);
    private Trace trace;

    @BeforeEach
    void open() {
        session.open(RaceTraceFixture.loaded());
        trace = session.getTrace().trace();
    }

    @Test
    void withoutFiltersEveryEventIsARowInSequenceOrder() {
        assertThat(vm.rows()).hasSize(trace.size());
        assertThat(vm.rows().get(7)).isEqualTo(7);
        assertThat(vm.statusProperty().get()).isEqualTo(trace.size() + " events");
    }

    @Test
    void kindFilterKeepsOnlyThoseKinds() {
        vm.chosenKinds().setAll(EventKind.FPRE004, EventKind.VERIFY_BEGIN);
        assertThat(vm.rows())
                .containsExactly(
                        RaceTraceFixture.VERIFY_BEGIN,
                        RaceTraceFixture.FPRE004,
                        36,
                        42,
                        RaceTraceFixture.SECOND_FPRE004);
    }

    @Test
    void blockAndActorFiltersCombine() {
        vm.chosenBlocks().setAll(RaceTraceFixture.BLOCK);
        vm.chosenActors().setAll("compaction@n1");
        assertThat(vm.rows())
                .containsExactly(
                        RaceTraceFixture.COMPACT_COPY,
                        RaceTraceFixture.COMPACT_SWITCH_EXTENT,
                        RaceTraceFixture.COMPACT_SWITCH_STATE,
                        34);
    }

    @Test
    void textMatchesKindsActorsFieldsAndFormattedValuesIgnoringCase() {
        vm.textFilterProperty().set("Ready");
        List<Integer> rows = new ArrayList<>(vm.rows());
        assertThat(rows)
                .contains(
                        RaceTraceFixture.PREFETCH_READY,
                        RaceTraceFixture.PREFETCH_READY_VERSION,
                        RaceTraceFixture.CHECK_CACHE_STATE);
        assertThat(rows).doesNotContain(RaceTraceFixture.PREFETCH_START, RaceTraceFixture.WRITE_ACK);
    }

    @Test
    void selectingARowMovesTheCursorAndSelectsTheEventAndItsBlock() {
        vm.chosenKinds().setAll(EventKind.FPRE004);
        vm.selectRow(1);
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
        assertThat(session.selectedEventProperty().get()).isEqualTo(RaceTraceFixture.SECOND_FPRE004);
        assertThat(session.selectedBlockProperty().get()).isEqualTo(3);
    }

    @Test
    void movingTheCursorSelectsItsRowOrNoneWhenFilteredOut() {
        vm.chosenKinds().setAll(EventKind.FPRE004);
        session.currentStepProperty().set(RaceTraceFixture.SECOND_FPRE004);
        assertThat(vm.selectedRowProperty().get()).isEqualTo(1);
        session.currentStepProperty().set(RaceTraceFixture.WRITE_ACK);
        assertThat(vm.selectedRowProperty().get()).isEqualTo(-1);
    }

    @Test
    void hideOnTimelinePublishesTheSameFilterToTheSession() {
        vm.chosenKinds().setAll(EventKind.FPRE004);
        assertThat(session.eventFilterProperty().get()).isNull();
        vm.hideOnTimelineProperty().set(true);
        assertThat(session.eventFilterProperty().get().test(RaceTraceFixture.FPRE004))
                .isTrue();
        assertThat(session.eventFilterProperty().get().test(RaceTraceFixture.WRITE_ACK))
                .isFalse();
        vm.chosenKinds().clear();
        assertThat(session.eventFilterProperty().get()).isNull();
    }

    @Test
    void cellsReadTheTraceColumns() {
        int seq = RaceTraceFixture.PREFETCH_READY;
        assertThat(vm.text(Column.TIME, seq)).isEqualTo("12.000");
        assertThat(vm.text(Column.KIND, seq)).isEqualTo("PREFETCH_READY");
        assertThat(vm.text(Column.FIELD, seq)).isEqualTo("cacheState");
        assertThat(vm.text(Column.CHANGE, seq)).isEqualTo("FILLING → READY");
        assertThat(vm.text(Column.CAUSE, seq)).isEqualTo("#" + RaceTraceFixture.PREFETCH_START);
        assertThat(vm.text(Column.NODE, seq)).isEqualTo("1");
    }

    @Test
    void openingAnotherTraceClearsTheFilters() {
        vm.chosenKinds().setAll(EventKind.FPRE004);
        session.open(RaceTraceFixture.loaded());
        assertThat(vm.chosenKinds()).isEmpty();
        assertThat(vm.rows()).hasSize(trace.size());
    }
}
