/**
 * The Explore panel (Simulate › Explore Interleavings…, and the Explainer's button): the {@code
 * explore} command in a window. {@link org.fabricscope.ui.explore.ExploreViewModel} takes a scenario
 * (the scenario panel's, the open trace's run, or a file), patch switches and bounds, runs {@link
 * org.fabricscope.sim.explore.Explorer} in the background with live figures and Cancel, and shows the
 * verdict with its bounds, the per-switch ablation, and opens the shortest counterexample in the
 * main timeline or compares it with the nearest passing schedule, through the main window.
 */
package org.fabricscope.ui.explore;
