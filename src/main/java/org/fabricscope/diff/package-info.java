/**
 * Comparing two runs: a stable identity per event ({@link org.fabricscope.trace.EventIdentity}),
 * the alignment of two traces by that identity and the classification of each event as same,
 * retimed, changed, only in A or only in B ({@link org.fabricscope.diff.TraceDiff}), the first
 * divergence, and the differences in outcome (FPRE004, read results, block transitions).
 *
 * <p>Everything per event is held in primitive arrays: the alignment keeps one {@code int} per
 * event of each trace, so it stays small beside the columnar traces themselves. No JavaFX here.
 */
package org.fabricscope.diff;
