package org.fabricscope.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Named pipes for tests of inputs and outputs that are not regular files. */
public final class Fifos {
    private Fifos() {}

    /** Makes a FIFO at {@code p} with {@code mkfifo}. */
    public static Path make(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (mk.waitFor() != 0 || !Files.exists(p)) {
            throw new IOException("mkfifo " + p + " failed");
        }
        return p;
    }

    /** Writes {@code bytes} into the FIFO on another thread (the open blocks until a reader comes). */
    public static CompletableFuture<Void> feed(Path fifo, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Reads the FIFO to its end on another thread. */
    public static CompletableFuture<byte[]> drain(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** True when the tests run as root, for whom permission bits do not stop anything. */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
