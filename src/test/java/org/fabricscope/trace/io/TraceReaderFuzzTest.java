package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;

/**
 * Coverage-guided fuzzing of {@link TraceReader}: whatever the bytes, the reader either returns a
 * trace or throws {@link TraceFormatException} whose message is one printable line. Any other
 * exception or error escaping is a bug that a user would see as a crash instead of
 * "FILE:LINE: what was wrong".
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
            TraceReader.read(
                    new ByteArrayInputStream(data), "fuzz.jsonl", data.length, new SometimesCancelled(cancelAfter));
        } catch (TraceFormatException refused) {
            // Refusing a bad file is the contract, with a message that prints as one clean line.
            if (refused.getMessage().chars().anyMatch(Character::isISOControl)) {
                throw new AssertionError("control character in the message: "
                        + refused.getMessage().replace("\n", "\\n"));
            }
        } catch (java.io.IOException e) {
            // Bytes in memory cannot fail to be read: an I/O failure here is the reader's bug.
            throw new AssertionError(e);
        } catch (CancelledException stopped) {
            // Stopping when asked is the contract too.
        }
    }

    /**
     * Whatever the reader accepts, the writer can write and the reader reads back as the same
     * trace, and writing that again gives the same bytes: a file that opens can always be saved
     * and reopened. A writer output the reader refuses is a finding too (the exception escapes).
     */
    @FuzzTest(maxDuration = "10m")
    void acceptedTracesSurviveWritingAndReadingBack(byte[] data) throws Exception {
        Trace accepted;
        try {
            accepted = TraceReader.read(new ByteArrayInputStream(data), "fuzz.jsonl", data.length, Progress.NONE);
        } catch (TraceFormatException refused) {
            return; // the first property covers refusals
        }
        byte[] written = TraceRoundTripTest.bytes(accepted);
        Trace back = TraceRoundTripTest.read(written);
        TraceRoundTripTest.assertSameTrace(back, accepted);
        assertThat(TraceRoundTripTest.bytes(back)).isEqualTo(written);
    }
}
