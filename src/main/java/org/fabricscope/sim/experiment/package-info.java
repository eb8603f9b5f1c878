/**
 * What is done with many runs of a scenario: {@link org.fabricscope.sim.experiment.ReproFinder}
 * (the first attempt raising FPRE004), {@link org.fabricscope.sim.experiment.Soak} (read success
 * over many unrecorded attempts), {@link org.fabricscope.sim.experiment.Ablation} (the patch
 * switches one at a time) and {@link org.fabricscope.sim.experiment.PatchRerun} (a recorded run
 * again with other switches). {@link org.fabricscope.sim.experiment.AttemptPool} runs attempts on
 * several threads and hands results back in attempt order, so results never depend on the thread
 * count.
 */
package org.fabricscope.sim.experiment;
