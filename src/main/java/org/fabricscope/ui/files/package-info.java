/**
 * Where traces come from and go to, as the GUI sees it: the {@link
 * org.fabricscope.ui.files.TraceFileService} the view models read and write through (the JSON Lines
 * reader and atomic writer of {@code trace.io} in the application, fakes in tests), the list of
 * recent files, and which of the files dropped on the window to open.
 *
 * <p>No views live here; dependencies: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.ui.files;
