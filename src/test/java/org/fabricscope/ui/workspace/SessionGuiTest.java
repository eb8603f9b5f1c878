package org.fabricscope.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.session.Session;
import org.fabricscope.session.SessionReader;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceWriter;
import org.fabricscope.ui.eventlog.EventLogViewModel;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.replay.ReplayViewModel;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.testing.Fx;
import org.fabricscope.ui.testing.TestWindow;
import org.fabricscope.ui.timeline.LaneLayout;
import org.fabricscope.ui.timeline.TimelineControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on headless Monocle: a session saved and opened again restores cursor, zoom,
 * lanes, filters, breakpoints, bookmarks and notes; a changed trace or a bad session file is said
 * so; a trace cut off mid-file opens as its first complete events after a question.
 */
@ExtendWith(ApplicationExtension.class)
class SessionGuiTest {
    @TempDir
    Path dir;

    private TestWindow test;
    private MainWindow window;

    // Not MainWindowGuiTest: its folder is shared by the class, and these tests want a fresh one
    // each (they write session files of the same names).
    @Start
    void start(Stage stage) throws Exception {
        test = TestWindow.show(stage, dir);
        window = test.window();
    }

    @AfterEach
    void cleanUp() throws Exception {
        test.close();
    }

    private Path writeTrace(String name, long seed, int events) throws Exception {
        Path p = dir.resolve(name);
        TraceWriter.write(RandomTraces.generate(seed, events, 8), p, true, org.fabricscope.trace.Progress.NONE);
        return p;
    }

    private void openAndWait(Path p) throws Exception {
        Fx.run(() -> window.viewModel().open(p));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
    }

    private SessionViewModel sessions() {
        return window.view().sessions();
    }

    private BookmarksViewModel bookmarks() {
        return window.view().bookmarks().viewModel();
    }

    private TimelineControl timeline() {
        return window.view().timeline();
    }

    private EventLogViewModel eventLog() {
        return findEventLog().viewModel();
    }

    private org.fabricscope.ui.eventlog.EventLogView findEventLog() {
        return (org.fabricscope.ui.eventlog.EventLogView) window.view().lookupAll("*").stream()
                .filter(n -> n instanceof org.fabricscope.ui.eventlog.EventLogView)
                .findFirst()
                .orElseThrow();
    }

    private ReplayViewModel replay() {
        return ((org.fabricscope.ui.replay.ReplayControlsView) window.view().lookupAll("*").stream()
                        .filter(n -> n instanceof org.fabricscope.ui.replay.ReplayControlsView)
                        .findFirst()
                        .orElseThrow())
                .viewModel();
    }

