package org.fabricscope.ui.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.ui.files.TraceFileService;

/**
 * Trace files in memory: a path reads as the trace or throws the exception put for it; a path
 * marked slow blocks until released or cancelled (the task interrupts it), so that tests can
 * cancel a load that is still running.
 */
public final class FakeTraceFiles implements TraceFileService {
    private final Map<Path, Trace> traces = new HashMap<>();
    private final Map<Path, Exception> failures = new HashMap<>();
    private final Map<Path, CountDownLatch> gates = new HashMap<>();
    public final CountDownLatch slowReadStarted = new CountDownLatch(1);
    public final List<Path> written = new ArrayList<>();

    public synchronized void put(Path p, Trace t) {
        traces.put(p.toAbsolutePath().normalize(), t);
    }

    public synchronized void fail(Path p, Exception e) {
        failures.put(p.toAbsolutePath().normalize(), e);
    }

    /** Reading {@code p} waits until {@link #release} (or until the task is cancelled). */
    public synchronized CountDownLatch slow(Path p) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(p.toAbsolutePath().normalize(), gate);
        return gate;
    }

    @Override
    public Trace read(Path file, Progress progress) throws IOException, TraceFormatException {
        CountDownLatch gate;
        Trace trace;
        Exception failure;
        synchronized (this) {
            gate = gates.get(file);
            trace = traces.get(file);
            failure = failures.get(file);
        }
        if (gate != null) {
            slowReadStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.checkCancelled();
                throw new IOException("interrupted", e);
            }
        }
        if (failure instanceof TraceFormatException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (trace == null) {
            // As the real loader reports it: an I/O failure naming the file, not a format error.
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
        }
        // Like a real reader: progress through the file, then done.
        for (int k = 1; k <= 10; k++) {
            progress.checkCancelled();
            progress.update(k, 10);
        }
        return trace;
    }

    public final List<Path> exported = new ArrayList<>();

    @Override
    public synchronized void exportChromeTrace(Trace trace, Path file, Progress progress) {
        exported.add(file);
    }

    @Override
    public synchronized void write(Trace trace, Path file, Progress progress) {
        written.add(file);
        traces.put(file, trace);
    }
}
