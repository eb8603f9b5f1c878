/**
 * The main window: {@link org.fabricscope.ui.main.MainView} (layout in {@code fxml/main.fxml})
 * composes the feature views around one shared {@link org.fabricscope.ui.session.TraceSession};
 * {@link org.fabricscope.ui.main.MainViewModel} holds the window's state and commands (open, save,
 * simulate, find a reproducer, cancel) and runs them as background tasks.
 *
 * <p>The view model knows nothing of views (checked for every {@code *ViewModel} by {@code
 * org.fabricscope.arch.LayeringTest}); it asks the user things through {@link
 * org.fabricscope.ui.support.DialogService}.
 */
package org.fabricscope.ui.main;
