package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large canonical file read by path reports rising progress and stops when cancelled. */
class CanonicalFastPathTest {
    @TempDir
    Path dir;

    @Test
    void readingByPathReportsProgressUpToTheFileSize() throws Exception {
        Path file = dir.resolve("big.jsonl");
        Trace written = RandomTraces.generate(3, 50_000, 16);
        TraceWriter.write(written, file);
        long size = Files.size(file);
        List<Long> done = new ArrayList<>();
        Trace t = TraceReader.read(file, new Progress() {
            @Override
            public void update(long d, long total) {
                assertThat(total).isEqualTo(size);
                done.add(d);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(t.size()).isEqualTo(written.size());
        assertThat(done).hasSizeGreaterThan(5).isSorted();
        assertThat(done.get(done.size() - 1)).isEqualTo(size);
    }

    @Test
    void cancellingAReadByPathStopsItWithCancelledException() throws Exception {
        Path file = dir.resolve("big.jsonl");
        TraceWriter.write(RandomTraces.generate(4, 50_000, 16), file);
        int[] updates = {0};
        Progress cancelAfterTwo = new Progress() {
            @Override
            public void update(long d, long total) {
                updates[0]++;
            }

            @Override
            public boolean isCancelled() {
                return updates[0] >= 2;
            }
        };
        assertThatThrownBy(() -> TraceReader.read(file, cancelAfterTwo)).isInstanceOf(CancelledException.class);
        assertThat(updates[0]).isLessThan(10);
    }
}
