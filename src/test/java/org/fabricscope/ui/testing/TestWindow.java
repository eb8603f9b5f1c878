package org.fabricscope.ui.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainView;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashLog;

/**
 * The real main window for a GUI test: real trace files, the embedded simulator, test preferences,
 * a crash log in the test's folder and daemon workers. Show it from the test's {@code @Start} (or
 * extend {@link MainWindowGuiTest}), {@link #close} it after each test.
 */
public final class TestWindow implements AutoCloseable {
    private final TestPreferences prefs = new TestPreferences();
    private final ExecutorService workers = BackgroundWork.workers();
    private final MainWindow window;

    private TestWindow(Stage stage, Path dir) {
        window = MainWindow.show(
                stage,
                new MainWindow.Services(
                        TraceFiles.jsonl(),
                        new EmbeddedSimulation(),
                        prefs.preferences(),
                        new CrashLog(dir.resolve("fabricscope.log")),
                        workers));
    }

    /** Shows the main window on {@code stage} (on the FX thread), its crash log in {@code dir}. */
    public static TestWindow show(Stage stage, Path dir) {
        return new TestWindow(stage, dir);
    }

    public MainWindow window() {
        return window;
    }

    /**
     * Sets the scenario panel's seed, then makes and shows the tool window {@code view} gives (e.g.
     * {@code MainView::sweeps}); returns its view.
     */
    public <V extends Parent> V showTool(String seed, Function<MainView, V> view) throws Exception {
        return Fx.call(() -> {
            window.scenarioViewModel().seedProperty().set(seed);
            V v = view.apply(window.view());
            ((Stage) v.getScene().getWindow()).show();
            return v;
        });
    }

    /**
     * Hides the window and every other one (tool windows, dialogs), stops the workers and drops the
     * test preferences.
     */
    @Override
    public void close() throws Exception {
        Fx.run(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage()) {
                    w.hide();
                }
            }
            window.stage().hide();
            // The primary stage is shared with the next test classes: their hiding must not save
            // into this test's preferences, which are gone by then.
            window.stage().setOnHiding(null);
        });
        workers.shutdownNow();
        prefs.close();
    }
}
