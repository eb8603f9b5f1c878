package org.fabricscope.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fabricscope.ui.testing.Fx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exception nobody caught on the FX thread: logged, shown with a copyable report, and survived. */
@ExtendWith(ApplicationExtension.class)
class CrashHandlerTest {
    @TempDir
    static Path dir;

    private Stage stage;
    private int clicks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Button button = new Button("boom");
        button.setId("boom");
        button.setOnAction(e -> {
            clicks++;
            throw new IllegalStateException("handler bug " + clicks);
        });
        stage.setScene(new Scene(new StackPane(button), 300, 200));
        stage.show();
        new CrashHandler(new CrashLog(dir.resolve("crash.log")), () -> stage).installOnFxThread();
    }

    @Test
    void anUncaughtFxExceptionIsLoggedShownWithACopyableReportAndTheAppCarriesOn(FxRobot robot) throws Exception {
        robot.clickOn("#boom");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("Show Details");
        TextArea report = robot.lookup("#errorReport").queryAs(TextArea.class);
        assertThat(report.getText())
                .contains("IllegalStateException: handler bug 1")
                .contains("at ");
        assertThat(report.isEditable()).isFalse();
        assertThat(Files.readString(dir.resolve("crash.log"))).contains("handler bug 1");
        closeDialogs(robot);

        robot.clickOn("#boom");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicks).isEqualTo(2);
        assertThat(stage.isShowing()).isTrue();
        assertThat(Files.readString(dir.resolve("crash.log"))).contains("handler bug 2");
        closeDialogs(robot);
    }

    private static void closeDialogs(FxRobot robot) throws Exception {
        Fx.run(() -> {
            for (Window w : robot.listWindows()) {
                if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                    w.hide();
                }
            }
        });
        assertThat(Platform.isFxApplicationThread()).isFalse();
    }
}
