/**
 * Compare mode: a second trace (B) aligned with the open one (A) by {@link
 * org.fabricscope.diff.TraceDiff}. {@link org.fabricscope.ui.compare.CompareViewModel} holds B's
 * session, the differences, the synchronised cursor and the side-by-side block state;
 * {@link org.fabricscope.ui.compare.CompareView} is the Compare tab, B's timeline under A's and the
 * difference markers on both.
 */
package org.fabricscope.ui.compare;
