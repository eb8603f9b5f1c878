package org.fabricscope.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fabricscope.replay.explain.RaceTraceFixture;
import org.fabricscope.trace.Field;
import org.fabricscope.ui.inspector.InspectorViewModel.FieldRow;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final TraceSession session = new TraceSession();
    private final InspectorViewModel vm = new InspectorViewModel(session);

    @BeforeEach
    void open() {
        session.open(RaceTraceFixture.loaded());
        session.selectedBlockProperty().set(RaceTraceFixture.BLOCK);
    }

    @Test
    void onlyTheFieldChangedAtThisStepIsMarked() {
        session.currentStepProperty().set(RaceTraceFixture.PREFETCH_READY);
        assertThat(vm.rows())
                .filteredOn(FieldRow::changedHere)
                .extracting(FieldRow::field)
                .containsExactly(Field.CACHE_STATE);
        assertThat(vm.row(Field.CACHE_STATE).value()).isEqualTo("READY");
        assertThat(vm.row(Field.CACHE_STATE).previousValue()).isEqualTo("FILLING");
    }

    @Test
    void aCheckChangesNothing() {
        session.currentStepProperty().set(RaceTraceFixture.CHECK_CACHE_STATE);
        assertThat(vm.rows()).noneMatch(FieldRow::changedHere);
    }

    @Test
    void eachFieldNamesTheEventThatLastChangedIt() {
        session.currentStepProperty().set(RaceTraceFixture.FPRE004);
        assertThat(vm.row(Field.LAST_WRITE_PENDING).lastChangeSeq()).isEqualTo(RaceTraceFixture.WRITE_PENDING);
        assertThat(vm.row(Field.CACHE_STATE).lastChangeSeq()).isEqualTo(RaceTraceFixture.PREFETCH_READY);
        assertThat(vm.row(Field.EXTENT).lastChangeSeq()).isEqualTo(RaceTraceFixture.COMPACT_SWITCH_EXTENT);
        assertThat(vm.row(Field.HEALTH).lastChangeSeq()).isEqualTo(-1);
        assertThat(vm.row(Field.CACHE_STATE).lastChangeText())
                .isEqualTo("#19 · 12.000 ms · PREFETCH_READY · prefetch@n1");
    }

    @Test
    void followingALastChangeLinkMovesTheCursorThere() {
        session.currentStepProperty().set(RaceTraceFixture.FPRE004);
        vm.goToEvent(vm.row(Field.LAST_WRITE_PENDING).lastChangeSeq());
        assertThat(session.getCurrentStep()).isEqualTo(RaceTraceFixture.WRITE_PENDING);
        assertThat(vm.row(Field.LAST_WRITE_PENDING).changedHere()).isTrue();
    }

    @Test
    void stepBackRestoresEveryValueExactly() {
        session.currentStepProperty().set(RaceTraceFixture.RELEASE_PENDING - 1);
        List<FieldRow> before = List.copyOf(vm.rows());
        session.currentStepProperty().set(RaceTraceFixture.RELEASE_PENDING);
        assertThat(vm.row(Field.LAST_WRITE_PENDING).value()).isEqualTo("false");
        session.currentStepProperty().set(RaceTraceFixture.RELEASE_PENDING - 1);
        assertThat(vm.rows()).containsExactlyElementsOf(before);
    }

    @Test
    void withoutASelectedBlockTheCurrentEventsBlockIsShown() {
        session.selectedBlockProperty().set(-1);
        session.currentStepProperty().set(RaceTraceFixture.OTHER_BLOCK_PREFETCH);
        assertThat(vm.blockProperty().get()).isEqualTo(1);
        assertThat(vm.headingProperty().get()).contains("Block 1", "block of the current event");
    }

    @Test
    void currentEventDetailsCarryCauseAndJitter() {
        session.currentStepProperty().set(RaceTraceFixture.WRITE_ACK);
        InspectorViewModel.EventDetails d = vm.currentEventProperty().get();
        assertThat(d.kind()).isEqualTo("WRITE_ACK");
        assertThat(d.time()).isEqualTo("17.300 ms");
        assertThat(d.arg()).isEqualTo("jitter 7.300 ms");
        assertThat(d.causeSeq()).isEqualTo(RaceTraceFixture.WRITE_ISSUE);
        assertThat(d.cause()).startsWith("#13").contains("WRITE_ISSUE");
    }
}
