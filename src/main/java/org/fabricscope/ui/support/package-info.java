/**
 * Plumbing every GUI feature shares: user dialogs behind {@link org.fabricscope.ui.support.DialogService}
 * (so view models can be tested with a fake), the crash handler and its log file, background work
 * with progress and cancel ({@link org.fabricscope.ui.support.BackgroundWork}), and the persisted
 * window preferences.
 *
 * <p>Knows no feature of the GUI; dependencies: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.ui.support;
