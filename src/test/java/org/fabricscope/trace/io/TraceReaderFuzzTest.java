package org.fabricscope.trace.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceFormatException;

/**
 * Coverage-guided fuzzing of {@link TraceReader}: whatever the bytes, the reader either returns a
 * trace or throws {@link TraceFormatException}. Any other exception or error escaping is a bug
 * that a user would see as a crash instead of "FILE:LINE: what was wrong".
 *
 * <p>Under {@code mvn verify} this runs once per file in {@code TraceReaderFuzzTestInputs/
 * readerOnlyReturnsATraceOrAFormatError/} (regression mode): valid traces, malformed ones and
 * every crash the fuzzer ever found. {@code JAZZER_FUZZ=1} turns it into a fuzzing run (see
 * README, "Robustness").
 */
class TraceReaderFuzzTest {
    /** Cancels now and then, so the cancel path is fuzzed too; never on the first poll. */
    private static final class SometimesCancelled implements Progress {
        private final int cancelAfterPolls;
        private int polls;

        SometimesCancelled(int cancelAfterPolls) {
            this.cancelAfterPolls = cancelAfterPolls;
        }

        @Override
        public void update(long done, long total) {}

        @Override
        public boolean isCancelled() {
            return cancelAfterPolls > 0 && ++polls >= cancelAfterPolls;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readerOnlyReturnsATraceOrAFormatError(byte[] data) {
        // The last byte chooses cancellation for a few inputs; the whole array is still the file.
        int cancelAfter = data.length > 0 && data[data.length - 1] == (byte) 0xCC ? 2 : 0;
        try {
            TraceReader.read(new ByteArrayInputStream(data), "fuzz.jsonl", data.length, new SometimesCancelled(cancelAfter));
        } catch (TraceFormatException | CancelledException expected) {
            // Refusing a bad file with a located message, or stopping when asked, is the contract.
        }
    }
}
