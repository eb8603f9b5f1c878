package org.fabricscope.testsupport;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceReader;

/**
 * The committed malformed traces under {@code src/test/resources/malformed/}, listed from the
 * directory so that a file added there is exercised by every front end (reader, CLI, GUI) without
 * editing a list. What each file must be refused for is pinned in {@code TraceReaderMalformedTest}.
 */
public final class MalformedCorpus {
    private MalformedCorpus() {}

    /** Every file in the corpus, sorted by name. */
    public static List<Path> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus directory (in target/test-classes). */
    public static Path directory() {
        try {
            return Paths.get(MalformedCorpus.class.getResource("/malformed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the reader says about {@code file}; fails the test if the file is read without error. */
    public static TraceFormatException readerFailure(Path file) {
        Throwable t = catchThrowable(() -> TraceReader.read(file, Progress.NONE));
        if (!(t instanceof TraceFormatException e)) {
            throw new AssertionError(
                    "expected " + file.getFileName() + " to be refused with a TraceFormatException, got " + t, t);
        }
        return e;
    }
}
