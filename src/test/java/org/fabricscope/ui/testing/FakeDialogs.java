package org.fabricscope.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fabricscope.ui.support.DialogService;

/** Records what a view model told the user and answers its questions as scripted. */
public final class FakeDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> reports = new ArrayList<>();
    public final List<String> information = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public boolean answerYes;
    public Path fileToOpen;
    public Path fileToSave;

    @Override
    public void showError(String title, String message) {
        errors.add(title + "\n" + message);
    }

    @Override
    public void showErrorReport(String title, String message, String report) {
        reports.add(title + "\n" + message + "\n" + report);
    }

    @Override
    public void showInformation(String title, String message) {
        information.add(title + "\n" + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(title + "\n" + message);
        return answerYes;
    }

    @Override
    public Optional<Path> chooseTraceToOpen(Path initialDirectory) {
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseTraceToSave(Path initialDirectory, String initialName) {
        return Optional.ofNullable(fileToSave);
    }

    @Override
    public Optional<Path> chooseExportTarget(Path initialDirectory, String initialName) {
        return Optional.ofNullable(fileToSave);
    }

    @Override
    public Optional<Path> chooseScenarioToOpen(Path initialDirectory) {
        return Optional.empty();
    }

    /** What {@link #askText} answers (null: the user cancels), and the prompts it was asked. */
    public String textAnswer;

    public final List<String> textPrompts = new ArrayList<>();
    public Path sessionToOpen;
    public Path sessionToSave;

    @Override
    public Optional<Path> chooseSessionToOpen(Path initialDirectory) {
        return Optional.ofNullable(sessionToOpen);
    }

    @Override
    public Optional<Path> chooseSessionToSave(Path initialDirectory, String initialName) {
        return Optional.ofNullable(sessionToSave);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initialText) {
        textPrompts.add(title + "\n" + prompt);
        return Optional.ofNullable(textAnswer);
    }
}
