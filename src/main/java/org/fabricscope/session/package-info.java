/**
 * Session files: what an engineer's work on one trace is (the trace, by path and content hash or
 * by the simulation that regenerates it; cursor, zoom and lanes; event log filters; breakpoints;
 * bookmarks and notes), and its JSON form ({@code docs/SESSION_FORMAT.md}). {@link
 * org.fabricscope.session.SessionReader} is strict and bounded like the trace reader: a bad file is
 * a {@link org.fabricscope.session.SessionFormatException} naming file and line. {@link
 * org.fabricscope.session.SessionWriter} writes atomically. No JavaFX here.
 */
package org.fabricscope.session;
