package org.fabricscope.ui.support;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a view model may ask of the user, so that view models stay free of windows and can
 * be tested with a recording fake. Every method is called on the FX thread.
 */
public interface DialogService {
    /** Tells the user something went wrong that they can fix (a bad file, an invalid value). */
    void showError(String title, String message);

    /**
     * Tells the user about an unexpected failure, with a copyable {@code report} for a bug report.
     */
    void showErrorReport(String title, String message, String report);

    /** Tells the user something worth knowing (e.g. no reproducer was found). */
    void showInformation(String title, String message);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message);

    /** Asks for a trace file to open; empty when the user cancels. */
    Optional<Path> chooseTraceToOpen(Path initialDirectory);

    /** Asks where to save a trace; empty when the user cancels. */
    Optional<Path> chooseTraceToSave(Path initialDirectory, String initialName);

    /** Asks where to export a Chrome Trace Event JSON file; empty when the user cancels. */
    Optional<Path> chooseExportTarget(Path initialDirectory, String initialName);

    /** Asks for a scenario file; empty when the user cancels. */
    Optional<Path> chooseScenarioToOpen(Path initialDirectory);

    /** Asks for a session file to open; empty when the user cancels. */
    default Optional<Path> chooseSessionToOpen(Path initialDirectory) {
        return Optional.empty();
    }

    /** Asks where to save a session; empty when the user cancels. */
    default Optional<Path> chooseSessionToSave(Path initialDirectory, String initialName) {
        return Optional.empty();
    }

    /** Asks for a line of text (a bookmark's name, a note); empty when the user cancels. */
    default Optional<String> askText(String title, String prompt, String initialText) {
        return Optional.empty();
    }
}
