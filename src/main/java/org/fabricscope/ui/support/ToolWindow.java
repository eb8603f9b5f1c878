package org.fabricscope.ui.support;

import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A secondary, non-modal window of the main window (the incident dashboard, the Sweeps view): made
 * once, then shown and brought to the front each time it is asked for. It uses the app's style
 * sheet plus the feature's own. Escape closes it.
 */
public final class ToolWindow {
    private final Stage stage = new Stage();

    /**
     * @param owner the main window (the tool window stays above it and closes with it)
     * @param title the window title
     * @param content the feature's view
     * @param stylesheet the feature's style sheet under {@code /styles/}, e.g. {@code dashboard.css}
     */
    public ToolWindow(Window owner, String title, Parent content, String stylesheet, double width, double height) {
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(content, width, height);
        scene.getStylesheets()
                .add(Objects.requireNonNull(ToolWindow.class.getResource("/styles/app.css"))
                        .toExternalForm());
        scene.getStylesheets()
                .add(Objects.requireNonNull(ToolWindow.class.getResource("/styles/" + stylesheet), stylesheet)
                        .toExternalForm());
        // Escape closes it, as a dialog does; a control that uses Escape (a popup, an editor)
        // consumes it first. Without a window manager there is no other way to close it.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
    }

    /** Shows the window, or brings it to the front when it is already shown. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
