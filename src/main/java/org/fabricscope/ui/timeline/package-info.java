/**
 * The timeline: a custom Region with one viewport-sized Canvas ({@link
 * org.fabricscope.ui.timeline.TimelineControl}) that follows the shared {@code TraceSession}.
 *
 * <p>The maths and data live in plain classes without JavaFX, tested without a Stage: {@link
 * org.fabricscope.ui.timeline.TimeScale} (time&lt;-&gt;pixel), {@link
 * org.fabricscope.ui.timeline.LaneLayout} (lane&lt;-&gt;row, groups, scroll), {@link
 * org.fabricscope.ui.timeline.TimelineModel} and {@link org.fabricscope.ui.timeline.MarkerIndex}
 * (per-lane change points and markers, built once per trace), and {@link
 * org.fabricscope.ui.timeline.SeriesLod} (at most one segment per pixel column), {@link
 * org.fabricscope.ui.timeline.MarkerSummary} (where a busy lane's markers are, as bits, for
 * zoomed-out frames), {@link org.fabricscope.ui.timeline.FocusSet} (the lanes and time range of one
 * FPRE004's story), {@link org.fabricscope.ui.timeline.LaneArrangement} (pins, the event log's lane
 * filter, focus) and {@link org.fabricscope.ui.timeline.NearestEvent} (what a click picks). {@link
 * org.fabricscope.ui.timeline.TimelineViewModel} holds focus mode and pins as commands, for the
 * control and other views. Drawing lives in {@link org.fabricscope.ui.timeline.TimelineRenderer}: a
 * sparse frame as Canvas commands batched by colour, a dense one painted into a {@link
 * org.fabricscope.ui.timeline.PlotRaster} and drawn as one image; colours in {@link
 * org.fabricscope.ui.timeline.TimelinePalette}. In compare mode ({@link
 * org.fabricscope.ui.timeline.TimelineControl#setSecondSession}) a {@code SecondSeries} indexes
 * trace B the same way, and every lane is split ({@code LaneGeometry}): A above, B below, one axis.
 *
 * <p>The timeline only reads traces (through the index the session carries); its dependencies are
 * stated in {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.ui.timeline;
