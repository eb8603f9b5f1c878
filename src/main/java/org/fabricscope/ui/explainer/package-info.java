/**
 * The FPRE004 explainer panel: shows {@link org.fabricscope.replay.explain.Fpre004Explanation} for
 * the FPRE004 under the cursor, and re-runs the trace's scenario with the patch (or each switch
 * alone) in a background task to show that the check then passes. The explanation logic itself is
 * javafx-free in {@code org.fabricscope.replay.explain}; this package only presents it.
 */
package org.fabricscope.ui.explainer;
