/**
 * Presentation without a toolkit, shared by the command line and the GUI: the one mapping from an
 * operating error to the line the user reads ({@link org.fabricscope.present.OperatingErrors}), and
 * the English wording of an FPRE004 explanation ({@link org.fabricscope.present.Fpre004Text}) over
 * the facts of {@link org.fabricscope.replay.explain.Fpre004Explanation}, and of each step of its
 * story ({@link org.fabricscope.present.StoryText} over {@link
 * org.fabricscope.replay.explain.StoryStep}).
 *
 * <p>Its place among the layers is stated in {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.present;