    /** Opens the session and waits until its trace is open and restored. */
    private void openSessionAndWait(Path session) throws Exception {
        Task<?> read = Fx.call(() -> sessions().open(session));
        Fx.awaitDone(read);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Puts the window in a state that has one of everything a session holds. */
    private void makeWork() throws Exception {
        Fx.run(() -> {
            var session = window.viewModel().session();
            session.selectedBlockProperty().set(3);
            session.goToEvent(321);
            eventLog().chosenKinds().setAll(EventKind.PREFETCH_READY, EventKind.WRITE_LOCK);
            eventLog().textFilterProperty().set("cache");
            replay().breakpoints().add(Breakpoint.onValue(3, Field.CACHE_STATE, 2));
            bookmarks().rename(bookmarks().addBookmarkAtCursor(), "the interesting one");
            bookmarks().addNoteAtStep("write slips in here", 100);
            Trace t = session.getTrace().trace();
            bookmarks().addNoteOnRange("the check window", t.timeMicros(200), t.timeMicros(260));
            timeline().zoomTo(t.timeMicros(150), t.timeMicros(400));
            timeline().viewModel().pin(new LaneLayout.Lane(LaneLayout.LaneKind.BLOCK, 5, "block 5"));
            timeline().setGroupCollapsed(1, true);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSavedSessionReopensWithCursorZoomFiltersBreakpointsBookmarksAndNotes(FxRobot robot) throws Exception {
        Path trace = writeTrace("work.jsonl", 11, 2000);
        openAndWait(trace);
        makeWork();
        double start = Fx.call(() -> timeline().visibleStartMicros());
        double end = Fx.call(() -> timeline().visibleEndMicros());
        String collapsed = Fx.call(() -> timeline().groupTitle(1));
        Path file = dir.resolve("work.session.json");

        Fx.awaitDone(Fx.call(() -> sessions().save(file)));
        Session saved = SessionReader.read(file);
        assertThat(saved.trace()).isInstanceOf(Session.FileTrace.class);
        assertThat(((Session.FileTrace) saved.trace()).sha256()).hasSize(64);

        // Something else entirely: another trace, nothing of the work left.
        openAndWait(writeTrace("other.jsonl", 12, 600));
        assertThat(Fx.call(() -> bookmarks().marks().size())).isZero();
        Fx.run(() -> replay().breakpoints().setAll(Breakpoint.fpre004()));
        Fx.run(() -> List.copyOf(timeline().viewModel().pinnedLanes())
                .forEach(l -> timeline().viewModel().unpin(l)));

        openSessionAndWait(file);

        assertThat(window.stage().getTitle()).startsWith("work.jsonl");
        var session = window.viewModel().session();
        assertThat(session.getCurrentStep()).isEqualTo(321);
        assertThat(session.selectedBlockProperty().get()).isEqualTo(3);
        assertThat(Fx.call(() -> timeline().visibleStartMicros())).isCloseTo(start, within(1.0));
        assertThat(Fx.call(() -> timeline().visibleEndMicros())).isCloseTo(end, within(1.0));
        assertThat(Fx.call(() -> {
                    for (int g = 0; g < timeline().groupCount(); g++) {
                        if (timeline().groupTitle(g).equals(collapsed)) {
                            return timeline().isGroupCollapsed(g);
                        }
                    }
                    return false;
                }))
                .as(collapsed)
                .isTrue();
        assertThat(Fx.call(() -> List.copyOf(timeline().viewModel().pinnedLanes())))
                .extracting(LaneLayout.Lane::kind, LaneLayout.Lane::id)
                .containsExactly(tuple(LaneLayout.LaneKind.BLOCK, 5));
        assertThat(Fx.call(() -> List.copyOf(eventLog().chosenKinds())))
                .containsExactly(EventKind.PREFETCH_READY, EventKind.WRITE_LOCK);
        assertThat(Fx.call(() -> eventLog().textFilterProperty().get())).isEqualTo("cache");
        assertThat(Fx.call(() -> List.copyOf(replay().breakpoints())))
                .containsExactly(Breakpoint.fpre004(), Breakpoint.onValue(3, Field.CACHE_STATE, 2));
        List<Mark> marks = Fx.call(() -> List.copyOf(bookmarks().marks()));
        assertThat(marks)
                .extracting(Mark::text)
                .containsExactly("the interesting one", "write slips in here", "the check window");
        assertThat(marks.get(0).step()).isEqualTo(321);
        assertThat(marks.get(1).step()).isEqualTo(100);
        assertThat(marks.get(2).isRange()).isTrue();
        assertThat(Fx.call(() -> timeline().annotations())).hasSize(3);
        assertThat(robot.lookup("#bookmarksTable").queryTableView().getItems()).hasSize(3);
        assertThat(Fx.call(() -> window.viewModel().statusProperty().get()))
                .startsWith("Restored session work.session.json");
    }

    @Test
    void aTraceThatChangedSinceTheSessionIsSaidSoAndStillOpened(FxRobot robot) throws Exception {
        Path trace = writeTrace("changing.jsonl", 21, 800);
        openAndWait(trace);
        makeWork();
        Path file = dir.resolve("changing.session.json");
        Fx.awaitDone(Fx.call(() -> sessions().save(file)));
        writeTrace("changing.jsonl", 22, 300);

        openSessionAndWait(file);

        DialogPane dialog = dialog(robot, "The trace has changed").orElseThrow(() -> new AssertionError("no dialog"));
        assertThat(dialog.getContentText()).contains("changing.jsonl has changed since the session was saved");
        assertThat(window.viewModel().statusProperty().get()).startsWith("Trace changed: Restored session");
        assertThat(window.viewModel().session().getTrace().trace().size())
                .isEqualTo(RandomTraces.generate(22, 300, 8).size());
        // Step 321 is past the shorter trace's end; what fits is restored.
        assertThat(window.viewModel().statusProperty().get()).contains("past the trace's end");
        assertThat(Fx.call(() -> List.copyOf(replay().breakpoints())))
                .contains(Breakpoint.onValue(3, Field.CACHE_STATE, 2));
    }

    @Test
    void aMalformedSessionFileIsAnErrorNamingTheLineAndChangesNothing(FxRobot robot) throws Exception {
        Path trace = writeTrace("kept.jsonl", 31, 400);
        openAndWait(trace);
        Fx.run(() -> bookmarks().addBookmarkAtCursor());
        Trace before = window.viewModel().session().getTrace().trace();
        Path bad = Files.writeString(
                dir.resolve("bad.session.json"),
                "{\n  \"format\" : \"fabricscope-session\",\n  \"version\" : 1,\n  \"trace\" : { \"path\" : 5 }\n}\n");

        openSessionAndWait(bad);

        DialogPane dialog = dialog(robot, "Cannot open session bad.session.json")
                .orElseThrow(() -> new AssertionError("no dialog"));
        assertThat(dialog.getContentText()).contains(bad + ":4:").contains("expected a string");
        assertThat(window.viewModel().session().getTrace().trace()).isSameAs(before);
        assertThat(Fx.call(() -> bookmarks().marks().size())).isEqualTo(1);
    }

    @Test
    void aSimulatedTraceIsReopenedByRunningTheSameSimulationAgain() throws Exception {
        RunRequest request = new RunRequest(Scenario.builtIn("quiet"), 3, 2, PatchSwitches.NONE);
        Task<?> run = Fx.call(() -> window.viewModel().run(request));
        Fx.awaitDone(run);
        Trace simulated = window.viewModel().session().getTrace().trace();
        Fx.run(() -> {
            window.viewModel().session().goToEvent(simulated.size() / 2);
            bookmarks().addBookmarkAtCursor();
        });
        Path file = dir.resolve("sim.session.json");
        Fx.awaitDone(Fx.call(() -> sessions().save(file)));
        assertThat(SessionReader.read(file).trace()).isInstanceOf(Session.SimulatedTrace.class);
        openAndWait(writeTrace("else.jsonl", 41, 300));

        openSessionAndWait(file);

        Trace again = window.viewModel().session().getTrace().trace();
        assertThat(again).isNotSameAs(simulated);
        assertThat(again.size()).isEqualTo(simulated.size());
        assertThat(again.header()).isEqualTo(simulated.header());
        assertThat(window.viewModel().session().getCurrentStep()).isEqualTo(simulated.size() / 2);
        assertThat(Fx.call(() -> bookmarks().marks().size())).isEqualTo(1);
    }

    @Test
    void aCutOffTraceOpensAsItsFirstCompleteEventsAfterAQuestionAndSaysSoEverywhere(FxRobot robot) throws Exception {
        Path full = writeTrace("full.jsonl", 51, 400);
        List<String> lines = Files.readAllLines(full);
        // Header, 150 complete events, and half of the next line: a recorder that crashed.
        Path cut = Files.writeString(
                dir.resolve("crashed.jsonl"),
                String.join("\n", lines.subList(0, 151)) + "\n" + lines.get(151).substring(0, 20));

        Fx.run(() -> window.viewModel().open(cut));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        DialogPane question =
                dialog(robot, "Open a partial trace?").orElseThrow(() -> new AssertionError("no question"));
        assertThat(question.getContentText())
                .startsWith("crashed.jsonl ends after 150 complete events (no end line; line 152 is cut off). "
                        + "Open the first 150 events?");
        Fx.run(() -> ((Button) question.lookupButton(ButtonType.YES)).fire());

        Fx.awaitValue(
                window.stage().titleProperty(), "crashed.jsonl (partial: first 150 events, end missing) — FabricScope");
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        assertThat(window.viewModel().session().getTrace().trace().size()).isEqualTo(150);
        assertThat(window.viewModel().statusProperty().get())
                .isEqualTo(
                        "Opened the first 150 events of crashed.jsonl; the rest of the file is missing (partial trace).");
        assertThat(robot.lookup("#traceSummary").queryAs(Label.class).getText())
                .contains("PARTIAL: FIRST 150 EVENTS, END MISSING");
        assertThat(window.viewModel().isPartial()).isTrue();
    }

    @Test
    void declinedPartialOpenKeepsThePreviousTrace(FxRobot robot) throws Exception {
        Path good = writeTrace("good.jsonl", 61, 300);
        openAndWait(good);
        Trace before = window.viewModel().session().getTrace().trace();
        List<String> lines = Files.readAllLines(good);
        Path cut = Files.writeString(dir.resolve("noend.jsonl"), String.join("\n", lines.subList(0, 41)) + "\n");

        Fx.run(() -> window.viewModel().open(cut));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        DialogPane question =
                dialog(robot, "Open a partial trace?").orElseThrow(() -> new AssertionError("no question"));
        assertThat(question.getContentText()).startsWith("noend.jsonl ends after 40 complete events (no end line).");
        Fx.run(() -> ((Button) question.lookupButton(ButtonType.NO)).fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.viewModel().session().getTrace().trace()).isSameAs(before);
        assertThat(window.viewModel().statusProperty().get())
                .startsWith("Not opened: noend.jsonl is cut off after 40 events");
        assertThat(window.stage().getTitle()).isEqualTo("good.jsonl — FabricScope");
    }

    @Test
    void aTraceOpenedAtAMomentPutsTheCursorThereAndTheLinkToItIsACommandLine() throws Exception {
        Path trace = writeTrace("moment.jsonl", 71, 900);
        Task<?> open = Fx.call(() -> window.start(List.of(trace.toString(), "--at", "456")));
        Fx.awaitDone(open);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().session().getCurrentStep()).isEqualTo(456);

        String link = Fx.call(() -> sessions().copyLinkToMoment());

        assertThat(link).endsWith(" " + trace.toAbsolutePath() + " --at 456").startsWith("java -jar ");
        assertThat(Fx.call(
                        () -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .isEqualTo(link);
    }

    private static Optional<DialogPane> dialog(FxRobot robot, String header) {
        for (Window w : robot.listWindows()) {
            if (w.getScene() != null
                    && w.getScene().getRoot() instanceof DialogPane pane
                    && header.equals(pane.getHeaderText())) {
                return Optional.of(pane);
            }
        }
        return Optional.empty();
    }

    private org.fabricscope.ui.compare.CompareViewModel compare() {
        return window.view().compareView().viewModel();
    }

    /** Legacy (A) compared with a copy of patched (B) in {@code dir}, at difference 3, differences only. */
    private Path saveWhileComparing(String name) throws Exception {
        Path a = dir.resolve("legacy.jsonl");
        Path b = dir.resolve("patched.jsonl");
        Files.copy(Path.of("sample-traces/fpre004-repro-legacy.jsonl"), a);
        Files.copy(Path.of("sample-traces/fpre004-repro-patched.jsonl"), b);
        openAndWait(a);
        Fx.run(() -> compare().compareWith(b));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        Fx.run(() -> {
            compare().goToDifference(3);
            compare().differencesOnlyProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve(name);
        Fx.awaitDone(Fx.call(() -> sessions().save(file)));
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        return file;
    }

    @Test
    void aSessionSavedWhileComparingReopensInCompareModeAtTheSavedDifference() throws Exception {
        Path file = saveWhileComparing("compare.session.json");
        int stepA = window.viewModel().session().getCurrentStep();
        int stepB = Fx.call(() -> compare().sessionB().getCurrentStep());
        int block = Fx.call(() -> compare().inspectedBlockProperty().get());
        Session saved = SessionReader.read(file);
        assertThat(saved.compare()).isNotNull();
        assertThat(saved.compare().b().sha256()).hasSize(64);
        assertThat(saved.compare().difference()).isEqualTo(3);
        // Something else: compare mode ends with another trace.
        openAndWait(writeTrace("other.jsonl", 12, 600));
        assertThat(Fx.call(() -> compare().isActive())).isFalse();

        openSessionAndWait(file);
        Fx.awaitValue(window.viewModel().busyProperty(), false);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.call(() -> compare().isActive())).isTrue();
        assertThat(Fx.call(() -> compare().fileB())).isEqualTo(dir.resolve("patched.jsonl"));
        assertThat(Fx.call(() -> compare().currentDifferenceProperty().get())).isEqualTo(3);
        assertThat(Fx.call(() -> compare().differencesOnlyProperty().get())).isTrue();
        assertThat(Fx.call(() -> eventLog().differencesOnlyProperty().get())).isTrue();
        assertThat(window.viewModel().session().getCurrentStep()).isEqualTo(stepA);
        assertThat(Fx.call(() -> compare().sessionB().getCurrentStep())).isEqualTo(stepB);
        assertThat(Fx.call(() -> compare().inspectedBlockProperty().get())).isEqualTo(block);
    }

    @Test
    void aSessionWhoseBFileIsGoneSaysSoInOneLineAndRestoresAAlone() throws Exception {
        Path file = saveWhileComparing("gone.session.json");
        Fx.run(() -> compare().close());
        Files.delete(dir.resolve("patched.jsonl"));

        openSessionAndWait(file);

        assertThat(Fx.call(() -> compare().isActive())).isFalse();
        assertThat(window.viewModel().session().getTrace().source()).isEqualTo(dir.resolve("legacy.jsonl"));
        String status = window.viewModel().statusProperty().get();
        assertThat(status)
                .startsWith("Compare mode not restored: B's trace")
                .contains("patched.jsonl no longer exists; showing A alone.");
        assertThat(status.lines()).hasSize(1);
    }

    @Test
    void aSessionWhoseBFileChangedSaysSoAndRestoresAAlone() throws Exception {
        Path file = saveWhileComparing("changed.session.json");
        Fx.run(() -> compare().close());
        Files.writeString(dir.resolve("patched.jsonl"), "\n", java.nio.file.StandardOpenOption.APPEND);

        openSessionAndWait(file);

        assertThat(Fx.call(() -> compare().isActive())).isFalse();
        assertThat(window.viewModel().statusProperty().get())
                .isEqualTo("Compare mode not restored: B's trace patched.jsonl has changed since the session was"
                        + " saved; showing A alone.");
    }
}
