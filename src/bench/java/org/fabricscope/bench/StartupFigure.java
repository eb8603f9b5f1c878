package org.fabricscope.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to first frame: launches the application ({@link FirstFrameApp}: the usual window, no
 * arguments, so it finds and opens the default scenario's reproducer) in a child JVM on headless
 * Monocle, and reads the milliseconds from JVM start to the first drawn timeline frame that the
 * child prints.
 */
final class StartupFigure {
    /** Must match {@link FirstFrameApp#PREFIX}: kept as text so that this class loads no JavaFX. */
    static final String PROBE_PREFIX = "fabricscope-first-frame-ms ";

    /** {@link FirstFrameApp.Main}, named as text for the same reason. */
    static final String FIRST_FRAME_MAIN = "org.fabricscope.bench.FirstFrameApp$Main";

    private StartupFigure() {}

    /** Best of {@code runs} launches (the first pays for cold file caches), in milliseconds. */
    static long measure(int runs) throws IOException, InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, once());
        }
        return best;
    }

    private static long once() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.add("-Dglass.platform=Monocle");
        cmd.add("-Dmonocle.platform=Headless");
        cmd.add("-Dprism.order=sw");
        cmd.add("-Dprism.text=t2k");
        cmd.add("-Dheadless.geometry=1920x1200-32");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FIRST_FRAME_MAIN);
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // A child that never draws must not hang the benchmark.
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(2, TimeUnit.MINUTES)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                },
                "startup-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long ms = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PROBE_PREFIX)) {
                    ms = Long.parseLong(line.substring(PROBE_PREFIX.length()).trim());
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            p.waitFor();
        }
        if (ms < 0) {
            throw new IOException("the application did not report its first frame (exit code " + p.exitValue() + ")");
        }
        return ms;
    }
}
