/**
 * Why an FPRE004 happened, as facts: the verifier's checks in the order it made them, the events of
 * other actors that slipped in between, the inconsistent pair of fields, the mechanism and what the
 * patched check order would have read instead ({@link org.fabricscope.replay.explain.Fpre004Explanation},
 * a record), and the shared wording of events and times ({@link
 * org.fabricscope.replay.explain.EventText}). The sentences made from those facts (headline,
 * summary, verdict, switch notes) are {@code org.fabricscope.present.Fpre004Text}, shared by the
 * GUI and the CLI. The story of how the pair got its values is a list of typed facts ({@link
 * org.fabricscope.replay.explain.StoryStep}: step, time, actor, kind, write id, values), worded by
 * {@code org.fabricscope.present.StoryText}.
 *
 * <p>Plain Java over traces and the replay index, tested without a Stage; re-running a trace with
 * the patch is {@link org.fabricscope.sim.experiment.PatchRerun}. Dependencies: {@code
 * org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.replay.explain;
