package org.fabricscope.ui.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/** The scenario panel (layout in {@code fxml/scenario.fxml}); binds to a {@link ScenarioViewModel}. */
public final class ScenarioView extends VBox {
    private final ScenarioViewModel viewModel;
    private final Supplier<Path> initialDirectory;

    @FXML
    private ComboBox<String> scenarioChooser;

    @FXML
    private Button loadButton;

    @FXML
    private PropertySheet parameterSheet;

    @FXML
    private TextField seedField;

    @FXML
    private TextField attemptField;

    @FXML
    private TextField maxAttemptsField;

    @FXML
    private CheckBox reorderBox;

    @FXML
    private CheckBox barrierBox;

    @FXML
    private CheckBox backoffBox;

    @FXML
    private Button allPatchesButton;

    @FXML
    private Button noPatchesButton;

    @FXML
    private Label validationLabel;

    @FXML
    private Button runButton;

    @FXML
    private Button findButton;

    /**
     * @param viewModel the panel's state
     * @param initialDirectory where Load from file… starts
     * @param runShortcut the shortcut text of Simulate ▸ Run, for the tooltip
     * @param findShortcut the shortcut text of Simulate ▸ Find Reproducer, for the tooltip
     */
    public ScenarioView(
            ScenarioViewModel viewModel, Supplier<Path> initialDirectory, String runShortcut, String findShortcut) {
        this.viewModel = viewModel;
        this.initialDirectory = initialDirectory;
        FXMLLoader loader = new FXMLLoader(ScenarioView.class.getResource("/fxml/scenario.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("fxml/scenario.fxml is missing from the build", e);
        }
        setId("scenarioPanel");
        bind(runShortcut, findShortcut);
    }

    private void bind(String runShortcut, String findShortcut) {
        scenarioChooser.setItems(viewModel.scenarioNames());
        scenarioChooser.valueProperty().bindBidirectional(viewModel.selectedScenarioProperty());
        scenarioChooser.setTooltip(new Tooltip("The scenario to simulate: a built-in, or one loaded from a file"));
        loadButton.setTooltip(new Tooltip("Load a scenario from a file"));

        parameterSheet.setMode(PropertySheet.Mode.NAME);
        parameterSheet.setPropertyEditorFactory(new ParameterEditors());
        parameterSheet.setSearchBoxVisible(true);
        parameterSheet.setTitleFilter("");
        fillSheet();
        viewModel.parameters().addListener((ListChangeListener<ParameterField>) c -> fillSheet());

        seedField.textProperty().bindBidirectional(viewModel.seedProperty());
        seedField.setTooltip(new Tooltip("Base seed: decimal, or hexadecimal with 0x"));
        attemptField.textProperty().bindBidirectional(viewModel.attemptProperty());
        attemptField.setTooltip(new Tooltip("Which attempt Run simulates (from 1); each attempt derives its own seed"));
        maxAttemptsField.textProperty().bindBidirectional(viewModel.maxAttemptsProperty());
        maxAttemptsField.setTooltip(new Tooltip("How many attempts Find reproducer tries before giving up"));

        reorderBox.selectedProperty().bindBidirectional(viewModel.reorderProperty());
        reorderBox.setTooltip(new Tooltip("Verifier checks lastWritePending and the lock before the cache state"));
        barrierBox.selectedProperty().bindBidirectional(viewModel.barrierProperty());
        barrierBox.setTooltip(new Tooltip("A fill may mark a buffer ready only if no write holds the lock"));
        backoffBox.selectedProperty().bindBidirectional(viewModel.backoffProperty());
        backoffBox.setTooltip(new Tooltip("A tiny backoff before a prefetch buffer is marked ready"));
        allPatchesButton.setTooltip(new Tooltip("All three switches on: the patched fabric"));
        noPatchesButton.setTooltip(new Tooltip("All switches off: the legacy fabric"));

        flag(seedField, viewModel.seedErrorProperty());
        flag(attemptField, viewModel.attemptErrorProperty());
        flag(maxAttemptsField, viewModel.maxAttemptsErrorProperty());
        validationLabel.setMinHeight(Region.USE_PREF_SIZE);
        validationLabel.textProperty().bind(viewModel.validationMessageProperty());
        validationLabel.visibleProperty().bind(viewModel.validProperty().not());
        validationLabel.managedProperty().bind(validationLabel.visibleProperty());

        runButton.disableProperty().bind(viewModel.canRunProperty().not());
        findButton.disableProperty().bind(viewModel.canRunProperty().not());
        runButton.setTooltip(new Tooltip("Simulate this attempt and open its trace (" + runShortcut + ")"));
        findButton.setTooltip(new Tooltip(
                "Try attempts from the first until FPRE004 occurs, and open that attempt (" + findShortcut + ")"));
    }

    /** Marks {@code field} {@code :invalid} while {@code error} is not empty. */
    private static void flag(TextField field, ReadOnlyStringProperty error) {
        Runnable update = () -> field.pseudoClassStateChanged(
                ParameterEditors.INVALID, !error.get().isEmpty());
        error.addListener((obs, o, n) -> update.run());
        update.run();
    }

    private void fillSheet() {
        parameterSheet
                .getItems()
                .setAll(viewModel.parameters().stream()
                        .map(ParameterSheetItem::new)
                        .toList());
    }

    @FXML
    private void loadFromFile() {
        viewModel.loadScenarioFile(initialDirectory.get());
    }

    @FXML
    private void allPatches() {
        viewModel.allPatches();
    }

    @FXML
    private void noPatches() {
        viewModel.noPatches();
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void findReproducer() {
        viewModel.findReproducer();
    }
}
