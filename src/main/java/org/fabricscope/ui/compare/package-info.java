/**
 * Compare mode: a second trace (B) aligned with the open one (A) by {@link
 * org.fabricscope.diff.TraceDiff}. {@link org.fabricscope.ui.compare.CompareViewModel} holds B's
 * session, the differences, the synchronised cursor and the side-by-side block state;
 * {@link org.fabricscope.ui.compare.CompareView} is the Compare tab, the legend line under the
 * timeline, and the difference markers on the timeline's split lanes (A above B).
 */
package org.fabricscope.ui.compare;
