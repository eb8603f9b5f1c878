/**
 * Why an FPRE004 happened, in words: the verifier's checks in the order it made them, the events
 * of other actors that slipped in between, the inconsistent pair of fields, and what the patched
 * check order would have read instead ({@link org.fabricscope.replay.explain.Fpre004Explanation});
 * and the shared wording of events and times ({@link
 * org.fabricscope.replay.explain.EventText}).
 *
 * <p>Plain Java over {@link org.fabricscope.trace.Trace} and {@link
 * org.fabricscope.replay.TraceIndex}: this package must not import {@code javafx} nor the simulator (re-running a trace with the patch is {@link org.fabricscope.sim.experiment.PatchRerun}), so that the
 * explanation is tested without a Stage and can be printed by the CLI.
 */
package org.fabricscope.replay.explain;
