/**
 * The incident dashboard: the story's "small red tile" screen over a soak. {@link
 * org.fabricscope.ui.dashboard.DashboardViewModel} soaks the scenario panel's scenario twice in the
 * background (legacy, then patched) through {@link org.fabricscope.sim.experiment.IncidentSoak} and
 * holds both {@link org.fabricscope.sim.experiment.IncidentMap}s; {@link
 * org.fabricscope.ui.dashboard.DashboardView} draws each as a grid of JavaFX tiles, archive × node,
 * coloured by FPRE004 count on one scale shared by both sides, with each archive's read success
 * rate, retries and quarantines beside its row. Clicking a failing tile re-runs that tile's first
 * failing attempt with recording (deterministic, so it is the same run) and opens it in the main
 * window with the cursor on that tile's FPRE004.
 */
package org.fabricscope.ui.dashboard;
