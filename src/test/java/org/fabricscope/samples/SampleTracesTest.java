package org.fabricscope.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fabricscope.cli.FabricScopeCli;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed sample traces are exactly what the simulator writes today (determinism, end to end). */
class SampleTracesTest {
    private static final Path SAMPLES = Path.of("sample-traces");

    static Stream<Arguments> samples() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("samples.txt"))) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            out.add(Arguments.of(words[0], Arrays.copyOfRange(words, 1, words.length)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void regeneratingASampleGivesTheCommittedBytes(String name, String[] args, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("simulate"));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", out.toString()));
        StringWriter err = new StringWriter();
        int exit = FabricScopeCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(command.toArray(String[]::new));

        assertThat(exit).as("simulate exit code; stderr: %s", err).isZero();
        assertThat(Files.mismatch(out, SAMPLES.resolve(name)))
                .as(
                        "%s differs from a fresh run of: simulate %s (regenerate with sample-traces/regenerate.sh "
                                + "only if the change of behaviour is intended)",
                        name, String.join(" ", args))
                .isEqualTo(-1L);
    }

    @Test
    void theLegacySampleReachesFpre004AndThePatchedSampleOfTheSameSeedDoesNot() throws Exception {
        assertThat(countFpre004("fpre004-repro-legacy.jsonl")).isPositive();
        assertThat(countFpre004("fpre004-repro-patched.jsonl")).isZero();
    }

    @Test
    void theFileXSampleFailsOnlyAfterManyGoodReads() throws Exception {
        Trace t = TraceReader.read(SAMPLES.resolve("file-x-legacy.jsonl"), Progress.NONE);
        int goodReadsBeforeFirstFailure = 0;
        boolean failed = false;
        for (int i = 0; i < t.size() && !failed; i++) {
            if (t.kind(i) == EventKind.READ_OK) {
                goodReadsBeforeFirstFailure++;
            } else if (t.kind(i) == EventKind.FPRE004) {
                failed = true;
            }
        }
        assertThat(failed).isTrue();
        assertThat(goodReadsBeforeFirstFailure).isGreaterThan(100);
    }

    private static long countFpre004(String name) throws Exception {
        Trace t = TraceReader.read(SAMPLES.resolve(name), Progress.NONE);
        long n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == EventKind.FPRE004) {
                n++;
            }
        }
        return n;
    }
}
