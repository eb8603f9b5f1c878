/**
 * What a run is made of: the parameter {@link org.fabricscope.sim.scenario.Catalog} (units,
 * ranges, defaults), {@link org.fabricscope.sim.scenario.Scenario} (a validated set of values, and
 * the built-in scenarios), {@link org.fabricscope.sim.scenario.ScenarioFile} (scenario files, with
 * errors naming file and line) and {@link org.fabricscope.sim.scenario.UnitValues} (values written
 * with units, such as {@code 7.3ms}).
 */
package org.fabricscope.sim.scenario;
