/**
 * The JavaFX application: {@link org.fabricscope.ui.FabricScopeApp} builds the main window from
 * {@code ui.main} with the real services (trace files, embedded simulator, preferences, crash log)
 * and opens the trace named on the command line, or a freshly found reproducer.
 *
 * <p>One sub-package per feature, each a View beside its ViewModel. Only {@code ui} may import
 * {@code javafx}; {@code sim}, {@code trace}, {@code replay} and {@code cli} never do.
 */
package org.fabricscope.ui;
