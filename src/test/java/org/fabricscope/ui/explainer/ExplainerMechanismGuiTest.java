package org.fabricscope.ui.explainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explainer, as a user reads it, on a simulated torn read and a simulated stored inconsistency. */
@ExtendWith(ApplicationExtension.class)
class ExplainerMechanismGuiTest {
    private final TraceSession session = new TraceSession();
    private ExplainerView explainer;
    private final AtomicInteger focused = new AtomicInteger(-1);

    @Start
    void start(Stage stage) {
        explainer = new ExplainerView(session, new ExplainerViewModel(session, (h, txn, block, patch, progress) -> {
            throw new UnsupportedOperationException();
        }));
        explainer.setOnFocus(focused::set);
        stage.setScene(new Scene(explainer, 420, 800));
        stage.show();
    }

    private static LoadedTrace simulate(String set, int attempt) throws Exception {
        Scenario s = Scenario.builtIn("fpre004-repro");
        if (set != null) {
            String[] kv = set.split("=", 2);
            s = s.with(kv[0], kv[1]);
        }
        Trace t = Simulator.run(s, 1, attempt, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        return new LoadedTrace(null, t, TraceIndex.build(t, Progress.NONE));
    }

    private void openAt(LoadedTrace loaded, int step) {
        WaitForAsyncUtils.asyncFx(() -> {
            session.open(loaded);
            session.goToEvent(step);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void aTornReadIsHeadlinedAsSuchAndItsStoryNamesTheWriteBetweenTheReads(FxRobot robot) throws Exception {
        openAt(simulate("ackJitterMicrosMax=0", 27), 6280);

        Label mechanism = robot.lookup("#explainer-mechanism").queryAs(Label.class);
        assertThat(mechanism.getText()).startsWith("Torn read: write 9 began between");
        assertThat(mechanism.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("torn"));
        assertThat(text(robot, "#explainer-summary"))
                .contains("never at the same time", "82.784 ms")
                .doesNotContain("marked ready while a write was still pending");
        List<String> story = linkTexts(robot, "#explainer-story");
        assertThat(story).anySatisfy(s -> assertThat(s).startsWith("#6275").contains("Between the two reads"));
        assertThat(text(robot, "#explainer-patched")).contains("lastWritePending first", "false");
    }

    @Test
    void aStoredInconsistencyIsHeadlinedAsSuchAndItsStoryNamesThePrefetchDuringTheLock(FxRobot robot) throws Exception {
        LoadedTrace loaded = simulate(null, 6);
        int fpre = Fpre004Explanation.fpre004Seqs(loaded.index()).get(0);
        openAt(loaded, fpre);

        Label mechanism = robot.lookup("#explainer-mechanism").queryAs(Label.class);
        assertThat(mechanism.getText())
                .startsWith("Stored inconsistency: the cache buffer was marked READY while write");
        assertThat(mechanism.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("stored"));
        assertThat(linkTexts(robot, "#explainer-story"))
                .anySatisfy(s -> assertThat(s).contains("PREFETCH_READY", "still held the lock"))
                .anySatisfy(s -> assertThat(s).contains("took the block's lock"))
                .anySatisfy(s -> assertThat(s).contains("compaction@", "asked prefetch@", "to refill it"));
        assertThat(text(robot, "#explainer-patched")).contains("waited for the write to complete");
    }

    @Test
    void theDefinitionOfFpre004AndEachSwitchAreShownAndShorthandIsExplainedOnHover(FxRobot robot) throws Exception {
        openAt(simulate("ackJitterMicrosMax=0", 27), 6280);

        assertThat(text(robot, "#explainer-definition")).contains("ECC/checksum mismatch");
        VBox switches = robot.lookup("#explainer-switches").queryAs(VBox.class);
        assertThat(switches.getChildren()).hasSize(3);
        Label heading = robot.lookup("#explainer-heading").queryAs(Label.class);
        assertThat(heading.getTooltip().getText())
                .contains(
                        "step 6280 of the trace",
                        "txn 309: the client's read",
                        "verifier@n1: the verifier actor on node n1");
        Hyperlink tear = robot.lookup("#explainer-story").queryAs(VBox.class).getChildren().stream()
                .filter(n -> n instanceof Hyperlink h && h.getText().startsWith("#6275"))
                .map(Hyperlink.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(tear.getTooltip().getText()).contains("write 9: the client write with id 9");
        assertThat(tear.isWrapText()).isTrue();
    }

    @Test
    void longLinesWrapInsteadOfBeingCutShort(FxRobot robot) throws Exception {
        openAt(simulate("ackJitterMicrosMax=0", 27), 6280);

        for (Node n : robot.lookup("#explainer-story").queryAs(VBox.class).getChildren()) {
            Labeled l = (Labeled) n;
            assertThat(l.isWrapText()).isTrue();
            assertThat(l.getHeight()).as(l.getText()).isGreaterThan(l.getFont().getSize() * 1.5); // two lines or more
        }
    }

    @Test
    void focusButtonAsksTheShellToFocusOnTheExplainedFpre004(FxRobot robot) throws Exception {
        openAt(simulate("ackJitterMicrosMax=0", 27), 6280);

        robot.clickOn(robot.lookup("#explainer-focus").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(focused.get()).isEqualTo(6280);
    }

    @Test
    void onATraceWithoutFpre004ThePanelSaysSoAndWhatToTry(FxRobot robot) throws Exception {
        Trace t = Simulator.run(Scenario.builtIn("fpre004-repro"), 1, 6, PatchSwitches.ALL, true, Progress.NONE)
                .trace();
        openAt(new LoadedTrace(null, t, TraceIndex.build(t, Progress.NONE)), 0);

        assertThat(text(robot, "#explainer-heading")).contains("This trace has no FPRE004", "Find reproducer");
    }

    private static List<String> linkTexts(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText())
                .toList();
    }
}
