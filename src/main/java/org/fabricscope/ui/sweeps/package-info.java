/**
 * The Sweeps view: parameter sweeps you can see. {@link org.fabricscope.ui.sweeps.SweepsViewModel}
 * holds the sweep's definition (one or two axes from the scenario catalogue, with its units and
 * ranges; reads per cell), runs it in the background with progress and Cancel on the {@code sweep}
 * command's engine ({@link org.fabricscope.ui.sweeps.SweepRunner} over {@link
 * org.fabricscope.sweep.LocalRunner}: a soak per cell, legacy and patched, the FPRE004 rate as the
 * share of attempts with its 95 % Wilson interval), re-runs a clicked cell's recorded first failing attempt and opens
 * it, and saves and reopens results in the command's result JSON ({@link
 * org.fabricscope.ui.sweeps.SweepFiles}) and exports each chart's data as CSV and picture as PNG.
 *
 * <p>Charts. The line chart ({@link org.fabricscope.ui.sweeps.BandLineChart}, JavaFX's {@code
 * LineChart} with a polygon band per series) and the latency histogram (JavaFX's {@code BarChart})
 * are JavaFX's own charts. The heat map ({@link org.fabricscope.ui.sweeps.HeatMapChart}) is built
 * from JavaFX nodes, a {@code GridPane} of tiles with a colour scale legend, rather than ChartFX
 * ({@code io.fair-acc:chartfx}): a sweep's grid is tens to hundreds of cells, not the millions
 * ChartFX's Canvas renderers are made for; ChartFX would add its own dependencies (its dataset and
 * math modules and their transitive libraries) to the single desktop jar and is not among the
 * packages vetted for this project; and a tile that is a node gets a tooltip, a hover state, a
 * click handler and a node id for TestFX, where a Canvas heat map needs hit-testing by hand. No
 * chart is drawn by hand on a Canvas.
 */
package org.fabricscope.ui.sweeps;
