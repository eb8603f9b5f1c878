/**
 * Plumbing every GUI feature shares: user dialogs behind {@link org.fabricscope.ui.support.DialogService}
 * (so view models can be tested with a fake), the crash handler and its log file, background work
 * with progress and cancel ({@link org.fabricscope.ui.support.BackgroundWork}), and the persisted
 * window preferences.
 *
 * <p>May import javafx and the trace model's {@code Progress}; must not import {@code sim}, {@code
 * replay} or any feature package of {@code ui}.
 */
package org.fabricscope.ui.support;
