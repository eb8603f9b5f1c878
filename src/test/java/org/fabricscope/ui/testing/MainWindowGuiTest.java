package org.fabricscope.ui.testing;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.fabricscope.ui.main.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The setup GUI tests of the main window share (Sweeps, dashboard, Explore, Shrink): a {@link
 * TestWindow} shown on headless Monocle before each test and closed after it.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class MainWindowGuiTest {
    @TempDir
    protected static Path dir;

    protected TestWindow test;
    protected MainWindow window;

    // TestFX's @Start is looked up on the test class alone, not its superclasses: show the window
    // on the stage it registered, from a JUnit @BeforeEach (which runs after the extension's).
    @BeforeEach
    protected void showWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        test = Fx.call(() -> TestWindow.show(stage, dir));
        window = test.window();
    }

    @AfterEach
    protected void closeWindow() throws Exception {
        test.close();
    }
}
