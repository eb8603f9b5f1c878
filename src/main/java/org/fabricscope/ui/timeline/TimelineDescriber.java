package org.fabricscope.ui.timeline;

import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Health;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;

/** The hover text: what is under the mouse, in words (an event, a block's state interval, a header). */
final class TimelineDescriber {
    /** Finds the event on a lane nearest a plot x, or -1. */
    @FunctionalInterface
    interface EventPicker {
        int eventAt(LaneLayout.Lane lane, double plotX);
    }

    private TimelineDescriber() {}

    static String describe(
            EventPicker picker,
            Trace trace,
            TimelineModel model,
            TimeScale scale,
            LaneLayout layout,
            double x,
            double y) {
        if (trace == null || y < TimelineRenderer.AXIS) {
            return null;
        }
        int row = layout.rowAt(y - TimelineRenderer.AXIS);
        if (row < 0) {
            return null;
        }
        if (layout.isHeader(row)) {
            int g = layout.groupOfRow(row);
            return layout.groups().get(g).title() + " — click to " + (layout.isCollapsed(g) ? "expand" : "collapse");
        }
        LaneLayout.Lane lane = layout.laneOfRow(row);
        boolean block = lane.kind() == LaneLayout.LaneKind.BLOCK;
        if (x < TimelineRenderer.GUTTER) {
            if (!block) {
                return lane.label() + " (actor lane)\nright-click: pin to top, collapse or expand all groups";
            }
            Topology.BlockInfo info = trace.header().topology().block(lane.id());
            return "block " + lane.id() + " — node " + info.node() + ", drive " + info.drive() + ", " + info.file()
                    + "\nclick to select · right-click: pin to top, collapse or expand all groups";
        }
        double plotX = x - TimelineRenderer.GUTTER;
        int seq = picker.eventAt(lane, plotX);
        if (seq >= 0) {
            return event(trace, seq);
        }
        return block ? interval(trace, model, lane.id(), scale.timeAtX(plotX)) : null;
    }

    /** An event in words: kind, block, time, actor, field old -&gt; new, jitter, cause. */
    static String event(Trace trace, int seq) {
        StringBuilder sb = new StringBuilder();
        EventKind kind = trace.kind(seq);
        sb.append('#').append(seq).append("  ").append(kind);
        if (trace.block(seq) >= 0) {
            sb.append("  block ").append(trace.block(seq));
        }
        sb.append("\nt = ")
                .append(TimeTicks.millis(trace.timeMicros(seq)))
                .append("  ·  ")
                .append(trace.actor(seq));
        if (trace.node(seq) >= 0) {
            sb.append(" on node ").append(trace.node(seq));
        }
        Field field = trace.field(seq);
        if (field != null) {
            if (kind == EventKind.VERIFY_CHECK || kind == EventKind.FPRE004) {
                sb.append("\nsaw ").append(field.jsonName()).append(" = ").append(field.format(trace.newValue(seq)));
            } else {
                sb.append('\n')
                        .append(field.jsonName())
                        .append(": ")
                        .append(field.format(trace.oldValue(seq)))
                        .append(" → ")
                        .append(field.format(trace.newValue(seq)));
            }
        }
        int cause = trace.cause(seq);
        if (kind == EventKind.WRITE_ACK) {
            sb.append("\ninjected jitter ").append(TimeTicks.millis(trace.arg(seq)));
            if (cause >= 0) {
                sb.append(", ")
                        .append(TimeTicks.millis(trace.timeMicros(seq) - trace.timeMicros(cause)))
                        .append(" after the write was issued");
            }
        } else if (trace.arg(seq) != 0) {
            sb.append("\narg ").append(trace.arg(seq));
        }
        if (cause >= 0) {
            sb.append("\ncause #").append(cause).append(' ').append(trace.kind(cause));
        }
        return sb.toString();
    }

    /** The block's state at time {@code t}: the cache interval around it, and the other bands. */
    static String interval(Trace trace, TimelineModel model, int block, double t) {
        if (model == null || t < trace.startMicros() || t > trace.endMicros()) {
            return null;
        }
        StateSeries cache = model.series(block, Band.CACHE);
        int i = cache.indexAt(t);
        long from = i < 0 ? trace.startMicros() : cache.time(i);
        long to = i + 1 < cache.size() ? cache.time(i + 1) : trace.endMicros();
        int value = i < 0 ? 0 : cache.value(i);
        StringBuilder sb = new StringBuilder("block ").append(block).append("  cache ");
        sb.append(value >= 0 && value < CacheState.values().length ? CacheState.values()[value].name() : "?" + value);
        sb.append("\nfrom ").append(TimeTicks.millis(from)).append(" to ").append(TimeTicks.millis(to));
        sb.append("  (").append(TimeTicks.millis(to - from)).append(')');
        int w = model.series(block, Band.WRITE).valueAt(t);
        sb.append("\nlastWritePending ").append((w & Band.WRITE_PENDING) != 0);
        sb.append(", lock ").append((w & Band.WRITE_LOCKED) != 0 ? "held" : "free");
        int c = model.series(block, Band.COMPACTION).valueAt(t);
        if (c != 0) {
            sb.append("\ncompaction ").append(CompactionState.values()[c]);
        }
        int h = model.series(block, Band.HEALTH).valueAt(t);
        if (h != 0) {
            sb.append("\nhealth ").append(Health.values()[h]);
        }
        if (model.series(block, Band.HAZARD).valueAt(t) != 0) {
            sb.append("\n⚠ cache READY while last write pending");
        }
        return sb.toString();
    }
}
