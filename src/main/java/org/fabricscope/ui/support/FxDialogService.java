package org.fabricscope.ui.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real {@link DialogService}: alerts and file choosers owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter TRACES =
            new FileChooser.ExtensionFilter("FabricScope traces (*.jsonl)", "*.jsonl");
    private static final FileChooser.ExtensionFilter ALL = new FileChooser.ExtensionFilter("All files", "*.*");

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        // Not showAndWait: the error must not hold up the work that reported it.
        ErrorDialogs.userError(owner.get(), title, message).show();
    }

    @Override
    public void showErrorReport(String title, String message, String report) {
        ErrorDialogs.withReport(owner.get(), title, message, report).show();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override
    public Optional<Path> chooseTraceToOpen(Path initialDirectory) {
        FileChooser chooser = chooser("Open trace", initialDirectory);
        chooser.getExtensionFilters().addAll(TRACES, ALL);
        return toPath(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseTraceToSave(Path initialDirectory, String initialName) {
        FileChooser chooser = chooser("Save trace as", initialDirectory);
        chooser.getExtensionFilters().add(TRACES);
        chooser.setInitialFileName(initialName);
        return toPath(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseExportTarget(Path initialDirectory, String initialName) {
        FileChooser chooser = chooser("Export Chrome trace (Perfetto)", initialDirectory);
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Chrome Trace Event JSON (*.json)", "*.json"));
        chooser.setInitialFileName(initialName);
        return toPath(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseScenarioToOpen(Path initialDirectory) {
        FileChooser chooser = chooser("Load scenario", initialDirectory);
        chooser.getExtensionFilters().add(ALL);
        return toPath(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseSessionToOpen(Path initialDirectory) {
        FileChooser chooser = chooser("Open session", initialDirectory);
        chooser.getExtensionFilters().addAll(SESSIONS, ALL);
        return toPath(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseSessionToSave(Path initialDirectory, String initialName) {
        FileChooser chooser = chooser("Save session", initialDirectory);
        chooser.getExtensionFilters().add(SESSIONS);
        chooser.setInitialFileName(initialName);
        return toPath(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initialText) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(initialText);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(prompt);
        dialog.getDialogPane().setId("askTextDialog");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private static final FileChooser.ExtensionFilter SESSIONS =
            new FileChooser.ExtensionFilter("FabricScope sessions (*.session.json)", "*.session.json");

    private static FileChooser chooser(String title, Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return chooser;
    }

    private static Optional<Path> toPath(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
