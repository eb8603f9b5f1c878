package org.fabricscope.ui.main;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;
import org.fabricscope.sim.Simulator;
import org.fabricscope.ui.compare.CompareView;
import org.fabricscope.ui.compare.CompareViewModel;
import org.fabricscope.ui.eventlog.EventLogView;
import org.fabricscope.ui.explainer.ExplainerView;
import org.fabricscope.ui.files.DroppedFiles;
import org.fabricscope.ui.inspector.InspectorView;
import org.fabricscope.ui.replay.ReplayControlsView;
import org.fabricscope.ui.scenario.ScenarioView;
import org.fabricscope.ui.scenario.ScenarioViewModel;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.AppPreferences;
import org.fabricscope.ui.timeline.TimelineControl;
import org.fabricscope.ui.workspace.BookmarksView;
import org.fabricscope.ui.workspace.BookmarksViewModel;
import org.fabricscope.ui.workspace.SessionViewModel;
import org.fabricscope.ui.workspace.TimelinePort;

/**
 * The main window's content (layout in {@code fxml/main.fxml}): menus, toolbar, the scenario
 * panel, the timeline above the event log, the inspector and explainer tabs, and the status bar.
 * It composes the feature views around the one {@link TraceSession}, binds to {@link
 * MainViewModel} and delegates every command to it.
 */
public final class MainView extends BorderPane {
    static final PseudoClass HAS_FPRE004 = PseudoClass.getPseudoClass("fpre004");

    /** Shortcuts that are not menu accelerators, for Help ▸ Keys. */
    private static final KeyCombination RUN_ALTERNATIVE = new KeyCodeCombination(KeyCode.F5);
    /** Focus on the FPRE004 at the cursor; again: back to the full view. */
    private static final KeyCombination FOCUS_FPRE004 = new KeyCodeCombination(KeyCode.Z);

    private final MainViewModel viewModel;
    private final ScenarioViewModel scenarioViewModel;
    private final AppPreferences preferences;

    private final TimelineControl timeline;
    private final ReplayControlsView replayControls;
    private final InspectorView inspector;
    private final ExplainerView explainer;
    private final EventLogView eventLog;
    private final CompareView compare;
    private final org.fabricscope.ui.shrink.ShrinkViewModel shrink;
    private final ScenarioView scenarioView;
    private SideWidths sideWidths;
    private final BookmarksView bookmarks;
    private final SessionViewModel sessions;

    @FXML
    private MenuBar menuBar;

    @FXML
    private Menu recentMenu;

    @FXML
    private MenuItem saveItem;

    @FXML
    private MenuItem exportItem;

    @FXML
    private MenuItem runItem;

    @FXML
    private MenuItem findItem;

    @FXML
    private MenuItem shrinkItem;

    @FXML
    private MenuItem cancelItem;

    @FXML
    private MenuItem openItem;

    @FXML
    private HBox toolbarRow;

    @FXML
    private Button openButton;

    @FXML
    private Button runButton;

    @FXML
    private Button findButton;

    @FXML
    private SplitPane mainSplit;

    @FXML
    private SplitPane centreSplit;

    @FXML
    private StackPane scenarioHost;

    @FXML
    private StackPane timelineHost;

    @FXML
    private StackPane eventLogHost;

    @FXML
    private TabPane sideTabs;

    @FXML
    private Tab inspectorTab;

    @FXML
    private Tab explainerTab;

    @FXML
    private Tab bookmarksTab;

    @FXML
    private MenuItem saveSessionItem;

    @FXML
    private MenuItem addBookmarkItem;

    @FXML
    private MenuItem addNoteItem;

    @FXML
    private MenuItem addRangeNoteItem;

    @FXML
    private MenuItem copyMomentItem;

    @FXML
    private StatusBar statusBar;

    @FXML
    private Label summaryLabel;

    @FXML
    private Button cancelButton;

