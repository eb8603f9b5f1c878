/**
 * The benchmark, {@code java -jar fabricscope-bench.jar [--json]}: it generates its own traces with
 * the simulator, measures simulator speed, the seed-sweep speed-up, trace I/O, memory, replay
 * queries, timeline frame times and start-up time, and prints one JSON object (field names are
 * documented in docs/BENCHMARK.md and are stable). {@link org.fabricscope.bench.Bench} also runs
 * the focused benchmarks that print text.
 *
 * <p>Lives in its own source set (src/bench/java) and jar, so the product jar carries none of it,
 * nor the headless toolkit it draws frames with. It measures the product from outside, through
 * public API only; the product has no hooks for it. The parts that draw frames start a headless
 * JavaFX toolkit themselves; the rest runs (and is unit tested) without one.
 */
package org.fabricscope.bench;
