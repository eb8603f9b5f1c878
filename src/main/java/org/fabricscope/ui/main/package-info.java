/**
 * The main window: {@link org.fabricscope.ui.main.MainView} (layout in {@code fxml/main.fxml})
 * composes the feature views around one shared {@link org.fabricscope.ui.session.TraceSession};
 * {@link org.fabricscope.ui.main.MainViewModel} holds the window's state and commands (open, save,
 * simulate, find a reproducer, cancel) and runs them as background tasks.
 *
 * <p>The view model knows nothing of views: it may import javafx beans, collections and {@code
 * javafx.concurrent}, never {@code javafx.scene} or {@code javafx.stage}; it asks the user things
 * through {@link org.fabricscope.ui.support.DialogService}.
 */
package org.fabricscope.ui.main;
