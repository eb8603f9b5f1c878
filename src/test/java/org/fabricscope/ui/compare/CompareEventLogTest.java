package org.fabricscope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.HandMadeTraces;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.fabricscope.ui.eventlog.EventLogViewModel;
import org.fabricscope.ui.eventlog.EventLogViewModel.Column;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event log in compare mode: A's events with B's only-in-B events merged in, in place. */
class CompareEventLogTest {
    private static final Path LEGACY = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
    private static final Path PATCHED = Path.of("sample-traces/fpre004-repro-patched.jsonl");

    @TempDir
    Path tmp;

    private final TraceSession session = new TraceSession();
    private final EventLogViewModel log = new EventLogViewModel(session);
    private CompareViewModel compare;

    /** Opens {@code a}, compares it with {@code b}, and wires the log as the window does. */
    private TraceDiff compare(Path a, Path b) throws Exception {
        Trace ta = TraceReader.read(a, Progress.NONE);
        session.open(new LoadedTrace(a, ta, TraceIndex.build(ta, Progress.NONE)));
        compare = new CompareViewModel(session);
        compare.diffProperty().addListener((o, was, now) -> log.setOtherRun(compare.logRun()));
        log.differencesOnlyProperty().bindBidirectional(compare.differencesOnlyProperty());
        compare.compareWith(b);
        assertThat(compare.isActive()).isTrue();
        return compare.getDiff();
    }

    private List<Integer> rows() {
        return new ArrayList<>(log.rows());
    }

    /**
     * Ground truth from the partner arrays: for each only-in-B event, the A event its row must
     * follow (the partner of the nearest earlier B event that has one; -1: none, the top).
     */
    private static int expectedPredecessorInA(TraceDiff d, int seqB) {
        for (int j = seqB - 1; j >= 0; j--) {
            if (d.partnerOfB(j) >= 0) {
                return d.partnerOfB(j);
            }
        }
        return -1;
    }

    /** The last A event before row {@code row} in the merged list, or -1. */
    private static int aBefore(List<Integer> rows, int row) {
        for (int r = row - 1; r >= 0; r--) {
            if (rows.get(r) >= 0) {
                return rows.get(r);
            }
        }
        return -1;
    }

    @Test
    void legacyAgainstPatchedShowsEveryAEventAndOneBRowPerOnlyInBEventInPlace() throws Exception {
        TraceDiff d = compare(LEGACY, PATCHED);
        List<Integer> rows = rows();

        List<Integer> aRows = new ArrayList<>();
        List<Integer> bRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int e = rows.get(r);
            if (e >= 0) {
                aRows.add(e);
            } else {
                bRows.add(~e);
                assertThat(d.partnerOfB(~e)).as("B row %d", ~e).isNegative();
                assertThat(aBefore(rows, r)).as("A event before B's %d", ~e).isEqualTo(expectedPredecessorInA(d, ~e));
            }
        }
        assertThat(aRows).hasSize(d.a().size());
        assertThat(aRows).isSorted();
        assertThat(bRows).hasSize((int) d.count(DiffClass.ONLY_IN_B));
        // Each only-in-B event once. Not necessarily in B's order: a retimed predecessor's partner
        // can sit elsewhere in A.
        assertThat(bRows).doesNotHaveDuplicates();
        assertThat(log.otherRowCount()).isEqualTo(d.count(DiffClass.ONLY_IN_B));

        // B's row says B's seq, time and kind, and is coloured as only in B.
        int first = d.firstDivergence().seqB();
        assertThat(log.text(Column.SEQ, ~first)).isEqualTo("B " + first);
        assertThat(log.text(Column.KIND, ~first)).isEqualTo("PREFETCH_BACKOFF");
        assertThat(log.text(Column.TIME, ~first)).isEqualTo("1.046");
        assertThat(log.rowClass(~first)).isEqualTo("diff-only-b");
        assertThat(log.rowClass(d.fpre004OnlyInA()[0])).isEqualTo("diff-only-a");
    }

    @Test
    void oneExtraEventInBIsOneBRowRightAfterItsPredecessorsPartner() throws Exception {
        List<String> base = HandMadeTraces.base();
        String extra = "\"t\":55,\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\","
                + "\"field\":\"lockHolder\",\"old\":0,\"new\":0,\"cause\":6,\"arg\":7";
        Path a = HandMadeTraces.write(tmp.resolve("a.jsonl"), base);
        Path b = HandMadeTraces.write(tmp.resolve("b.jsonl"), HandMadeTraces.insert(base, 7, extra));

        compare(a, b);

        // B's event 7 (only in B) falls after A's 6, whose partner is B's 6.
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            expected.add(i);
            if (i == 6) {
                expected.add(~7);
            }
        }
        assertThat(rows()).containsExactlyElementsOf(expected);
    }

    @Test
    void differencesOnlyKeepsChangedOnlyInAAndOnlyInBRowsAndClearingItRestoresAll() throws Exception {
        TraceDiff d = compare(LEGACY, PATCHED);

        log.differencesOnlyProperty().set(true);

        List<Integer> rows = rows();
        assertThat(rows).hasSize((int)
                (d.count(DiffClass.CHANGED) + d.count(DiffClass.ONLY_IN_A) + d.count(DiffClass.ONLY_IN_B)));
        for (int e : rows) {
            if (e >= 0) {
                assertThat(d.classOfA(e)).isIn(DiffClass.CHANGED, DiffClass.ONLY_IN_A);
            } else {
                assertThat(d.classOfB(~e)).isEqualTo(DiffClass.ONLY_IN_B);
            }
        }
        assertThat(compare.differencesOnlyProperty().get()).isTrue();

        log.differencesOnlyProperty().set(false);
        assertThat(rows()).hasSize(d.a().size() + (int) d.count(DiffClass.ONLY_IN_B));
    }

    @Test
    void theBlockFilterAppliesToBRowsByBsOwnBlock() throws Exception {
        TraceDiff d = compare(LEGACY, PATCHED);
        int first = d.firstDivergence().seqB();

        log.chosenBlocks().setAll(169);

        for (int e : rows()) {
            Trace t = e >= 0 ? d.a() : d.b();
            assertThat(t.block(e >= 0 ? e : ~e)).isEqualTo(169);
        }
        assertThat(rows()).contains(~first);
    }

    @Test
    void pickingABRowMovesBsCursorToItAndAsToTheGapAndKeepsTheRowSelected() throws Exception {
        TraceDiff d = compare(LEGACY, PATCHED);
        int first = d.firstDivergence().seqB();
        int row = rows().indexOf(~first);

        log.selectRow(row);

        assertThat(compare.sessionB().getCurrentStep()).isEqualTo(first);
        assertThat(session.getCurrentStep()).isEqualTo(d.a().firstAtOrAfter(d.b().timeMicros(first)) - 1);
        assertThat(log.selectedRowProperty().get()).isEqualTo(row);

        // Stepping in A leaves B's row: A's event is selected again.
        session.goToEvent(10);
        assertThat(log.selectedRowProperty().get()).isEqualTo(rows().indexOf(10));
    }

    @Test
    void leavingCompareModeShowsAsEventsAloneAgain() throws Exception {
        TraceDiff d = compare(LEGACY, PATCHED);

        compare.close();

        assertThat(rows()).hasSize(d.a().size()).allMatch(e -> e >= 0);
        assertThat(log.rowClass(0)).isNull();
        assertThat(log.statusProperty().get()).isEqualTo(String.format("%,d events", d.a().size()));
    }
}
