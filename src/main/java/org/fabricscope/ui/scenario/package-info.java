/**
 * The scenario panel: choose a scenario (built-in or from a file), edit every parameter of the
 * catalogue with its unit and range, pick seed, attempt and patch switches, and run or search for a
 * reproducer. {@link org.fabricscope.ui.scenario.ScenarioViewModel} validates through the
 * simulator's own {@code Scenario} rules (so the messages are the simulator's) and reflects the
 * open trace's header so that a trace can be tweaked and re-run.
 *
 * <p>The simulator is reached only through {@link org.fabricscope.ui.scenario.SimulationService}
 * and {@code org.fabricscope.sim.scenario.Scenario}. Dependencies: {@code
 * org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.ui.scenario;
