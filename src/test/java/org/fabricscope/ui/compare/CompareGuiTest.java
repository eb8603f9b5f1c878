package org.fabricscope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestPreferences;
import org.fabricscope.ui.timeline.TimelineControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Compare mode in the real window: legacy (A) against patched (B), the sample traces. */
@ExtendWith(ApplicationExtension.class)
class CompareGuiTest {
    private static final Path LEGACY =
            Path.of("sample-traces/fpre004-repro-legacy.jsonl").toAbsolutePath();
    private static final Path PATCHED =
            Path.of("sample-traces/fpre004-repro-patched.jsonl").toAbsolutePath();

    @TempDir
    static Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private final MainWindow.Services services = new MainWindow.Services(
            TraceFiles.jsonl(),
            new EmbeddedSimulation(),
            prefs.preferences(),
            new CrashLog(dir.resolve("fabricscope.log")),
            workers);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = MainWindow.show(stage, services);
    }

    @AfterEach
    void cleanUp() throws Exception {
        Fx.run(() -> {
            window.stage().hide();
            // The primary stage is shared with later test classes: its window must not save into
            // preferences that are gone by then.
            window.stage().setOnHiding(null);
        });
        workers.shutdownNow();
        prefs.close();
    }

    private CompareViewModel compare() {
        return window.view().compareView().viewModel();
    }

    private void openAndCompare() throws Exception {
        Fx.run(() -> window.viewModel().open(LEGACY));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> compare().compareWith(PATCHED));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Keys go to the window, not into a text field; a click on a timeline would move the cursor. */
    private static void focusAwayFromTextFields(FxRobot robot) throws Exception {
        Fx.run(() -> robot.lookup("#compare-next").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void compareWithSplitsTheLanesOfTheOneTimelineWithTheCompareTabForward(FxRobot robot) throws Exception {
        openAndCompare();

        assertThat(compare().isActive()).isTrue();
        TabPane tabs = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Compare");
        // One timeline, its lanes split (A above B), and a legend line under it instead of B's timeline.
        TimelineControl a = window.view().timeline();
        Fx.awaitValue(a.splitProperty(), true);
        assertThat(robot.lookup(".timeline").queryAll()).hasSize(1);
        assertThat(robot.lookup("#compare-timeline-b").tryQuery()).isEmpty();
        javafx.scene.Node legend = robot.lookup("#compare-timeline-pane").query();
        assertThat(legend.isVisible()).isTrue();
        assertThat(legend.getBoundsInLocal().getHeight()).isLessThan(60);
        assertThat(a.getHeight()).isGreaterThan(200);
        assertThat(robot.lookup("#compare-summary").queryAs(Label.class).getText())
                .contains("FPRE004: 1 in A, 0 in B");
        assertThat(robot.lookup("#compare-first-divergence")
                        .queryAs(Label.class)
                        .getText())
                .contains("PREFETCH_BACKOFF");
    }

    @Test
    void dAndShiftDStepThroughTheDifferencesWithBothCursors(FxRobot robot) throws Exception {
        openAndCompare();
        TraceDiff d = compare().getDiff();
        focusAwayFromTextFields(robot);

        robot.type(KeyCode.D);
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().currentDifferenceProperty().get()).isEqualTo(1);
        TraceDiff.Divergence second = d.difference(1);
        TraceSession a = window.viewModel().session();
        if (second.seqA() >= 0) {
            assertThat(a.getCurrentStep()).isEqualTo(second.seqA());
        }
        if (second.seqB() >= 0) {
            assertThat(compare().sessionB().getCurrentStep()).isEqualTo(second.seqB());
        }

        // The difference's marker is on its lane: A's event in the upper half, B's in the lower.
        TimelineControl timeline = window.view().timeline();
        WaitForAsyncUtils.waitForFxEvents();
        int block = second.seqA() >= 0 ? d.a().block(second.seqA()) : d.b().block(second.seqB());
        javafx.geometry.Point2D lane =
                Fx.call(() -> timeline.laneLabelPosition(org.fabricscope.ui.timeline.LaneLayout.LaneKind.BLOCK, block));
        assertThat(lane).isNotNull();
        if (second.seqA() >= 0) {
            assertThat(Fx.call(() -> timeline.eventPosition(second.seqA())).getY())
                    .isLessThan(lane.getY());
        }
        if (second.seqB() >= 0) {
            assertThat(Fx.call(() -> timeline.eventPositionB(second.seqB())).getY())
                    .isGreaterThan(lane.getY());
        }

        robot.press(KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare().currentDifferenceProperty().get()).isZero();
        assertThat(compare().sessionB().getCurrentStep()).isEqualTo(654);
    }

    @Test
    void aClickOnBsEventInTheLowerHalfOfALaneMovesBothCursors(FxRobot robot) throws Exception {
        openAndCompare();
        TraceDiff d = compare().getDiff();
        TimelineControl timeline = window.view().timeline();
        int onlyB = 654; // the patched prefetch's back-off on block 169, only in B
        Fx.run(() -> {
            timeline.zoomTo(d.b().timeMicros(onlyB) - 300, d.b().timeMicros(onlyB) + 300);
            timeline.viewModel()
                    .pin(new org.fabricscope.ui.timeline.LaneLayout.Lane(
                            org.fabricscope.ui.timeline.LaneLayout.LaneKind.BLOCK, 169, "block 169"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D at = Fx.call(() -> timeline.eventPositionB(onlyB));
        assertThat(at).isNotNull();

        robot.clickOn(timeline.localToScreen(at));
        WaitForAsyncUtils.waitForFxEvents();

        // B's event under the mouse (events at the same instant tie; the click's rule picks one).
        int picked = compare().sessionB().getCurrentStep();
        assertThat(d.b().timeMicros(picked)).isEqualTo(d.b().timeMicros(onlyB));
        assertThat(d.b().block(picked)).isEqualTo(169);
        // A follows: to the same event, or, where A has none, to the gap (its last event before).
        int partner = d.partnerOfB(picked);
        assertThat(window.viewModel().session().getCurrentStep())
                .isEqualTo(partner >= 0 ? partner : d.a().firstAtOrAfter(d.b().timeMicros(picked)) - 1);
        assertThat(window.viewModel().session().selectedEventProperty().get()).isEqualTo(partner);
    }

    @Test
    void theCursorIsSynchronisedAndTheInspectorShowsBothSidesWithDifferencesHighlighted(FxRobot robot)
            throws Exception {
        openAndCompare();
        TraceDiff d = compare().getDiff();
        int fpre = d.fpre004OnlyInA()[0];

        Fx.run(() -> {
            window.viewModel().session().goToEvent(fpre);
            window.viewModel().session().selectedBlockProperty().set(d.a().block(fpre));
        });
        WaitForAsyncUtils.waitForFxEvents();

        // B has no FPRE004: its cursor waits at the gap, its last event before that moment.
        assertThat(compare().sessionB().getCurrentStep()).isEqualTo(d.b().firstAtOrAfter(d.a().timeMicros(fpre)) - 1);
        long highlighted = robot.lookup("#compare-inspector .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r ->
                        r.getItem() != null && r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("differs")))
                .count();
        long expected = compare().fieldRows().stream()
                .filter(CompareViewModel.FieldRow::differs)
                .count();
        assertThat(expected).isPositive();
        assertThat(highlighted).isEqualTo(expected);

        // Stepping in A moves B to the same event.
        int paired = fpre + 40;
        while (d.partnerOfA(paired) < 0) {
            paired++;
        }
        int p = paired;
        Fx.run(() -> window.viewModel().session().currentStepProperty().set(p));
        assertThat(compare().sessionB().getCurrentStep()).isEqualTo(d.partnerOfA(p));
    }

    @Test
    void altDGoesToTheFirstDivergence(FxRobot robot) throws Exception {
        openAndCompare();
        focusAwayFromTextFields(robot);

        robot.press(KeyCode.ALT).type(KeyCode.D).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().sessionB().getCurrentStep()).isEqualTo(654);
    }

    @Test
    void aWhatIfForkAtTheCursorOpensInCompareMode(FxRobot robot) throws Exception {
        Fx.run(() -> window.viewModel().open(LEGACY));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> window.viewModel().session().goToEvent(1277)); // the late ACK of write 1 on block 179
        robot.clickOn("#compare-tab .tab-label");
        robot.doubleClickOn("#compare-whatif-delta").write("400us");
        robot.clickOn("#compare-whatif-advance");
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().isActive()).isTrue();
        assertThat(compare().nameBProperty().get()).startsWith("fork: advance #1277");
        assertThat(TraceDiff.fpre004Count(compare().getDiff().b())).isZero();
        assertThat(compare().getDiff().firstDivergence().seqA()).isEqualTo(1277);
    }

    @Test
    void differingLanesCanBePinnedFirst(FxRobot robot) throws Exception {
        openAndCompare();
        int blocks = compare().blockDifferences().size();

        robot.clickOn("#compare-pin-differing");
        WaitForAsyncUtils.waitForFxEvents();

        TimelineControl a = window.view().timeline();
        assertThat(blocks).isPositive();
        assertThat(a.viewModel().pinnedLanes()).hasSize(blocks);
        assertThat(a.viewModel().pinnedLanes().get(0).id())
                .isEqualTo(compare().blockDifferences().get(0).block());
        // The pinned lanes are the first lanes shown, each split A above B.
        assertThat(a.visibleLanes().get(0).id())
                .isEqualTo(compare().blockDifferences().get(0).block());
        assertThat(a.isSplit()).isTrue();
    }

    @Test
    void theEventLogsWhatIfMenuDropsTheWriteAndComparesTheFork(FxRobot robot) throws Exception {
        Fx.run(() -> window.viewModel().open(LEGACY));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> window.viewModel().session().goToEvent(1013)); // write 1 on block 179
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == 1013 && r.isVisible() && !r.isEmpty())
                .queryAs(TableRow.class);
        robot.clickOn(row);

        // Headless Monocle sends no context-menu event for a right click: fire the row's menu item
        // as the menu would.
        javafx.scene.control.MenuItem drop = window.view().eventLogTable().getContextMenu().getItems().stream()
                .filter(i -> i.getText().equals("What if: Drop"))
                .findFirst()
                .orElseThrow();
        Fx.run(drop::fire);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().isActive()).isTrue();
        assertThat(compare().nameBProperty().get()).startsWith("fork: drop #1013");
        assertThat(TraceDiff.fpre004Count(compare().getDiff().b())).isZero();
        assertThat(compare().getDiff().firstDivergence().seqA()).isEqualTo(1013);
    }

    @Test
    void rightClickOnATimelineEventRunsItAfterTheAckAndOpensTheForkInCompareMode(FxRobot robot) throws Exception {
        Fx.run(() -> window.viewModel().open(LEGACY));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        TimelineControl a = window.view().timeline();
        Fx.awaitValue(a.readyProperty(), true);
        // The prefetch READY of block 179 (#1069), zoomed in so the click finds it and no neighbour.
        Fx.run(() -> {
            window.viewModel().session().goToEvent(1069);
            a.zoomTo(8_232 - 300, 8_232 + 300);
            a.revealCurrentStep();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Fx.awaitValue(a.readyProperty(), true);
        javafx.geometry.Point2D at = Fx.call(() -> a.eventPosition(1069));
        assertThat(at).isNotNull();

        robot.clickOn(a.localToScreen(at), javafx.scene.input.MouseButton.SECONDARY);

        // The menu offers the four forks.
        for (String id : java.util.List.of("delay", "advance", "drop", "run-after")) {
            assertThat(robot.lookup("#timeline-whatif-" + id).tryQuery()).isPresent();
        }
        robot.clickOn("#timeline-whatif-run-after");
        javafx.scene.control.TextField other =
                robot.lookup("#askTextDialog .text-field").queryAs(javafx.scene.control.TextField.class);
        // Suggested: the late ACK of the write the READY raced.
        assertThat(other.getText()).isEqualTo("#1277");
        robot.type(KeyCode.ENTER);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(compare().isActive()).isTrue();
        assertThat(compare().nameBProperty().get()).startsWith("fork: run #1069");
        assertThat(TraceDiff.fpre004Count(compare().getDiff().b())).isZero();
        assertThat(compare().getDiff().b().header().interventions().get(0).runAfter())
                .isTrue();
    }

    @Test
    void theEventLogColoursRowsOnlyInAAndShowsItsLegendWhileComparing(FxRobot robot) throws Exception {
        openAndCompare();
        TraceDiff d = compare().getDiff();
        int onlyA = 0;
        while (d.classOfA(onlyA) != org.fabricscope.diff.DiffClass.ONLY_IN_A) {
            onlyA++;
        }
        int seq = onlyA;
        Fx.run(() -> window.viewModel().session().goToEvent(seq));
        WaitForAsyncUtils.waitForFxEvents();

        // Rows of B are merged in, so A's event is found by its item, not its index.
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match((TableRow<?> r) ->
                        !r.isEmpty() && r.isVisible() && Integer.valueOf(seq).equals(r.getItem()))
                .queryAs(TableRow.class);
        assertThat(row.getStyleClass()).contains("diff-only-a");
        assertThat(robot.lookup("#compare-log-legend").query().isVisible()).isTrue();

        Fx.run(() -> compare().close());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row.getStyleClass()).doesNotContain("diff-only-a");
        assertThat(robot.lookup("#compare-log-legend").query().isVisible()).isFalse();
    }

    @Test
    void theEventLogShowsBsOnlyInBEventsAsColouredBRowsAndPickingOneMovesBothCursors(FxRobot robot) throws Exception {
        openAndCompare();
        TraceDiff d = compare().getDiff();
        int first = d.firstDivergence().seqB(); // #654 PREFETCH_BACKOFF, only in B
        assertThat(d.partnerOfB(first)).isNegative();
        Fx.run(() -> compare().goToFirstDivergence());
        WaitForAsyncUtils.waitForFxEvents();

        // The cursors stand on B's event (A at the gap): the log selects and shows B's row.
        TableRow<?> row = robot.lookup("#event-table .table-row-cell")
                .match((TableRow<?> r) ->
                        !r.isEmpty() && r.isVisible() && Integer.valueOf(~first).equals(r.getItem()))
                .queryAs(TableRow.class);
        assertThat(row.getStyleClass()).contains("diff-only-b");
        assertThat(row.isSelected()).isTrue();
        javafx.scene.control.TableCell<?, ?> seqCell = robot.from(row)
                .lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) ->
                        c.getTableColumn().getId().equals("col-seq"))
                .queryAs(javafx.scene.control.TableCell.class);
        assertThat(seqCell.getText()).isEqualTo("B " + first);

        // One step back in A: B's row is no longer selected and shows B's colour.
        int gapA = window.viewModel().session().getCurrentStep();
        Fx.run(() -> window.viewModel().session().goToEvent(gapA - 1));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> unselected = robot.lookup("#event-table .table-row-cell")
                .match((TableRow<?> r) ->
                        !r.isEmpty() && r.isVisible() && Integer.valueOf(~first).equals(r.getItem()))
                .queryAs(TableRow.class);
        assertThat(unselected.isSelected()).isFalse();
        assertThat(unselected.getBackground().getFills().get(0).getFill())
                .isEqualTo(javafx.scene.paint.Color.web("#bfe8ee"));

        // Picking the B row moves B's cursor to it and A's to the gap.
        int rowIndex = Fx.call(() -> window.view().eventLogTable().getItems().indexOf(~first));
        Fx.run(() -> window.view().eventLogTable().getSelectionModel().clearAndSelect(rowIndex));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare().sessionB().getCurrentStep()).isEqualTo(first);
        assertThat(window.viewModel().session().getCurrentStep())
                .isEqualTo(d.a().firstAtOrAfter(d.b().timeMicros(first)) - 1);
        assertThat(window.view().eventLogTable().getSelectionModel().getSelectedIndex())
                .isEqualTo(rowIndex);
    }
}
