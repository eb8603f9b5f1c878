/**
 * "Shrink this reproducer": runs the shrinker ({@link org.fabricscope.shrink.Shrinker}) on the open
 * trace's run in the background and opens the shrunk trace on its FPRE004. The command lives in
 * {@link org.fabricscope.ui.shrink.ShrinkViewModel}; the Simulate menu and the Explainer's button
 * (wired by the main view) only call it.
 */
package org.fabricscope.ui.shrink;
