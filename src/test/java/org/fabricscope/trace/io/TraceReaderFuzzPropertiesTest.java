package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.testsupport.RandomTraces;

/** Damaged files are either read or refused with a TraceFormatException, never anything else. */
class TraceReaderFuzzPropertiesTest {
    private static final byte[] GOOD;

    static {
        try {
            GOOD = TraceRoundTripTest.bytes(RandomTraces.generate(17, 300, 6));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void truncationAnywhereButTheFinalNewlineIsRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        int at = cut % (GOOD.length - 1);
        byte[] truncated = Arrays.copyOf(GOOD, at);
        Throwable t = catchThrowable(() -> TraceRoundTripTest.read(truncated));
        assertThat(t).isInstanceOf(org.fabricscope.trace.TraceFormatException.class);
    }

    @Property(tries = 500)
    void corruptedBytesAreReadOrRefusedWithAFormatException(
            @ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll byte value,
            @ForAll @IntRange(min = 1, max = 4) int count) {
        byte[] bad = GOOD.clone();
        for (int i = 0; i < count; i++) {
            bad[(where + i * 7919) % bad.length] = (byte) (value + i);
        }
        Throwable t = catchThrowable(() -> TraceRoundTripTest.read(bad));
        if (t != null) {
            assertThat(t).isInstanceOf(org.fabricscope.trace.TraceFormatException.class);
        }
    }
}
