package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * Over traces spanning many snapshot windows and kind buckets, the index's block and kind
 * navigation and its state reconstruction agree with a plain scan.
 */
class LargeTraceLookupProperties {
    @Property(tries = 8)
    void navigationAndStateAgreeWithAScanAcrossWindowsAndBuckets(
            @ForAll long seed,
            @ForAll @IntRange(min = 5_000, max = 30_000) int events,
            @ForAll @IntRange(min = 1, max = 6) int blocks) {
        Trace trace = RandomTraces.generate(seed, events, blocks);
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        int n = trace.size();
        NaiveReplay naive = new NaiveReplay(trace);
        SplittableRandom r = new SplittableRandom(seed);
        for (int q = 0; q < 300; q++) {
            int from = r.nextInt(-1, n + 1);
            int block = r.nextInt(blocks);
            assertThat(index.nextOfBlock(block, from))
                    .as("next of block %d after %d", block, from)
                    .isEqualTo(scanNextOfBlock(trace, block, from));
            assertThat(index.prevOfBlock(block, from))
                    .as("prev of block %d before %d", block, from)
                    .isEqualTo(scanPrevOfBlock(trace, block, from));
            for (EventKind kind : EventKind.values()) {
                assertThat(index.nextOfKind(kind, from))
                        .as("next %s after %d", kind, from)
                        .isEqualTo(scanNextOfKind(trace, kind, from));
                assertThat(index.prevOfKind(kind, from))
                        .as("prev %s before %d", kind, from)
                        .isEqualTo(scanPrevOfKind(trace, kind, from));
            }
            if (n > 0) {
                int step = r.nextInt(n);
                assertThat(index.stateAt(block, step)).isEqualTo(new BlockState(block, naive.stateAt(block, step)));
            }
        }
    }

    private static int scanNextOfBlock(Trace t, int block, int from) {
        for (int s = Math.max(0, from + 1); s < t.size(); s++) {
            if (t.block(s) == block) {
                return s;
            }
        }
        return -1;
    }

    private static int scanPrevOfBlock(Trace t, int block, int from) {
        for (int s = Math.min(from - 1, t.size() - 1); s >= 0; s--) {
            if (t.block(s) == block) {
                return s;
            }
        }
        return -1;
    }

    private static int scanNextOfKind(Trace t, EventKind kind, int from) {
        for (int s = Math.max(0, from + 1); s < t.size(); s++) {
            if (t.kind(s) == kind) {
                return s;
            }
        }
        return -1;
    }

    private static int scanPrevOfKind(Trace t, EventKind kind, int from) {
        for (int s = Math.min(from - 1, t.size() - 1); s >= 0; s--) {
            if (t.kind(s) == kind) {
                return s;
            }
        }
        return -1;
    }
}
