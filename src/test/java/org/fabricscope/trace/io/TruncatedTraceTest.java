package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fabricscope.cli.FabricScopeCli;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TruncatedTraceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace cut off mid-file: refused with its count of complete events, whose prefix can be read on request. */
class TruncatedTraceTest {
    @TempDir
    Path dir;

    /** A valid trace of {@code events} events written to a file, and its lines. */
    private List<String> lines(int events) throws Exception {
        Path full = dir.resolve("full.jsonl");
        TraceWriter.write(RandomTraces.generate(7, events, 4), full);
        return Files.readAllLines(full);
    }

    @Test
    void aFileCutInTheMiddleOfALineIsRefusedCountingItsCompleteEventsAndTheCutLine() throws Exception {
        List<String> lines = lines(300);
        // Header (line 1), events 0..99 (lines 2..101), then half of event 100's line.
        String cut =
                String.join("\n", lines.subList(0, 101)) + "\n" + lines.get(101).substring(0, 25);
        Path file = Files.writeString(dir.resolve("cut.jsonl"), cut);

        assertThatThrownBy(() -> TraceReader.read(file, Progress.NONE))
                .isInstanceOfSatisfying(TruncatedTraceException.class, e -> {
                    assertThat(e.completeEvents()).isEqualTo(100);
                    assertThat(e.cutLine()).isEqualTo(102);
                    assertThat(e.getMessage()).startsWith(file + ":102: ");
                });
    }

    @Test
    void aFileEndingAtALineEndWithoutTheEndLineIsRefusedWithNoCutLine() throws Exception {
        List<String> lines = lines(50);
        Path file = Files.writeString(dir.resolve("noend.jsonl"), String.join("\n", lines.subList(0, 21)) + "\n");

        assertThatThrownBy(() -> TraceReader.read(file, Progress.NONE))
                .isInstanceOfSatisfying(TruncatedTraceException.class, e -> {
                    assertThat(e.completeEvents()).isEqualTo(20);
                    assertThat(e.cutLine()).isZero();
                });
    }

    @Test
    void theCompletePrefixHoldsExactlyTheEventsBeforeTheCut() throws Exception {
        List<String> lines = lines(300);
        Path fullFile = dir.resolve("full.jsonl");
        Trace full = TraceReader.read(fullFile, Progress.NONE);
        String cut =
                String.join("\n", lines.subList(0, 101)) + "\n" + lines.get(101).substring(0, 25);
        Path file = Files.writeString(dir.resolve("cut.jsonl"), cut);

        Trace prefix = TraceReader.readCompletePrefix(file, Progress.NONE);

        assertThat(prefix.size()).isEqualTo(100);
        for (int s = 0; s < 100; s++) {
            assertThat(prefix.timeMicros(s)).isEqualTo(full.timeMicros(s));
            assertThat(prefix.kindOrdinal(s)).isEqualTo(full.kindOrdinal(s));
            assertThat(prefix.block(s)).isEqualTo(full.block(s));
        }
    }

    @Test
    void readingThePrefixOfACompleteFileReadsAllOfIt() throws Exception {
        lines(40);
        Path full = dir.resolve("full.jsonl");
        assertThat(TraceReader.readCompletePrefix(full, Progress.NONE).size())
                .isEqualTo(TraceReader.read(full, Progress.NONE).size());
    }

    @Test
    void otherDamageIsStillRefusedWhenReadingThePrefix() throws Exception {
        List<String> lines = lines(30);
        lines.set(5, "{\"seq\": this is not json}");
        Path file = Files.write(dir.resolve("bad.jsonl"), lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TraceReader.readCompletePrefix(file, Progress.NONE))
                .isNotInstanceOf(TruncatedTraceException.class)
                .hasMessageStartingWith(file + ":6");
    }

    @Test
    void validateStillRejectsATruncatedFileWithFileAndLine() throws Exception {
        List<String> lines = lines(100);
        String cut =
                String.join("\n", lines.subList(0, 31)) + "\n" + lines.get(31).substring(0, 30);
        Path file = Files.writeString(dir.resolve("crashed.jsonl"), cut);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("validate", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith(file + ":32: ").contains("truncated");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
