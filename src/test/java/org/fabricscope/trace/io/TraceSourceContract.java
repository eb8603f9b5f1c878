package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fabricscope.testsupport.MalformedCorpus;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link TraceSource} contract, run against every implementation by a subclass: the same
 * trace as the general reader for every valid file, the same error for every file of the
 * malformed corpus, I/O failures as one line naming the file (never a format error), rising
 * progress up to the file's size, and cancellation.
 */
abstract class TraceSourceContract {
    @TempDir
    Path dir;

    /** The source under test, with any private state (a cache directory) under {@code dir}. */
    abstract TraceSource source(Path dir);

    /**
     * Loads {@code file} through the source as a user would meet it: for the cache, that is also
     * after an earlier open (which wrote the cache), so the answer from the cache is checked too.
     */
    Trace load(Path file, Progress progress) throws Exception {
        return source(dir).load(file, progress);
    }

    static Stream<Path> malformed() {
        return MalformedCorpus.files().stream();
    }

    static Stream<String> valid() {
        return Stream.of("valid/small.jsonl", "valid/bom.jsonl", "valid/crlf.jsonl", "valid/no-final-newline.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyMalformedFileGivesTheGeneralReadersError(Path file) throws Exception {
        Throwable expected = catchThrowable(() -> TraceReader.general().load(file, Progress.NONE));
        assertThat(expected).isInstanceOf(TraceFormatException.class);
        Throwable actual = catchThrowable(() -> load(file, Progress.NONE));
        assertThat(actual)
                .as("%s", file.getFileName())
                .isExactlyInstanceOf(expected.getClass())
                .hasMessage(expected.getMessage());
        TraceFormatException e = (TraceFormatException) actual;
        assertThat(e.file()).isEqualTo(file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyValidFileGivesTheGeneralReadersTrace(String name) throws Exception {
        Path file = TraceReaderMalformedTest.resource(name);
        TraceCacheFormatTest.assertIdentical(
                load(file, Progress.NONE), TraceReader.general().load(file, Progress.NONE));
    }

    @Test
    void theWritersOwnOutputGivesTheTraceWritten() throws Exception {
        Trace written = RandomTraces.generate(31, 20_000, 24);
        Path file = dir.resolve("traces").resolve("run.jsonl");
        Files.createDirectories(file.getParent());
        TraceWriter.write(written, file);
        TraceCacheFormatTest.assertIdentical(load(file, Progress.NONE), written);
    }

    @Test
    void aMissingFileIsAnIoFailureNamingTheFile() {
        Path file = dir.resolve("gone.jsonl");
        assertThatThrownBy(() -> load(file, Progress.NONE))
                .isInstanceOf(NoSuchFileException.class)
                .isNotInstanceOf(TraceFormatException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void aDirectoryIsAnIoFailureNamingItNotAFormatErrorAtLineZero() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.jsonl"));
        assertThatThrownBy(() -> load(folder, Progress.NONE))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + ": is a directory, not a trace file");
    }

    @Test
    void progressRisesToTheFileSizeAndEnds() throws Exception {
        Path file = dir.resolve("big.jsonl");
        Trace written = RandomTraces.generate(32, 50_000, 16);
        TraceWriter.write(written, file);
        load(file, Progress.NONE); // a cache, where there is one, is made by an earlier open
        List<long[]> updates = new ArrayList<>();
        Trace t = load(file, new Progress() {
            @Override
            public void update(long done, long total) {
                updates.add(new long[] {done, total});
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(t.size()).isEqualTo(written.size());
        assertThat(updates).isNotEmpty();
        long total = updates.get(0)[1];
        assertThat(total).isPositive();
        assertThat(updates).allSatisfy(u -> assertThat(u[1]).isEqualTo(total));
        assertThat(updates.stream().mapToLong(u -> u[0]).toArray()).isSorted();
        assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(total);
    }

    @Test
    void cancellingStopsTheLoadWithCancelledException() throws Exception {
        Path file = dir.resolve("big.jsonl");
        TraceWriter.write(RandomTraces.generate(33, 50_000, 16), file);
        load(file, Progress.NONE);
        int[] updates = {0};
        Progress cancelAfterFirst = new Progress() {
            @Override
            public void update(long d, long total) {
                updates[0]++;
            }

            @Override
            public boolean isCancelled() {
                return updates[0] >= 1;
            }
        };
        assertThatThrownBy(() -> load(file, cancelAfterFirst)).isInstanceOf(CancelledException.class);
    }
}
