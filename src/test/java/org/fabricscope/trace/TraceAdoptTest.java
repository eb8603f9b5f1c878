package org.fabricscope.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link Trace#adopt} takes columns as they are, and refuses any that break a trace's rules. */
class TraceAdoptTest {
    private static final TraceHeader HEADER = new TraceHeader(
            TraceHeader.FORMAT_NAME,
            TraceHeader.FORMAT_VERSION,
            "test",
            "adopt",
            Map.of(),
            1,
            1,
            PatchSwitches.NONE,
            new Topology(2, 1, List.of(new Topology.BlockInfo(0, 0, "f"), new Topology.BlockInfo(1, 0, "f"))));

    /** Three good events, in the chunked form; a test breaks one column and adopts. */
    private static final class Columns {
        String[] actors = {"a", "b"};
        long[] timeBase = {100};
        int[] timeOffset = {0, 5, 5};
        long[] timeWide = null;
        int[] block = {0, 1, -1};
        short[] node = {0, 1, -1};
        short[] actor = {0, 1, 1};
        byte[] kind = {
            (byte) EventKind.BLOCK_INIT.ordinal(),
            (byte) EventKind.BLOCK_INIT.ordinal(),
            (byte) EventKind.FPRE004.ordinal()
        };
        byte[] field = {(byte) Field.VERSION.ordinal(), -1, -1};
        int[] oldValue = {0, 0, 0};
        int[] newValue = {3, 0, 0};
        int[] cause = {-1, 0, 1};
        int[] arg = {0, 0, 7};

        Trace adopt() {
            return Trace.adopt(
                    HEADER,
                    actors,
                    timeBase,
                    timeOffset,
                    timeWide,
                    block,
                    node,
                    actor,
                    kind,
                    field,
                    oldValue,
                    newValue,
                    cause,
                    arg);
        }
    }

    private static Columns with(Consumer<Columns> change) {
        Columns c = new Columns();
        change.accept(c);
        return c;
    }

    @Test
    void goodColumnsMakeTheTraceTheBuilderWouldMake() {
        TraceBuilder b = new TraceBuilder(HEADER);
        b.event(100, 0, 0, "a", EventKind.BLOCK_INIT, Field.VERSION, 0, 3, -1, 0);
        b.event(105, 1, 1, "b", EventKind.BLOCK_INIT, null, 0, 0, 0, 0);
        b.event(105, -1, -1, "b", EventKind.FPRE004, null, 0, 0, 1, 7);
        Trace built = b.build();
        Trace adopted = new Columns().adopt();
        for (int i = 0; i < 3; i++) {
            assertThat(adopted.timeMicros(i)).isEqualTo(built.timeMicros(i));
            assertThat(adopted.actor(i)).isEqualTo(built.actor(i));
            assertThat(adopted.kind(i)).isEqualTo(built.kind(i));
            assertThat(adopted.field(i)).isEqualTo(built.field(i));
            assertThat(adopted.cause(i)).isEqualTo(built.cause(i));
        }
        assertThat(adopted.retainedBytesEstimate()).isEqualTo(built.retainedBytesEstimate());
    }

    @Test
    void wideTimesThatFitAChunkAreChunkedAsTheBuilderWouldChunkThem() {
        Trace wide = with(c -> {
                    c.timeBase = null;
                    c.timeOffset = null;
                    c.timeWide = new long[] {100, 105, 105};
                })
                .adopt();
        assertThat(wide.timeMicros(2)).isEqualTo(105);
        assertThat(wide.retainedBytesEstimate()).isEqualTo(new Columns().adopt().retainedBytesEstimate());
    }

    @Test
    void brokenColumnsAreRefused() {
        List<Consumer<Columns>> breaks = List.of(
                c -> c.timeOffset = new int[] {5, 0, 5},
                c -> c.timeOffset = new int[] {0, 5},
                c -> c.timeBase = new long[] {100, 0},
                c -> c.timeWide = new long[] {1, 2, 3},
                c -> c.block = new int[] {0, 2, -1},
                c -> c.block = new int[] {0, 1, -2},
                c -> c.node = new short[] {0, 2, -1},
                c -> c.actor = new short[] {0, 2, 1},
                c -> c.actor = new short[] {0, -1, 1},
                c -> c.kind = new byte[] {0, 0, (byte) EventKind.count()},
                c -> c.kind = new byte[] {0, 0, -1},
                c -> c.field = new byte[] {(byte) Field.count(), -1, -1},
                c -> c.field = new byte[] {-2, -1, -1},
                c -> c.cause = new int[] {-1, 1, 1},
                c -> c.cause = new int[] {0, 0, 1},
                c -> c.arg = new int[] {0, 0});
        for (int i = 0; i < breaks.size(); i++) {
            Columns c = with(breaks.get(i));
            assertThatThrownBy(c::adopt).as("break %d", i).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
