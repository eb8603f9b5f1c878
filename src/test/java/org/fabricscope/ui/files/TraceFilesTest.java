package org.fabricscope.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceCache;
import org.fabricscope.trace.io.TraceCacheSettings;
import org.fabricscope.trace.io.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's file format opens traces through the loader, and so through the cache. */
class TraceFilesTest {
    @TempDir
    Path dir;

    /** The cache writer runs on its own thread; it has started by the time read returns. */
    private static void awaitCacheWriters() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("trace-cache-writer")) {
                t.join();
            }
        }
    }

    @Test
    void openingABigEnoughTraceWritesItsCacheOnAThreadOfItsOwn() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Trace written = RandomTraces.generate(5, 2_000, 8);
        TraceWriter.write(written, file);
        Path cacheDir = dir.resolve("cache");
        TraceFileService files = TraceFiles.jsonl(TraceCacheSettings.in(cacheDir, 0));
        Trace first = files.read(file, Progress.NONE);
        awaitCacheWriters();
        assertThat(new TraceCache(cacheDir).fileFor(file)).isRegularFile();
        Trace second = files.read(file, Progress.NONE);
        assertThat(second.size()).isEqualTo(first.size()).isEqualTo(written.size());
        assertThat(second.timeMicros(second.size() - 1)).isEqualTo(written.timeMicros(written.size() - 1));
    }

    @Test
    void smallTracesGetNoCache() throws Exception {
        Path file = dir.resolve("small.jsonl");
        TraceWriter.write(RandomTraces.generate(6, 500, 4), file);
        TraceFiles.jsonl(TraceCacheSettings.fromOptions(
                        name -> null,
                        java.util.Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString())))
                .read(file, Progress.NONE);
        awaitCacheWriters();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
