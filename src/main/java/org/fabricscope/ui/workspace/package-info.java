/**
 * The engineer's work on a trace, kept across windows: bookmarks and notes ({@link
 * org.fabricscope.ui.workspace.BookmarksViewModel}, {@link org.fabricscope.ui.workspace.BookmarksView}),
 * saving and reopening sessions, "link to this moment" and {@code --at} ({@link
 * org.fabricscope.ui.workspace.SessionViewModel}). The file format itself is {@code
 * org.fabricscope.session}. (Not to be confused with {@code ui.session.TraceSession}, the window's
 * shared selection.)
 */
package org.fabricscope.ui.workspace;
