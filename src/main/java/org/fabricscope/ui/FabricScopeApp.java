package org.fabricscope.ui;

import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.stage.Stage;
import org.fabricscope.trace.io.TraceCacheSettings;
import org.fabricscope.ui.files.TraceFiles;
import org.fabricscope.ui.main.MainWindow;
import org.fabricscope.ui.scenario.EmbeddedSimulation;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.CrashHandler;
import org.fabricscope.ui.support.CrashLog;

/**
 * The FabricScope window. Arguments: an optional trace file to open; without one the window
 * opens on a freshly found reproducer of the default scenario.
 */
public class FabricScopeApp extends Application {
    private ExecutorService workers;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        CrashLog log = CrashLog.defaultLog();
        CrashHandler crashes = new CrashHandler(log, () -> stage);
        crashes.installOnFxThread();
        Thread.setDefaultUncaughtExceptionHandler(crashes);
        workers = BackgroundWork.workers();
        window = MainWindow.show(
                stage,
                new MainWindow.Services(
                        TraceFiles.jsonl(TraceCacheSettings.fromOptions(System::getProperty, System.getenv())),
                        new EmbeddedSimulation(),
                        AppPreferences.forCurrentUser(),
                        log,
                        workers));
        window.start(getParameters().getRaw());
    }

    @Override
    public void stop() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    public static void main(String[] args) {
        launch(FabricScopeApp.class, args);
    }
}
