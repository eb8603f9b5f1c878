/**
 * Bounded exhaustive exploration: every timing draw of a run becomes a choice point with a few
 * levels, every set of timers due at the same instant is ordered every possible way, and a
 * depth-first search re-runs the simulator over every choice sequence within stated bounds, with
 * state hashing to skip sub-trees already explored. Also the schedule file that re-runs one
 * explored schedule on its own.
 */
package org.fabricscope.sim.explore;
