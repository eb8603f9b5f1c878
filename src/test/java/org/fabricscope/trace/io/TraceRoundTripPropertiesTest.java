package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Trace;

class TraceRoundTripPropertiesTest {
    @Property(tries = 60)
    void anyValidTraceRoundTripsToIdenticalBytes(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 600) int events,
            @ForAll @IntRange(min = 0, max = 40) int blocks,
            @ForAll boolean exotic)
            throws Exception {
        Trace trace = exotic
                ? RandomTraces.generateWithExoticNames(seed, events, blocks)
                : RandomTraces.generate(seed, events, blocks);
        byte[] first = TraceRoundTripTest.bytes(trace);
        Trace back = TraceRoundTripTest.read(first);
        TraceRoundTripTest.assertSameTrace(back, trace);
        assertThat(TraceRoundTripTest.bytes(back)).isEqualTo(first);
    }
}
