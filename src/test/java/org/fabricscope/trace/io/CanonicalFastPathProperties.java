package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;

/**
 * Reading a file by path (which tries {@link CanonicalTraceReader}'s fast path first) gives
 * exactly what the general reader gives on the same bytes: the same trace, or the same error.
 */
class CanonicalFastPathProperties {
    private static Object outcome(Path file) {
        try {
            return TraceReader.read(file, Progress.NONE);
        } catch (Exception e) {
            return e;
        }
    }

    private static Object general(byte[] bytes, String name) {
        try {
            return TraceReader.read(new ByteArrayInputStream(bytes), name, bytes.length, Progress.NONE);
        } catch (Exception e) {
            return e;
        }
    }

    private static void assertSameOutcome(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("fast-path", ".jsonl");
        try {
            Files.write(file, bytes);
            Object byPath = outcome(file);
            Object byStream = general(bytes, file.toString());
            if (byStream instanceof Trace expected) {
                assertThat(byPath).as(new String(bytes, StandardCharsets.UTF_8)).isInstanceOf(Trace.class);
                TraceRoundTripTest.assertSameTrace((Trace) byPath, expected);
            } else {
                assertThat(byPath).as(new String(bytes, StandardCharsets.UTF_8)).isInstanceOf(Exception.class);
                assertThat(((Exception) byPath).getMessage()).isEqualTo(((Exception) byStream).getMessage());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void writtenTracesLoadTheSameByEitherPath(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 400) int events,
            @ForAll @IntRange(min = 0, max = 40) int blocks,
            @ForAll boolean exotic)
            throws Exception {
        Trace trace = exotic
                ? RandomTraces.generateWithExoticNames(seed, events, blocks)
                : RandomTraces.generate(seed, events, blocks);
        assertSameOutcome(TraceRoundTripTest.bytes(trace));
    }

    @Property(tries = 400)
    void aChangedByteGivesTheSameTraceOrTheSameErrorByEitherPath(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int events,
            @ForAll int where,
            @ForAll @IntRange(min = 0, max = 19) int replacement)
            throws Exception {
        byte[] bytes = TraceRoundTripTest.bytes(RandomTraces.generate(seed, events, 8));
        // Bytes that matter to the format: digits, signs, quotes, separators, letters, line ends.
        byte[] choices = "0159-\":,{}\\ \n\rtfeEx.".getBytes(StandardCharsets.US_ASCII);
        int at = Math.floorMod(where, bytes.length);
        bytes[at] = choices[replacement % choices.length];
        assertSameOutcome(bytes);
    }

    @Property(tries = 100)
    void aDroppedOrDoubledLineGivesTheSameOutcomeByEitherPath(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int events, @ForAll int which, @ForAll boolean drop)
            throws Exception {
        String text =
                new String(TraceRoundTripTest.bytes(RandomTraces.generate(seed, events, 8)), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int i = Math.floorMod(which, lines.length);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            if (k == i && drop) {
                continue;
            }
            b.append(lines[k]);
            if (k < lines.length - 1) {
                b.append('\n');
            }
            if (k == i && !drop) {
                b.append(lines[k]).append('\n');
            }
        }
        assertSameOutcome(b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
