/**
 * The benchmark behind {@code java -jar fabricscope.jar bench --json}: it generates its own traces
 * with the simulator, measures simulator speed, the seed-sweep speed-up, trace I/O, memory, replay
 * queries, timeline frame times and start-up time, and prints one JSON object (field names are
 * documented in the README's "Benchmark" section and are stable).
 *
 * <p>Only {@link org.fabricscope.bench.FrameBench} imports {@code javafx}, so the non-rendering
 * parts run (and are unit tested) without a toolkit. Nothing in the product may import this
 * package: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.bench;
