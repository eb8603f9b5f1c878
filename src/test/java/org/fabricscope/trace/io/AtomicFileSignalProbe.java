package org.fabricscope.trace.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child process for {@link AtomicFileTest}: starts an atomic write of {@code args[0]}, says
 * "writing" on standard output once its temporary file holds data, and then never finishes, until
 * the test sends it SIGTERM.
 */
public final class AtomicFileSignalProbe {
    private AtomicFileSignalProbe() {}

    public static void main(String[] args) throws Exception {
        AtomicFile.write(Path.of(args[0]), false, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                new CountDownLatch(1).await(); // a long write, as of a big trace
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
