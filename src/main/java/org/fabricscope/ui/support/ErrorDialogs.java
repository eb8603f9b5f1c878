package org.fabricscope.ui.support;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** Builds the error dialogs: a plain one for user errors, one with a copyable report for crashes. */
public final class ErrorDialogs {
    private ErrorDialogs() {}

    /** An error alert with {@code message} as its content; the message must name file and line. */
    public static Alert userError(Window owner, String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().getStyleClass().add("user-error");
        alert.getDialogPane().setMinWidth(520);
        alert.setResizable(true);
        return alert;
    }

    /**
     * An error alert whose expandable part is a read-only TextArea holding {@code report}, so the
     * user can select and copy it into a bug report. It starts collapsed ("Show Details"): the
     * stack trace is there for whoever wants it, not in everyone's face.
     */
    public static Alert withReport(Window owner, String title, String message, String report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        TextArea text = new TextArea(report);
        text.setId("errorReport");
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(14);
        text.setPrefColumnCount(90);
        GridPane.setVgrow(text, Priority.ALWAYS);
        GridPane.setHgrow(text, Priority.ALWAYS);
        GridPane box = new GridPane();
        box.add(new Label("Report (also appended to " + CrashLog.defaultLog().file() + "):"), 0, 0);
        box.add(text, 0, 1);
        alert.getDialogPane().setExpandableContent(box);
        alert.getDialogPane().getStyleClass().add("crash-report");
        alert.setResizable(true);
        return alert;
    }
}
