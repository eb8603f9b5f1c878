package org.fabricscope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compare mode's state and commands, without a window. */
class CompareViewModelTest {
    private static final Path LEGACY = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
    private static final Path PATCHED = Path.of("sample-traces/fpre004-repro-patched.jsonl");

    private final TraceSession session = new TraceSession();
    private CompareViewModel vm;
    private Trace a;

    @BeforeEach
    void openLegacyAndCompareWithPatched() throws Exception {
        a = TraceReader.read(LEGACY, Progress.NONE);
        session.open(new LoadedTrace(LEGACY, a, TraceIndex.build(a, Progress.NONE)));
        vm = new CompareViewModel(session);
        vm.compareWith(PATCHED);
    }

    @Test
    void comparingFillsTheDifferencesTheCountsAndTheFirstDivergence() {
        TraceDiff d = vm.getDiff();

        assertThat(vm.isActive()).isTrue();
        assertThat(vm.rows()).hasSize(d.differenceCount());
        assertThat(vm.summaryProperty().get())
                .contains("only in B " + d.count(DiffClass.ONLY_IN_B), "FPRE004: 1 in A, 0 in B");
        assertThat(vm.firstDivergenceTextProperty().get()).contains("only in B", "1.046 ms", "PREFETCH_BACKOFF");
        assertThat(vm.sessionB().getTrace().trace().header().patch().reorder()).isTrue();
    }

    @Test
    void nextDifferenceMovesBothCursorsThroughTheDifferencesInTimeOrder() {
        TraceDiff d = vm.getDiff();

        assertThat(vm.nextDifference()).isTrue();
        TraceDiff.Divergence first = d.difference(0);
        assertThat(vm.currentDifferenceProperty().get()).isZero();
        assertThat(vm.sessionB().getCurrentStep()).isEqualTo(first.seqB());
        // Only in B: A waits at the gap, its last event before B's.
        assertThat(session.getCurrentStep()).isEqualTo(a.firstAtOrAfter(first.timeMicros()) - 1);

        assertThat(vm.nextDifference()).isTrue();
        assertThat(vm.currentDifferenceProperty().get()).isEqualTo(1);
        assertThat(vm.previousDifference()).isTrue();
        assertThat(vm.currentDifferenceProperty().get()).isZero();
        assertThat(vm.previousDifference()).isFalse();
        assertThat(vm.messageProperty().get()).contains("No difference before the cursor");
    }

    @Test
    void steppingInAMovesBToTheSameEventOrToTheGap() {
        TraceDiff d = vm.getDiff();
        int paired = 2000;
        while (d.partnerOfA(paired) < 0) {
            paired++;
        }

        session.currentStepProperty().set(paired);

        assertThat(vm.sessionB().getCurrentStep()).isEqualTo(d.partnerOfA(paired));
        int fpre = d.fpre004OnlyInA()[0];
        session.currentStepProperty().set(fpre);
        assertThat(vm.sessionB().getCurrentStep())
                .isEqualTo(vm.sessionB().getTrace().trace().firstAtOrAfter(a.timeMicros(fpre)) - 1);
    }

    @Test
    void theInspectorShowsTheBlockInAAndBWithTheFieldsThatDiffer() {
        int fpre = vm.getDiff().fpre004OnlyInA()[0];
        session.goToEvent(fpre);
        session.selectedBlockProperty().set(a.block(fpre));

        assertThat(vm.inspectedBlockProperty().get()).isEqualTo(179);
        assertThat(vm.fieldRows()).hasSize(Field.values().length);
        CompareViewModel.FieldRow health = vm.fieldRows().stream()
                .filter(r -> r.field() == Field.HEALTH)
                .findFirst()
                .orElseThrow();
        assertThat(health.valueA()).isEqualTo("OK");
        assertThat(vm.fieldRows()).anySatisfy(r -> assertThat(r.differs()).isTrue());
        for (CompareViewModel.FieldRow r : vm.fieldRows()) {
            assertThat(r.differs()).isEqualTo(!r.valueA().equals(r.valueB()));
        }
    }

    @Test
    void differencesOnlyFiltersAsEventsAndLeavingRestoresTheFilter() {
        vm.differencesOnlyProperty().set(true);

        TraceDiff d = vm.getDiff();
        assertThat(session.eventFilterProperty().get().test(d.fpre004OnlyInA()[0]))
                .isTrue();
        assertThat(session.eventFilterProperty().get().test(0)).isFalse();

        vm.close();
        assertThat(session.eventFilterProperty().get()).isNull();
        assertThat(vm.isActive()).isFalse();
        assertThat(vm.sessionB().getTrace()).isNull();
    }

    @Test
    void theFirstDivergenceCommandMovesBothCursorsThere() {
        assertThat(vm.goToFirstDivergence()).isTrue();

        assertThat(vm.sessionB().getCurrentStep()).isEqualTo(654);
    }

    @Test
    void openingAnotherTraceInALeavesCompareMode() throws Exception {
        Trace other = TraceReader.read(PATCHED, Progress.NONE);
        session.open(new LoadedTrace(PATCHED, other, TraceIndex.build(other, Progress.NONE)));

        assertThat(vm.isActive()).isFalse();
    }

    @Test
    void eventLogRowsOfAAreColouredByTheirClass() {
        TraceDiff d = vm.getDiff();
        int onlyA = -1;
        int changed = -1;
        int same = -1;
        for (int s = 0; s < a.size(); s++) {
            DiffClass c = d.classOfA(s);
            if (c == DiffClass.ONLY_IN_A && onlyA < 0) {
                onlyA = s;
            } else if (c == DiffClass.CHANGED && changed < 0) {
                changed = s;
            } else if (c == DiffClass.SAME && same < 0) {
                same = s;
            }
        }

        assertThat(onlyA).isNotNegative();
        assertThat(changed).isNotNegative();
        assertThat(vm.logRowClass(onlyA)).isEqualTo("diff-only-a");
        assertThat(vm.logRowClass(changed)).isEqualTo("diff-changed");
        // A same event just after B's only-in-B events is plain now: those events have rows of their own.
        assertThat(vm.logRowClass(same)).isNull();
        vm.close();
        assertThat(vm.logRowClass(onlyA)).isNull();
        assertThat(vm.logRun()).isNull();
    }
}
