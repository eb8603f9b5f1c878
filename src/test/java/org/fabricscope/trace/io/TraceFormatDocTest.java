package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/** The example at the top of TRACE_FORMAT.md is a trace FabricScope opens, written as the writer would. */
class TraceFormatDocTest {
    private static String example() throws Exception {
        String doc = Files.readString(Path.of("TRACE_FORMAT.md"));
        int start = doc.indexOf("```\n") + 4;
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void documentedExampleLoads() throws Exception {
        Trace t = TraceRoundTripTest.read(example().getBytes(StandardCharsets.UTF_8));
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.kind(3)).isEqualTo(EventKind.READ_BURST);
        assertThat(t.arg(3)).isEqualTo(12);
        assertThat(t.header().attempt()).isEqualTo(3);
    }

    @Test
    void documentedExampleIsExactlyWhatTheWriterWrites() throws Exception {
        byte[] example = example().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(TraceRoundTripTest.bytes(TraceRoundTripTest.read(example)), StandardCharsets.UTF_8))
                .isEqualTo(example());
    }
}
