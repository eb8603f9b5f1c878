package org.fabricscope.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * The benchmark's one entry point, {@code java -jar fabricscope-bench.jar [--json] [--quick]
 * [--no-frames] [--no-startup]}: generates its own traces with the simulator, measures, and prints
 * one JSON object (with {@code --json}, only that on standard output; progress goes to standard
 * error). Field names are documented in docs/BENCHMARK.md and are stable; see {@link
 * #run(BenchConfig, TraceFigures.Log)}.
 *
 * <p>A first argument naming a focused benchmark runs that one instead and prints its figures as
 * text: {@code sim-speed}, {@code trace-io}, {@code panels}, {@code event-log-filter}.
 */
public final class Bench {
    /** The {@code schema} field: bumped only if a field changes meaning or is removed. */
    public static final String SCHEMA = "fabricscope-bench/1";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !args[0].startsWith("-")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "sim-speed" -> SimulatorSpeedBenchmark.main(rest);
                case "trace-io" -> TraceIoBenchmark.main(rest);
                case "panels" -> PanelsStepBenchmark.main(rest);
                case "event-log-filter" -> EventLogFilterBenchmark.main(rest);
                default -> {
                    System.err.println("bench: unknown benchmark '" + args[0] + "'; try --help");
                    System.exit(2);
                }
            }
            System.exit(0);
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        boolean quick = false;
        boolean frames = true;
        boolean startup = true;
        for (String a : args) {
            switch (a) {
                case "--json":
                    json = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--no-frames":
                    frames = false;
                    break;
                case "--no-startup":
                    startup = false;
                    break;
                case "-h":
                case "--help":
                    out.println(
                            "Usage: java -jar fabricscope-bench.jar [--json] [--quick] [--no-frames] [--no-startup]");
                    out.println(
                            "       java -jar fabricscope-bench.jar sim-speed|trace-io|panels|event-log-filter [ARGS]");
                    out.println("  --json        print only the JSON object on standard output");
                    out.println("  --quick       1 million events instead of 10 million, shorter timings");
                    out.println("  --no-frames   skip the timeline frame times (no JavaFX toolkit)");
                    out.println("  --no-startup  skip start-up to first frame (no child JVM)");
                    out.println("Run the full benchmark with -Xmx6g.");
                    return 0;
                default:
                    err.println("bench: unknown option '" + a + "'; try --help");
                    return 2;
            }
        }
        BenchConfig base = quick ? BenchConfig.quickRun() : BenchConfig.fullRun();
        BenchConfig config = new BenchConfig(
                base.quick(),
                base.smallEvents(),
                base.largeEvents(),
                base.simSeconds(),
                base.sweepAttempts(),
                base.ioRepeats(),
                base.queries(),
                base.frameRepeats(),
                frames,
                startup);
        if (frames) {
            FrameBench.configureHeadless();
        }
        try {
            Map<String, Object> result = run(config, line -> err.println("bench: " + line));
            if (!json) {
                err.println(summary(result));
            }
            out.println(JsonText.write(result));
            return 0;
        } catch (Exception e) {
            err.println("bench: failed: " + e);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                err.println("bench:   caused by: " + c);
            }
            return 1;
        } finally {
            if (frames) {
                FrameBench.shutdown();
            }
        }
    }

    /** Measures everything {@code config} asks for and returns the JSON tree (every field present; null where skipped). */
    public static Map<String, Object> run(BenchConfig config, TraceFigures.Log log) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schema", SCHEMA);
        r.put("quick", config.quick());
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        r.put("java", System.getProperty("java.version"));

        log.say("simulator speed");
        r.put("sim_events_per_s", SimFigures.eventsPerSecond(config.simSeconds()));
        log.say("seed sweep, one thread versus all cores");
        r.putAll(SimFigures.sweepSpeedup(config.sweepAttempts()));
        log.say("bounded exploration, legacy and patched, 8 levels");
        r.putAll(ExploreFigures.measure());
        log.say("parameter sweep, local threads versus Spark local[2]");
        r.putAll(SweepFigures.measure(config.sweepAttempts()));

        Path dir = Files.createTempDirectory("fabricscope-bench");
        try {
            TraceFigures.Measured small =
                    traceFigures(config.smallEvents(), dir, Math.max(config.ioRepeats(), 5), config, log);
            TraceFigures.Measured large = traceFigures(config.largeEvents(), dir, config.ioRepeats(), config, log);
            log.say("random replay queries, both traces taking turns");
            TraceFigures.queries(List.of(small, large), config.queries());
            if (config.frames()) {
                log.say("timeline frames, both traces taking turns");
                List<Map<String, Object>> frames = FrameBench.measure(
                        List.of(
                                new LoadedTrace(null, small.trace, small.index),
                                new LoadedTrace(null, large.trace, large.index)),
                        config.frameRepeats());
                small.figures.putAll(frames.get(0));
                large.figures.putAll(frames.get(1));
            }
            r.put("small", small.figures);
            r.put("large", large.figures);
            log.say("comparing runs: two ~1M-event traces one intervention apart");
            r.putAll(DiffFigures.measure(
                    Math.min(DiffFigures.EVENTS, config.largeEvents()),
                    dir,
                    Math.max(3, config.ioRepeats()),
                    config.frames(),
                    log));
        } finally {
            deleteTree(dir);
        }

        Long startupMs = null;
        if (config.startup()) {
            log.say("start-up to first frame (child JVM)");
            startupMs = StartupFigure.measure(2);
        }
        r.put("startup_to_first_frame_ms", startupMs);
        r.put("ratios", ratios(r));
        r.put("goals", goals(r));
        r.put("total_s", (System.nanoTime() - started) / 1e9);
        return r;
    }

    private static TraceFigures.Measured traceFigures(
            int events, Path dir, int ioRepeats, BenchConfig config, TraceFigures.Log log) throws Exception {
        TraceFigures.Measured m = TraceFigures.measure(events, dir, ioRepeats, log);
        Map<String, Object> f = m.figures;
        for (String k : OPEN_FIELDS) {
            f.put(k, null);
        }
        if (config.frames()) {
            log.say("opening the " + m.trace.size() + "-event file in the main window");
            f.putAll(OpenBench.measure(m.file));
        }
        Files.deleteIfExists(m.file);
        for (String k : FRAME_FIELDS) {
            f.put(k, null);
        }
        return m;
    }

    /** Fields of opening the file in the main window, null when frames are not measured. */
    static final List<String> OPEN_FIELDS = List.of(
            "open_s",
            "open_timeline_ready_s",
            "open_progress_updates",
            "open_progress_monotonic",
            "open_fx_max_stall_ms",
            "open_fx_p99_stall_ms",
            "open_fx_probes",
            "cancel_ms",
            "cancel_keeps_previous");

    /** Frame fields, null when frames are not measured. */
    static final List<String> FRAME_FIELDS = List.of(
            "frame_ms_fit_all",
            "frame_ms_zoomed",
            "frame_ms_scroll",
            "frame_record_ms_fit_all",
            "frame_record_ms_zoomed",
            "frame_record_ms_scroll",
            "frame_width",
            "frame_height",
            "visible_lanes",
            "timeline_index_s");

    /** Ratio name -> the per-trace field it compares, large over small. */
    private static final String[][] SCALING = {
        {"frame_fit_all_large_vs_small", "frame_ms_fit_all"},
        {"frame_zoomed_large_vs_small", "frame_ms_zoomed"},
        {"frame_scroll_large_vs_small", "frame_ms_scroll"},
        {"state_at_step_large_vs_small", "state_at_step_us"},
        {"next_fpre004_large_vs_small", "next_fpre004_us"},
    };

    private static Map<String, Object> ratios(Map<String, Object> r) {
        Map<String, Object> small = figures(r, "small");
        Map<String, Object> large = figures(r, "large");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("load_vs_scan", large.get("load_vs_scan"));
        for (String[] s : SCALING) {
            out.put(s[0], ratio(large.get(s[1]), small.get(s[1])));
        }
        return out;
    }

    private static Map<String, Object> goals(Map<String, Object> r) {
        Map<String, Object> ratios = figures(r, "ratios");
        Map<String, Object> large = figures(r, "large");
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("load_vs_scan_at_least_0_8", atLeast(ratios.get("load_vs_scan"), 0.8));
        g.put("bytes_per_event_at_most_40", atMost(large.get("bytes_per_event"), 40));
        Boolean frames = true;
        for (int i = 0; i < 3; i++) {
            Boolean ok = atMost(ratios.get(SCALING[i][0]), 2);
            frames = ok == null || frames == null ? null : frames && ok;
        }
        g.put("frames_large_at_most_2x_small", frames);
        g.put("state_at_step_large_at_most_3x_small", atMost(ratios.get("state_at_step_large_vs_small"), 3));
        g.put("next_fpre004_large_at_most_3x_small", atMost(ratios.get("next_fpre004_large_vs_small"), 3));
        int cores = (Integer) r.get("cores");
        // The goal is stated for two cores; on one core there is nothing to speed up.
        g.put("sweep_speedup_at_least_1_6", cores < 2 ? null : atLeast(r.get("sweep_speedup"), 1.6));
        g.put("sweep_identical", r.get("sweep_identical"));
        g.put("open_large_responsive", openResponsive(large));
        g.put("diff_at_most_1_5x_load_both", atMost(r.get("diff_vs_load_both"), 1.5));
        g.put("compare_frame_at_most_2x_single", atMost(r.get("compare_vs_single_frame"), 2));
        g.put("diff_bytes_per_event_at_most_16", atMost(r.get("diff_bytes_per_event"), 16));
        return g;
    }

    /**
     * The app opens the large file with a bar that only moves forward, a click never waits more
     * than {@value #MAX_FX_STALL_MS} ms (and 99 % of them under {@value #P99_FX_STALL_MS} ms), and
     * Cancel stops the reading within {@value #MAX_CANCEL_MS} ms keeping the trace that was open.
     * Null when the open was not measured.
     */
    static Boolean openResponsive(Map<String, Object> large) {
        if (large.get("open_s") == null) {
            return null;
        }
        return Boolean.TRUE.equals(large.get("open_progress_monotonic"))
                && ((Number) large.get("open_progress_updates")).intValue() >= 10
                && Boolean.TRUE.equals(atMost(large.get("open_fx_max_stall_ms"), MAX_FX_STALL_MS))
                && Boolean.TRUE.equals(atMost(large.get("open_fx_p99_stall_ms"), P99_FX_STALL_MS))
                && Boolean.TRUE.equals(large.get("cancel_keeps_previous"))
                && Boolean.TRUE.equals(atMost(large.get("cancel_ms"), MAX_CANCEL_MS));
    }

    static final double MAX_FX_STALL_MS = 250;
    static final double P99_FX_STALL_MS = 50;
    static final double MAX_CANCEL_MS = 250;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private static Double ratio(Object a, Object b) {
        if (!(a instanceof Number) || !(b instanceof Number) || ((Number) b).doubleValue() == 0) {
            return null;
        }
        return ((Number) a).doubleValue() / ((Number) b).doubleValue();
    }

    private static Boolean atLeast(Object v, double bound) {
        return v instanceof Number n ? n.doubleValue() >= bound : null;
    }

    private static Boolean atMost(Object v, double bound) {
        return v instanceof Number n ? n.doubleValue() <= bound : null;
    }

    private static String summary(Map<String, Object> r) {
        StringBuilder b = new StringBuilder("bench: goals:");
        figures(r, "goals").forEach((k, v) -> b.append(String.format(Locale.ROOT, "%n  %-40s %s", k, v)));
        return b.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p :
                    s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
