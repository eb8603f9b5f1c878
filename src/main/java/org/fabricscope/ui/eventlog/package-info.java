/**
 * The event log: a virtualized table over every event of the trace, synced both ways with the
 * session's cursor, filtered by block, actor, kind and free text. The table is backed by {@link
 * org.fabricscope.ui.eventlog.SeqList}, a list of sequence numbers over an {@code int[]} (or no
 * array at all when nothing is filtered), and its cells read the trace's columns: no object is
 * made per event. {@link org.fabricscope.ui.eventlog.EventFilter} is plain Java. In compare mode a
 * second run ({@link org.fabricscope.ui.eventlog.OtherRun}, supplied by the compare feature) is
 * merged in: a row per event only it has, written {@code ~seq} in the same list.
 */
package org.fabricscope.ui.eventlog;
