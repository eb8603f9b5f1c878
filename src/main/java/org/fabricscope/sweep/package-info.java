/**
 * Parameter sweeps: the same scenario run over a grid of parameter values and patch
 * configurations, with per-cell figures. Plain Java (no JavaFX); the {@code sweep} command and the
 * GUI's Sweeps view are built on it.
 *
 * <p>The public API, kept stable:
 *
 * <ul>
 *   <li>{@link org.fabricscope.sweep.SweepDefinition}: scenario, {@link org.fabricscope.sweep.Axis}
 *       list ({@code Axis.parse("ackJitterMicrosMax=0..8ms:5", scenario)}), patch configurations
 *       ({@code SweepDefinition.parsePatches("none,all")}), first seed and seed count, {@link
 *       org.fabricscope.sweep.SweepDefinition.Mode} READS or ATTEMPTS with its count. {@code
 *       cells()} expands the grid (first axis slowest, patches fastest); {@code toJson()}, {@code
 *       load(Path)} and {@code fromJson(text, where, dir)} are the sweep file.
 *   <li>{@link org.fabricscope.sweep.SweepRunner#run(SweepDefinition, org.fabricscope.trace.Progress)}
 *       gives a {@link org.fabricscope.sweep.SweepResult}: {@link
 *       org.fabricscope.sweep.LocalRunner} (threads) here, {@code
 *       org.fabricscope.sweep.spark.SparkRunner} on Apache Spark (only with Spark on the class
 *       path). Progress counts work units; cancelling throws {@link
 *       org.fabricscope.trace.CancelledException}.
 *   <li>{@link org.fabricscope.sweep.SweepResult}: {@code cells()} (one {@link
 *       org.fabricscope.sweep.CellResult} per cell, in grid order, each with its {@link
 *       org.fabricscope.sweep.SweepCell}, FPRE004 rate per attempt with 95 % {@link
 *       org.fabricscope.sweep.Wilson} interval, read success, first reproducing seed and attempt,
 *       retries, quarantines, prefetch latency mean, p99 and whole {@link
 *       org.fabricscope.sweep.LatencyCounts} histogram), {@code find(values, patch)}, {@code
 *       toCsv()}, {@code toJson()}, {@code load(Path)}.
 * </ul>
 *
 * <p>Determinism: {@link org.fabricscope.sweep.SweepEngine} cuts a definition into {@link
 * org.fabricscope.sweep.WorkUnit}s that depend on the definition alone (a cell and a seed, and in
 * attempts mode a fixed range of {@value org.fabricscope.sweep.SweepEngine#ATTEMPTS_PER_UNIT}
 * attempts), runs each single-threaded into a {@link org.fabricscope.sweep.Partial} of plain sums,
 * and reduces them in unit order. So the CSV is the same byte for byte for any runner and thread
 * count.
 */
package org.fabricscope.sweep;