    public MainView(MainViewModel viewModel, ScenarioViewModel scenarioViewModel, AppPreferences preferences) {
        this.viewModel = viewModel;
        this.scenarioViewModel = scenarioViewModel;
        this.preferences = preferences;
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/fxml/main.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("fxml/main.fxml is missing from the build", e);
        }
        setId("mainView");
        TraceSession session = viewModel.session();
        timeline = new TimelineControl(session);
        replayControls = new ReplayControlsView(session);
        inspector = new InspectorView(session);
        explainer = new ExplainerView(session);
        shrink = new org.fabricscope.ui.shrink.ShrinkViewModel(
                session, shrinkWindow(), viewModel.dialogs(), viewModel.busyProperty());
        eventLog = new EventLogView(session);
        compare = new CompareView(new CompareViewModel(session));
        compare.viewModel()
                .setServices(
                        viewModel::background,
                        (title, text) -> viewModel.dialogs().showError(title, text));
        compare.viewModel().messageProperty().addListener((obs, old, now) -> viewModel.report(now));
        scenarioView = new ScenarioView(
                scenarioViewModel,
                this::chooserDirectory,
                runItem.getAccelerator().getDisplayText(),
                findItem.getAccelerator().getDisplayText());
        // Bookmarks, notes and sessions: their view models see the others' state through these.
        TimelinePort timelinePort = TimelinePort.of(timeline);
        BookmarksViewModel bookmarksViewModel = new BookmarksViewModel(session, timelinePort, viewModel.dialogs());
        bookmarks = new BookmarksView(bookmarksViewModel);
        sessions = new SessionViewModel(
                viewModel,
                eventLog.viewModel(),
                replayControls.viewModel(),
                bookmarksViewModel,
                timelinePort,
                viewModel.dialogs(),
                text -> {
                    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                    content.putString(text);
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                });
        sessions.setCompare(comparePort(compare.viewModel()));
        bookmarksTab.setContent(bookmarks);
        compose();
        bindMenus();
        bindStatus();
        enableDragAndDrop();
        restoreLayout();
    }

    /** Compare mode as sessions see it: saved with them, compared again when they open. */
    private static org.fabricscope.ui.workspace.ComparePort comparePort(org.fabricscope.ui.compare.CompareViewModel c) {
        return new org.fabricscope.ui.workspace.ComparePort() {
            @Override
            public State state() {
                return !c.isActive()
                        ? null
                        : new State(
                                c.fileB(),
                                c.currentDifferenceProperty().get(),
                                c.differencesOnlyProperty().get(),
                                c.inspectedBlockProperty().get());
            }

            @Override
            public void restore(State s, int stepA, java.util.function.Consumer<String> failed) {
                c.restore(s.fileB(), s.difference(), s.differencesOnly(), stepA, s.inspectedBlock(), failed);
            }
        };
    }

    private void compose() {
        scenarioHost.getChildren().add(scenarioView);
        // The legend is always under the timeline (collapsible), so colours need no README.
        javafx.scene.Node legend = timeline.legendNode();
        javafx.scene.layout.VBox timelineAndLegend = new javafx.scene.layout.VBox(timeline, legend);
        javafx.scene.layout.VBox.setVgrow(timeline, Priority.ALWAYS);
        timelineHost.getChildren().add(timelineAndLegend);
        // Compare mode: the timeline's lanes split (A above B), its legend line under it, and the Compare tab.
        timelineAndLegend.getChildren().add(1, compare.timelinePane());
        compare.attach(timeline);
        sideTabs.getTabs().add(compare.tab());
        compare.viewModel().diffProperty().addListener((obs, was, now) -> {
            if (now != null) {
                sideTabs.getSelectionModel().select(compare.tab());
            }
        });
        explainer.setOnCompare((trace, name) -> compare.viewModel().compareWith(trace, name));
        compare.attachEventLog(eventLog.table(), viewModel.dialogs()::askText);
        compare.attachTimelineMenu(timeline, viewModel.dialogs()::askText);
        compare.colourEventLog(eventLog);
        timeline.viewModel().messageProperty().addListener((obs, old, now) -> viewModel.report(now));
        eventLogHost.getChildren().add(eventLog);
        inspectorTab.setContent(inspector);
        explainerTab.setContent(explainer);
        explainer.setOnFocus(seq -> timeline.viewModel().focusOnFpre004(seq));
        shrinkItem.disableProperty().bind(shrink.canShrinkProperty().not());
        explainer.setOnShrink(shrink::shrink, shrink.canShrinkProperty());
        explainer.setOnExplore(this::exploreOpenTrace);
        // Opening the Explainer with nothing to explain says why in the status bar too.
        sideTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == explainerTab
                    && explainer.viewModel().explanationProperty().get() == null) {
                viewModel.report(explainer.viewModel().placeholderProperty().get());
            }
        });
        HBox.setHgrow(replayControls, Priority.ALWAYS);
        toolbarRow.getChildren().add(replayControls);
        // Side panes keep a usable width and come back to it when the window grows again.
        sideWidths = new SideWidths(mainSplit, scenarioHost, centreSplit, sideTabs, 196, 300, 240);
        explainer.activeProperty().addListener((obs, was, active) -> {
            if (active) {
                sideTabs.getSelectionModel().select(explainerTab);
            }
        });
    }

    private void bindMenus() {
        saveItem.disableProperty().bind(viewModel.canSaveProperty().not());
        exportItem.disableProperty().bind(viewModel.canSaveProperty().not());
        runItem.disableProperty().bind(scenarioViewModel.canRunProperty().not());
        findItem.disableProperty().bind(scenarioViewModel.canRunProperty().not());
        runButton.disableProperty().bind(scenarioViewModel.canRunProperty().not());
        findButton.disableProperty().bind(scenarioViewModel.canRunProperty().not());
        cancelItem.disableProperty().bind(viewModel.busyProperty().not());
        saveSessionItem.disableProperty().bind(viewModel.canSaveProperty().not());
        for (MenuItem item : List.of(addBookmarkItem, addNoteItem, addRangeNoteItem, copyMomentItem)) {
            item.disableProperty().bind(viewModel.session().traceProperty().isNull());
        }
        openButton.setTooltip(new Tooltip("Open a trace file (" + shortcut(openItem) + ")"));
        runButton.setTooltip(new Tooltip("Simulate the scenario panel's attempt and open its trace ("
                + shortcut(runItem) + " or " + RUN_ALTERNATIVE.getDisplayText() + ")"));
        findButton.setTooltip(
                new Tooltip("Search attempts until FPRE004 occurs and open that attempt (" + shortcut(findItem) + ")"));
        cancelButton.setTooltip(
                new Tooltip("Stop the running work; the open trace stays (" + shortcut(cancelItem) + " or Esc)"));
        rebuildRecentMenu();
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
    }

    private void rebuildRecentMenu() {
        List<MenuItem> items = new ArrayList<>();
        int n = 1;
        for (Path p : viewModel.recentFiles()) {
            // Numbers 1–9 and 0 act as mnemonics, as in most editors' recent lists.
            String prefix = n <= 10 ? "_" + (n % 10) + "  " : "";
            MenuItem item = new MenuItem(prefix + p.getFileName() + "  —  " + p.getParent());
            item.setOnAction(e -> viewModel.open(p));
            items.add(item);
            n++;
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(no recent files)");
            none.setDisable(true);
            items.add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Recent Files");
            clear.setOnAction(e -> viewModel.clearRecentFiles());
            items.add(new SeparatorMenuItem());
            items.add(clear);
        }
        recentMenu.getItems().setAll(items);
    }

    /** "Reading x.jsonl… 42 %", or the text alone while the amount of work is unknown. */
    static String withPercent(String activity, double progress) {
        if (!(progress >= 0) || progress > 1) {
            return activity;
        }
        return activity + " " + (int) Math.floor(progress * 100) + " %";
    }

    private void bindStatus() {
        // While busy: what is being done and how far, in words as well as on the bar.
        statusBar
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.busyProperty().get()
                                ? withPercent(
                                        viewModel.activityProperty().get(),
                                        viewModel.progressProperty().get())
                                : viewModel.statusProperty().get(),
                        viewModel.busyProperty(),
                        viewModel.activityProperty(),
                        viewModel.progressProperty(),
                        viewModel.statusProperty()));
        statusBar.progressProperty().bind(viewModel.progressProperty());
        cancelButton.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.managedProperty().bind(viewModel.busyProperty());
        // The replay's messages (why F did nothing, which breakpoint stopped it) go to the status bar.
        replayControls.viewModel().messageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                viewModel.showStatus(now);
            }
        });
        summaryLabel.setId("traceSummary");
        // The status text may be cut short; the summary of what is open must not be.
        summaryLabel.setMinWidth(Region.USE_PREF_SIZE);
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        summaryLabel.setTooltip(new Tooltip("The open trace: scenario, seed, attempt, patch, events and FPRE004s"));
        viewModel
                .fpre004CountProperty()
                .addListener((obs, o, n) -> summaryLabel.pseudoClassStateChanged(HAS_FPRE004, n.intValue() > 0));
        summaryLabel.pseudoClassStateChanged(
                HAS_FPRE004, viewModel.fpre004CountProperty().get() > 0);
    }

    private void enableDragAndDrop() {
        PseudoClass dropTarget = PseudoClass.getPseudoClass("drop-target");
        setOnDragEntered(e -> pseudoClassStateChanged(
                dropTarget,
                e.getDragboard().hasFiles()
                        && DroppedFiles.acceptable(e.getDragboard().getFiles())));
        setOnDragExited(e -> pseudoClassStateChanged(dropTarget, false));
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()
                    && DroppedFiles.acceptable(e.getDragboard().getFiles())) {
                // LINK (the platform's link modifier, e.g. Ctrl+Shift or Alt) compares instead of opening.
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                var file = DroppedFiles.pick(e.getDragboard().getFiles());
                if (e.getTransferMode() == TransferMode.LINK
                        && viewModel.session().getTrace() != null) {
                    file.map(File::toPath).ifPresent(compare.viewModel()::compareWith);
                } else {
                    file.map(File::toPath).ifPresent(viewModel::open);
                }
                done = file.isPresent();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Installs the window-wide shortcuts, including the replay controls'. */
    public void installShortcuts(Scene scene) {
        replayControls.installShortcuts(scene);
        scene.getAccelerators().put(RUN_ALTERNATIVE, scenarioViewModel::run);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // A single letter: never while typing in a text field.
            if (FOCUS_FPRE004.match(e) && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                timeline.viewModel().toggleFocus();
                e.consume();
            }
            if (e.getCode() == KeyCode.D
                    && !e.isShortcutDown()
                    && !e.isAltDown()
                    && compare.viewModel().isActive()
                    && !isTextInput(scene.getFocusOwner())) {
                if (e.isShiftDown()) {
                    compare.viewModel().previousDifference();
                } else {
                    compare.viewModel().nextDifference();
                }
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
                return;
            }
            // Esc in a text field (filters, go to, scenario fields) hands the keys back to the
            // timeline, so that single-key shortcuts work again; elsewhere it cancels running work.
            if (isTextInput(scene.getFocusOwner())) {
                timeline.requestFocus();
                e.consume();
            } else if (viewModel.busyProperty().get()) {
                viewModel.cancel();
                e.consume();
            }
        });
    }

    /** A text field, text area, or the editor of an editable combo box (where keys are typed). */
    static boolean isTextInput(javafx.scene.Node node) {
        return node instanceof javafx.scene.control.TextInputControl
                || node instanceof javafx.scene.control.ComboBoxBase<?> box && box.isEditable();
    }

    /** Every shortcut of the window, each "KEY — action", for Help ▸ Keys. */
    public List<String> shortcutDescriptions() {
        List<String> out = new ArrayList<>();
        for (Menu menu : menuBar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    out.add(item.getAccelerator().getDisplayText() + " — "
                            + menu.getText().replace("_", "") + " ▸ "
                            + item.getText().replace("_", ""));
                }
            }
        }
        out.add(RUN_ALTERNATIVE.getDisplayText() + " — Simulate ▸ Run");
        out.add(
                "Esc — In a text field: leave it for the timeline (keys step again); elsewhere: cancel the running work");
        out.add(FOCUS_FPRE004.getDisplayText()
                + " — Focus the timeline on the FPRE004 at the cursor; again: full view");
        out.add("D / Shift+D — Compare mode: next / previous difference");
        out.addAll(replayControls.shortcutDescriptions());
        return out;
    }

    /** Saves the split positions to the preferences. */
    public void saveLayout() {
        preferences.setDividers("main", mainSplit.getDividerPositions());
        preferences.setDividers("centre", centreSplit.getDividerPositions());
    }

    /** Applies the remembered split positions (again, once the window has its final size). */
    void restoreLayout() {
        double[] main = preferences.dividers("main");
        double[] mainPositions = main.length == 2 ? main : new double[] {0.26, 0.74};
        mainSplit.setDividerPositions(mainPositions);
        // The split spans the window; before the first layout at the window's real size its own width is stale.
        double width = getScene() != null ? getScene().getWidth() : mainSplit.getWidth();
        sideWidths.want(mainPositions, width);
        sideWidths.apply();
        double[] centre = preferences.dividers("centre");
        centreSplit.setDividerPositions(centre.length == 1 ? centre : new double[] {0.62});
    }

    private Path chooserDirectory() {
        Path file = viewModel.currentFileProperty().get();
        return file == null ? null : file.getParent();
    }

    private static String shortcut(MenuItem item) {
        return item.getAccelerator() == null ? "" : item.getAccelerator().getDisplayText();
    }

    public TimelineControl timeline() {
        return timeline;
    }

    /** Save/Open Session, links to moments and {@code --at}. */
    public SessionViewModel sessions() {
        return sessions;
    }

    /** The Bookmarks tab. */
    public BookmarksView bookmarks() {
        return bookmarks;
    }

    @FXML
    private void openSession() {
        sessions.openWithChooser();
    }

    @FXML
    private void saveSession() {
        sessions.saveWithChooser();
    }

    @FXML
    private void addBookmark() {
        if (bookmarks.viewModel().addBookmarkAtCursor() != null) {
            sideTabs.getSelectionModel().select(bookmarksTab);
        }
    }

    @FXML
    private void addNote() {
        if (bookmarks.viewModel().addNoteAtCursor() != null) {
            sideTabs.getSelectionModel().select(bookmarksTab);
        }
    }

    @FXML
    private void addRangeNote() {
        if (bookmarks.viewModel().addNoteOnVisibleRange() != null) {
            sideTabs.getSelectionModel().select(bookmarksTab);
        }
    }

    @FXML
    private void copyMomentLink() {
        sessions.copyLinkToMoment();
    }

    // ---- menu actions: thin, they delegate

    // ---- tool windows: the incident dashboard (and the Sweeps view)

    private final org.fabricscope.ui.support.LazyToolWindow<org.fabricscope.ui.dashboard.DashboardView>
            dashboardWindow = new org.fabricscope.ui.support.LazyToolWindow<>(
                    () -> getScene().getWindow(),
                    "Incident dashboard — FabricScope",
                    "dashboard.css",
                    1400,
                    820,
                    this::makeDashboard);

    /** The incident dashboard's window (made on first use). */
    public org.fabricscope.ui.dashboard.DashboardView dashboard() {
        return dashboardWindow.view();
    }

    private org.fabricscope.ui.dashboard.DashboardView makeDashboard() {
        return new org.fabricscope.ui.dashboard.DashboardView(
                new org.fabricscope.ui.dashboard.DashboardViewModel(
                        scenarioViewModel::request,
                        this::openAtEvent,
                        viewModel.executor(),
                        Runtime.getRuntime().availableProcessors()),
                () -> scenarioViewModel
                        .request()
                        .map(r -> "Scenario " + r.scenario().name() + ", seed " + r.seed())
                        .orElse("Scenario panel: invalid"));
    }

    @FXML
    private void showDashboard() {
        dashboardWindow.show();
    }

    private final org.fabricscope.ui.support.LazyToolWindow<org.fabricscope.ui.sweeps.SweepsView> sweepsWindow =
            new org.fabricscope.ui.support.LazyToolWindow<>(
                    () -> getScene().getWindow(), "Sweeps — FabricScope", "sweeps.css", 1280, 860, this::makeSweeps);

    /** The Sweeps view's window (made on first use). */
    public org.fabricscope.ui.sweeps.SweepsView sweeps() {
        return sweepsWindow.view();
    }

    private org.fabricscope.ui.sweeps.SweepsView makeSweeps() {
        int threads = Runtime.getRuntime().availableProcessors();
        return new org.fabricscope.ui.sweeps.SweepsView(
                new org.fabricscope.ui.sweeps.SweepsViewModel(
                        scenarioViewModel::request,
                        this::openAtEvent,
                        viewModel.dialogs(),
                        viewModel.executor(),
                        new org.fabricscope.ui.sweeps.SweepRunner(threads),
                        threads),
                this::chooserDirectory);
    }

    @FXML
    private void showSweeps() {
        sweepsWindow.show();
    }

    private final org.fabricscope.ui.support.LazyToolWindow<org.fabricscope.ui.explore.ExploreView> exploreWindow =
            new org.fabricscope.ui.support.LazyToolWindow<>(
                    () -> getScene().getWindow(),
                    "Explore interleavings — FabricScope",
                    "explore.css",
                    1000,
                    720,
                    this::makeExplore);

    /** The Explore panel's window (made on first use). */
    public org.fabricscope.ui.explore.ExploreView explore() {
        return exploreWindow.view();
    }

    private org.fabricscope.ui.explore.ExploreView makeExplore() {
        return new org.fabricscope.ui.explore.ExploreView(
                new org.fabricscope.ui.explore.ExploreViewModel(
                        scenarioViewModel::request,
                        () -> java.util.Optional.ofNullable(viewModel.session().getTrace()),
                        exploreServices(),
                        viewModel.executor(),
                        System::nanoTime),
                this::chooserDirectory);
    }

    @FXML
    private void showExplore() {
        // First time: the scenario panel's scenario; later, what the panel was last set to.
        exploreWindow.show();
    }

    /** The Explainer's "Explore interleavings…": the panel on the open trace's run. */
    private void exploreOpenTrace() {
        if (!explore().viewModel().runningProperty().get()) {
            explore().viewModel().useOpenTrace();
        }
        exploreWindow.show();
    }

    /** Opening a counterexample in the timeline, and compare mode, as the Explore panel needs them. */
    private org.fabricscope.ui.explore.ExploreViewModel.Window exploreServices() {
        return new org.fabricscope.ui.explore.ExploreViewModel.Window() {
            @Override
            public void open(org.fabricscope.ui.session.LoadedTrace loaded, int seq, String description) {
                viewModel.openSimulated(loaded);
                int block = seq < loaded.trace().size() ? loaded.trace().block(seq) : -1;
                if (block >= 0) {
                    viewModel.session().selectedBlockProperty().set(block);
                }
                viewModel.session().goToEvent(seq);
                viewModel.report("Opened " + description);
                if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                    stage.toFront();
                }
            }

            @Override
            public void compare(
                    org.fabricscope.ui.session.LoadedTrace a, int seqA, org.fabricscope.trace.Trace b, String nameB) {
                open(a, seqA, "the counterexample (A)");
                compare.viewModel().compareWith(b, nameB);
            }
        };
    }

    /**
     * Runs {@code request}'s attempt with recording and opens it with the cursor (and the
     * selection) on event {@code seq}: an FPRE004, so the Explainer comes forward.
     */
    private void openAtEvent(org.fabricscope.ui.scenario.RunRequest request, int seq, String description) {
        viewModel.run(request, loaded -> {
            int block = seq < loaded.trace().size() ? loaded.trace().block(seq) : -1;
            if (block >= 0) {
                viewModel.session().selectedBlockProperty().set(block);
            }
            viewModel.session().goToEvent(seq);
            viewModel.report("Opened " + description);
            if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
                stage.toFront();
            }
        });
    }

    @FXML
    private void open() {
        viewModel.openWithChooser();
    }

    @FXML
    private void compareWith() {
        viewModel.chooseTraceToCompare().ifPresent(compare.viewModel()::compareWith);
    }

    @FXML
    private void firstDivergence() {
        compare.viewModel().goToFirstDivergence();
    }

    /** The event log's table (compare mode's what-if menu is on it). */
    public javafx.scene.control.TableView<Integer> eventLogTable() {
        return eventLog.table();
    }

    /** Compare mode (for tests and the session). */
    public CompareView compareView() {
        return compare;
    }

    @FXML
    private void saveAs() {
        viewModel.saveWithChooser();
    }

    @FXML
    private void exportChromeTrace() {
        viewModel.exportWithChooser();
    }

    @FXML
    private void quit() {
        getScene().getWindow().hide();
        Platform.exit();
    }

    @FXML
    private void run() {
        scenarioViewModel.run();
    }

    @FXML
    private void findReproducer() {
        scenarioViewModel.findReproducer();
    }

    @FXML
    private void shrinkReproducer() {
        shrink.shrink();
    }

    /** The window's background command, status bar and trace opening, as the shrink command needs them. */
    private org.fabricscope.ui.shrink.ShrinkViewModel.Background shrinkWindow() {
        return new org.fabricscope.ui.shrink.ShrinkViewModel.Background() {
            @Override
            public <T> javafx.concurrent.Task<T> start(
                    String title,
                    org.fabricscope.ui.support.BackgroundWork.Job<T> job,
                    java.util.function.Consumer<T> onSuccess,
                    java.util.function.Consumer<Throwable> onFailure,
                    String cancelled) {
                return viewModel.background(title, job, onSuccess, onFailure, cancelled);
            }

            @Override
            public void openSimulated(org.fabricscope.ui.session.LoadedTrace loaded) {
                viewModel.openSimulated(loaded);
            }

            @Override
            public void report(String message) {
                viewModel.report(message);
            }
        };
    }

    /** The shrink command, for tests. */
    public org.fabricscope.ui.shrink.ShrinkViewModel shrinkViewModel() {
        return shrink;
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void fitAll() {
        timeline.fitAll();
    }

    @FXML
    private void zoomIn() {
        timeline.zoom(1.5);
    }

    @FXML
    private void zoomOut() {
        timeline.zoom(1 / 1.5);
    }

    @FXML
    private void showKeys() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.getStyleClass().add("keys-table");
        int row = 0;
        for (String d : shortcutDescriptions()) {
            int dash = d.indexOf(" — ");
            Label key = new Label(dash < 0 ? d : d.substring(0, dash));
            key.getStyleClass().add("key");
            grid.add(key, 0, row);
            grid.add(new Label(dash < 0 ? "" : d.substring(dash + 3)), 1, row);
            row++;
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Keys");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(new ScrollPane(grid));
        alert.getDialogPane().setId("keysDialog");
        alert.setResizable(true);
        alert.show();
    }

    @FXML
    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("About FabricScope");
        alert.setHeaderText("FabricScope " + version());
        alert.setContentText("A visual debugger for timing races in a storage fabric. It reproduces the FPRE004 "
                + "read failure from a seed in a deterministic simulator (version " + Simulator.VERSION + ") and "
                + "lets you step through every block's metadata until the verifier's wrong-order check fires.");
        alert.show();
    }

    private static String version() {
        String v = MainView.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
