package org.fabricscope.ui.main;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.fabricscope.ui.files.RecentFiles;
import org.fabricscope.ui.files.TraceFileService;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.scenario.ScenarioActions;
import org.fabricscope.ui.scenario.ScenarioViewModel;
import org.fabricscope.ui.scenario.SimulationService;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.support.CrashLog;
import org.fabricscope.ui.support.DialogService;
import org.fabricscope.ui.support.FxDialogService;

/**
 * Builds the main window on a stage: the session, view models and views, wired to the given
 * services, with the window's remembered bounds. The application and the GUI tests both come
 * through here, so the tests exercise the same wiring the user gets.
 */
public final class MainWindow {
    private static final String STYLESHEET = "/styles/app.css";

    /**
     * System property that sets the window's size for this run, e.g. {@code
     * -Dfabricscope.windowSize=1024x700}, instead of the remembered one (to check the layout at a
     * small size, or for screenshots). Documented in the README.
     */
    public static final String WINDOW_SIZE_PROPERTY = "fabricscope.windowSize";

    private final Stage stage;
    private final AppPreferences preferences;
    private final MainViewModel viewModel;
    private final ScenarioViewModel scenarioViewModel;
    private final MainView view;
    /** Set by {@value #WINDOW_SIZE_PROPERTY}: the size is for this run only and is not remembered. */
    private boolean sizeForThisRun;

    /**
     * What the window works with.
     *
     * @param files how trace files are read and written
     * @param simulation the simulator
     * @param preferences where bounds, splits and recent files are remembered
     * @param crashLog where unexpected errors are logged
     * @param executor runs background work
     */
    public record Services(
            TraceFileService files,
            SimulationService simulation,
            AppPreferences preferences,
            CrashLog crashLog,
            Executor executor) {
        public Services {
            Objects.requireNonNull(files);
            Objects.requireNonNull(simulation);
            Objects.requireNonNull(preferences);
            Objects.requireNonNull(crashLog);
            Objects.requireNonNull(executor);
        }
    }

    private MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.preferences = services.preferences();
        DialogService dialogs = new FxDialogService(() -> stage);
        TraceSession session = new TraceSession();
        viewModel = new MainViewModel(
                session,
                services.files(),
                services.simulation(),
                new RecentFiles(preferences),
                dialogs,
                services.crashLog(),
                services.executor());
        scenarioViewModel = new ScenarioViewModel(session, actions(viewModel), dialogs, services.executor());
        view = new MainView(viewModel, scenarioViewModel, preferences);
    }

    /** Builds the window on {@code stage} and shows it. Call on the FX thread. */
    public static MainWindow show(Stage stage, Services services) {
        MainWindow w = new MainWindow(stage, services);
        w.showOnStage();
        return w;
    }

    private void showOnStage() {
        var bounds = preferences.windowBounds();
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET))
                        .toExternalForm());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.windowTitleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        bounds.ifPresent(b -> {
            // Window size, decorations included, as it was saved.
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            // Only where a screen still is: the monitor it was on may be gone.
            if (!Double.isNaN(b.x())
                    && !Double.isNaN(b.y())
                    && !Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 100), 40)
                            .isEmpty()) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
            stage.setMaximized(b.maximized());
        });
        windowSize(System.getProperty(WINDOW_SIZE_PROPERTY)).ifPresent(size -> {
            sizeForThisRun = true;
            stage.setMaximized(false);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        });
        stage.setOnHiding(e -> saveState());
        stage.show();
        // The split panes laid out at the scene's first size; restore the positions at the real one.
        view.restoreLayout();
    }

    /**
     * Reads {@code WIDTHxHEIGHT} (e.g. {@code 1024x700}); empty when {@code text} is null. A value
     * that is not a size, or below the window's minimum of 800x500, is ignored with a one-line
     * note on standard error.
     */
    static java.util.Optional<double[]> windowSize(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{3,5})\\s*[xX×]\\s*(\\d{3,5})\\s*")
                .matcher(text);
        if (m.matches()) {
            double w = Double.parseDouble(m.group(1));
            double h = Double.parseDouble(m.group(2));
            if (w >= 800 && h >= 500) {
                return java.util.Optional.of(new double[] {w, h});
            }
        }
        System.err.println("fabricscope: -D" + WINDOW_SIZE_PROPERTY + "=" + text
                + " is not a window size of at least 800x500 (e.g. 1024x700); the remembered size is used.");
        return java.util.Optional.empty();
    }

    /**
     * What the window does first: open the trace named by {@code args[0]} if given, else find
     * and open the default scenario's reproducer.
     */
    public Task<?> start(List<String> args) {
        if (!args.isEmpty()) {
            org.fabricscope.LaunchArguments launch;
            try {
                launch = org.fabricscope.LaunchArguments.parse(args);
            } catch (IllegalArgumentException e) {
                // The launcher refuses these before the window; a test or another caller may not.
                viewModel.report(e.getMessage());
                return null;
            }
            if (launch.at() == null
                    && String.valueOf(launch.trace().getFileName())
                            .endsWith(org.fabricscope.ui.workspace.SessionViewModel.EXTENSION)) {
                return view.sessions().open(launch.trace());
            }
            if (launch.at() == null) {
                return viewModel.open(launch.trace());
            }
            return viewModel.open(launch.trace(), loaded -> view.sessions().goToMoment(launch.at()));
        }
        return viewModel.findDefaultReproducer();
    }

    /** Remembers bounds, splits and recent files for the next run. */
    public void saveState() {
        if (sizeForThisRun) {
            view.saveLayout();
            preferences.flush();
            return;
        }
        if (stage.isMaximized()) {
            var old = preferences.windowBounds();
            preferences.setWindowBounds(new AppPreferences.WindowBounds(
                    old.map(b -> b.x()).orElse(Double.NaN),
                    old.map(b -> b.y()).orElse(Double.NaN),
                    old.map(b -> b.width()).orElse(stage.getWidth()),
                    old.map(b -> b.height()).orElse(stage.getHeight()),
                    true));
        } else {
            preferences.setWindowBounds(new AppPreferences.WindowBounds(
                    stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        }
        view.saveLayout();
        preferences.flush();
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public ScenarioViewModel scenarioViewModel() {
        return scenarioViewModel;
    }

    public MainView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    private static ScenarioActions actions(MainViewModel vm) {
        return new ScenarioActions() {
            @Override
            public ReadOnlyBooleanProperty busyProperty() {
                return vm.busyProperty();
            }

            @Override
            public void run(RunRequest request) {
                vm.run(request);
            }

            @Override
            public void findReproducer(RunRequest request, int maxAttempts) {
                vm.findReproducer(request, maxAttempts);
            }
        };
    }
}
