/**
 * The FPRE004 explainer panel: shows {@link org.fabricscope.replay.explain.Fpre004Explanation} for
 * the FPRE004 under the cursor, and re-runs the trace's scenario with the patch (or each switch
 * alone) in a background task to show that the check then passes. The facts come from {@code
 * org.fabricscope.replay.explain}, the sentences from {@code org.fabricscope.present.Fpre004Text}
 * (the same the CLI prints); this package only lays them out.
 */
package org.fabricscope.ui.explainer;
