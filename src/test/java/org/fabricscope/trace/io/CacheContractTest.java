package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The binary cache meets the {@link TraceSource} contract both on a first open (no cache yet: it
 * reads through the fast path and writes one) and on the next (the answer comes from the cache).
 */
class CacheContractTest extends TraceSourceContract {
    @Override
    TraceSource source(Path dir) {
        return new TraceCache(TraceCacheSettings.in(dir.resolve("user-cache"), 0), TraceReader.direct(), Runnable::run);
    }

    /** Every load is a second open: the first writes the cache, the one checked reads it. */
    @Override
    Trace load(Path file, Progress progress) throws Exception {
        TraceCache cache = (TraceCache) source(dir);
        try {
            cache.load(file, Progress.NONE);
        } catch (Exception first) {
            // The checked load must fail the same way; it is the one compared.
        }
        return cache.load(file, progress);
    }

    @Test
    void theSecondOpenComesFromTheCache() throws Exception {
        Path file = TraceReaderMalformedTest.resource("valid/small.jsonl");
        TraceCache cache = (TraceCache) source(dir);
        assertThat(cache.open(file, Progress.NONE).fromCache()).isFalse();
        assertThat(cache.open(file, Progress.NONE).fromCache()).isTrue();
    }
}
