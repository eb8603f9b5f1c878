/**
 * The JavaFX application: {@link org.fabricscope.ui.FabricScopeApp} builds the main window from
 * {@code ui.main} with the real services (trace files, embedded simulator, preferences, crash log)
 * and opens the trace named on the command line, or a freshly found reproducer.
 *
 * <p>One sub-package per feature, each a View beside its ViewModel. Which feature may use which,
 * and that only {@code ui} imports JavaFX: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.ui;
