package org.fabricscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.io.TraceWriter;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The application as {@code mvn javafx:run} starts it, with no arguments. */
class FabricScopeAppTest {
    private static final Pattern FPRE004 = Pattern.compile("FPRE004 ×(\\d+)");

    @TempDir
    Path dir;

    private final TestPreferences prefs = new TestPreferences();
    private Application app;

    @BeforeEach
    void isolate() throws Exception {
        System.setProperty(AppPreferences.NODE_PROPERTY, prefs.node().absolutePath());
        System.setProperty(
                CrashLog.FILE_PROPERTY, dir.resolve("fabricscope.log").toString());
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.hideStage();
        System.clearProperty(AppPreferences.NODE_PROPERTY);
        System.clearProperty(CrashLog.FILE_PROPERTY);
        prefs.close();
    }

    @Test
    void launchingOpensTheDefaultScenariosReproducerWithFpre004InTheSummary() throws Exception {
        app = FxToolkit.setupApplication(FabricScopeApp.class);
        FxRobot robot = new FxRobot();
        Label summary = robot.lookup("#traceSummary").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> FPRE004.matcher(summary.getText()).find());

        Matcher m = FPRE004.matcher(summary.getText());
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isPositive();
        // The attempt that hits it is the simulator's business; the scenario, seed and patch are ours.
        assertThat(summary.getText())
                .startsWith("fpre004-repro · seed 1 · attempt ")
                .contains("· patch none ·");
    }

    @Test
    void aTraceFileNamedOnTheCommandLineIsOpenedInstead() throws Exception {
        Path file = dir.resolve("given.jsonl");
        TraceWriter.write(RandomTraces.generate(77, 300, 8), file);

        app = FxToolkit.setupApplication(FabricScopeApp.class, file.toString());
        FxRobot robot = new FxRobot();
        Label summary = robot.lookup("#traceSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> summary.getText().contains("seed 77"));

        assertThat(summary.getText()).startsWith("canonical · seed 77");
        assertThat(robot.listWindows())
                .anyMatch(w -> w instanceof javafx.stage.Stage s && s.getTitle().startsWith("given.jsonl"));
    }
}
