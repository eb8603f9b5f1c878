package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.fabricscope.testsupport.MalformedCorpus;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} on every file of the malformed corpus: exit code 1, one line on stderr that
 * starts with {@code FILE:LINE} (or {@code FILE:} when the problem is the whole file), nothing on
 * stdout and never a stack trace.
 */
class ValidateMalformedCorpusTest {
    static List<Path> corpus() {
        return MalformedCorpus.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void validateRefusesWithOneFileLineMessageAndExitOne(Path file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TraceFormatException expected = MalformedCorpus.readerFailure(file);

        int exit = FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("validate", file.toString());

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_NEGATIVE).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        String position = expected.line() > 0
                ? file + ":" + expected.line() + (expected.column() > 0 ? ":" + expected.column() : "") + ": "
                : file + ": ";
        assertThat(err.toString())
                .startsWith(position)
                .contains(expected.problem())
                .doesNotContain("Exception", "\tat ", "Caused by")
                .endsWith(System.lineSeparator());
        assertThat(err.toString().lines()).as("stderr lines").hasSize(1);
    }

    @Test
    void aDirectoryOrAMissingFileIsOneLineAndExitOneToo() {
        for (Path notATrace :
                List.of(MalformedCorpus.directory(), MalformedCorpus.directory().resolve("no-such.jsonl"))) {
            StringWriter err = new StringWriter();
            int exit = FabricScopeCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                    .execute("validate", notATrace.toString());

            assertThat(exit).as(notATrace.toString()).isEqualTo(1);
            assertThat(err.toString()).startsWith(notATrace + ": ").doesNotContain("Exception", "\tat ");
            assertThat(err.toString().lines()).hasSize(1);
        }
    }
}
