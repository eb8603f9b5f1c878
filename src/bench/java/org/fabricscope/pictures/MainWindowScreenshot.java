package org.fabricscope.pictures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.fabricscope.ui.FabricScopeApp;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.testing.TestPreferences;
import org.fabricscope.ui.timeline.PngWriter;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the README's screenshot: the application as a newcomer first sees it (the default
 * scenario's reproducer, found on launch), after one press of F (the cursor on the FPRE004, the
 * Explainer in front), drawn on headless Monocle at a fixed window size with fresh preferences, so
 * that the picture depends on the code only. {@code ./mvnw -Pscreenshot process-test-classes}
 * writes docs/images/main-window.png; an argument names another file.
 */
public final class MainWindowScreenshot {
    /** The window size of the picture: a common laptop screen. */
    static final String SIZE = "1440x900";

    private MainWindowScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images/main-window.png");
        Path scratch = Files.createTempDirectory("fabricscope-screenshot");
        int code = 1;
        try (TestPreferences prefs = new TestPreferences()) {
            Application app = startOnTheReproducer(prefs, scratch);
            FxRobot robot = new FxRobot();
            Window window = robot.listTargetWindows().get(0);
            // Esc leaves a text field for the timeline; F runs to the FPRE004. The mouse stays
            // off the window, so no hover box covers the picture.
            robot.targetWindow(window).type(KeyCode.ESCAPE).type(KeyCode.F);
            WaitForAsyncUtils.waitForFxEvents(20);
            write(window, out);
            FxToolkit.cleanupApplication(app);
            code = 0;
        } finally {
            System.exit(code);
        }
    }

    /**
     * Starts the application as a user would, at the picture's window size, with {@code prefs} for
     * preferences and its crash log in {@code scratch}, and waits until the default scenario's
     * reproducer is found (the summary shows its FPRE004).
     */
    static Application startOnTheReproducer(TestPreferences prefs, Path scratch) throws Exception {
        // The user's remembered window, recent files and crash log stay out of the picture.
        System.setProperty(AppPreferences.NODE_PROPERTY, prefs.node().absolutePath());
        System.setProperty(
                CrashLog.FILE_PROPERTY, scratch.resolve("fabricscope.log").toString());
        System.setProperty(MainWindow.WINDOW_SIZE_PROPERTY, SIZE);
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(FabricScopeApp.class);
        Label summary = new FxRobot().lookup("#traceSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> summary.getText().contains("FPRE004 ×"));
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Writes {@code window}'s scene to {@code out} as PNG and says so on stdout. */
    static void write(Window window, Path out) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null))
                .get(60, TimeUnit.SECONDS);
        Files.createDirectories(out.toAbsolutePath().getParent());
        PngWriter.write(image, out);
        System.out.println(
                "wrote " + out.toAbsolutePath() + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }
}
