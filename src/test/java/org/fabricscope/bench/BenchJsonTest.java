package org.fabricscope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's non-rendering path on tiny sizes: the JSON it prints has every documented
 * field. No timing is asserted (figures on a shared machine are not test material).
 */
class BenchJsonTest {
    private static final List<String> TOP = List.of(
            "schema",
            "quick",
            "cores",
            "max_heap_mb",
            "java",
            "sim_events_per_s",
            "sweep_speedup",
            "sweep_identical",
            "sweep_threads",
            "sweep_attempts",
            "sweep_s_one_thread",
            "sweep_s_all_threads",
            "sweep_cpu_cores_used",
            "load_average",
            "explore_schedules_per_s",
            "explore_reduction",
            "sweep_cells",
            "sweep_cells_per_s",
            "sweep_cells_per_s_spark_local2",
            "sweep_spark_vs_local",
            "sweep_spark_startup_s",
            "sweep_spark_identical",
            "small",
            "large",
            "diff_events",
            "diff_differences",
            "load_both_1m_s",
            "diff_1m_s",
            "diff_vs_load_both",
            "diff_bytes_per_event",
            "diff_bytes_per_event_estimate",
            "single_frame_ms",
            "compare_frame_ms",
            "compare_vs_single_frame",
            "single_frame_ms_fit_all",
            "compare_frame_ms_fit_all",
            "startup_to_first_frame_ms",
            "ratios",
            "goals",
            "total_s");
    private static final List<String> MEASURED = List.of(
            "events",
            "scenario",
            "seed",
            "duration_micros",
            "generate_s",
            "file_mb",
            "file_bytes_per_event",
            "write_mb_per_s",
            "load_mb_per_s",
            "scan_mb_per_s",
            "load_vs_scan",
            "load_events_per_s",
            "cache_write_s",
            "cache_mb",
            "cache_load_s",
            "cache_load_mb_per_s",
            "cache_load_vs_json_load",
            "index_build_s",
            "bytes_per_event",
            "bytes_per_event_estimate",
            "fpre004_events",
            "state_at_step_us",
            "next_fpre004_us");
    private static final List<String> RENDERED = List.of(
            "open_s",
            "open_timeline_ready_s",
            "open_progress_updates",
            "open_progress_monotonic",
            "open_fx_max_stall_ms",
            "open_fx_p99_stall_ms",
            "open_fx_probes",
            "cancel_ms",
            "cancel_keeps_previous",
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
    private static final List<String> RATIOS = List.of(
            "load_vs_scan",
            "frame_fit_all_large_vs_small",
            "frame_zoomed_large_vs_small",
            "frame_scroll_large_vs_small",
            "state_at_step_large_vs_small",
            "next_fpre004_large_vs_small");
    private static final List<String> GOALS = List.of(
            "load_vs_scan_at_least_0_8",
            "bytes_per_event_at_most_40",
            "frames_large_at_most_2x_small",
            "state_at_step_large_at_most_3x_small",
            "next_fpre004_large_at_most_3x_small",
            "sweep_speedup_at_least_1_6",
            "sweep_identical",
            "open_large_responsive",
            "diff_at_most_1_5x_load_both",
            "compare_frame_at_most_2x_single",
            "diff_bytes_per_event_at_most_16");

    @Test
    @SuppressWarnings("unchecked")
    void quickPathWithoutRenderingReportsEveryFieldAndIdenticalSweeps() throws Exception {
        List<String> log = new ArrayList<>();
        Map<String, Object> r = Bench.run(BenchConfig.tinyWithoutRendering(), log::add);

        assertThat(r.keySet()).containsExactlyElementsOf(TOP);
        assertThat((Map<String, Object>) r.get("sim_events_per_s"))
                .containsOnlyKeys("fpre004-repro", "pilot-rack")
                .allSatisfy((k, v) -> assertThat(((Number) v).doubleValue()).isPositive());
        assertThat(r.get("sweep_identical")).isEqualTo(true);
        assertThat(r.get("schema")).isEqualTo(Bench.SCHEMA);
        for (String size : List.of("small", "large")) {
            Map<String, Object> f = (Map<String, Object>) r.get(size);
            assertThat(f.keySet())
                    .containsAll(MEASURED)
                    .containsAll(RENDERED)
                    .hasSize(MEASURED.size() + RENDERED.size());
            for (String k : MEASURED) {
                assertThat(f.get(k)).as(size + "." + k).isNotNull();
            }
            for (String k : RENDERED) {
                assertThat(f.get(k)).as(size + "." + k + " (not rendered)").isNull();
            }
        }
        assertThat(((Number) ((Map<String, Object>) r.get("large")).get("events")).intValue())
                .isGreaterThan(((Number) ((Map<String, Object>) r.get("small")).get("events")).intValue());
        for (String k :
                List.of("diff_events", "diff_differences", "load_both_1m_s", "diff_1m_s", "diff_bytes_per_event")) {
            assertThat(r.get(k)).as(k).isNotNull();
        }
        assertThat(((Number) r.get("diff_differences")).intValue())
                .as("one delayed ACK makes some difference")
                .isPositive();
        assertThat(r.get("compare_frame_ms")).as("not rendered").isNull();
        assertThat(((Map<String, Object>) r.get("ratios")).keySet()).containsExactlyElementsOf(RATIOS);
        assertThat(((Map<String, Object>) r.get("goals")).keySet()).containsExactlyElementsOf(GOALS);
        assertThat(log).isNotEmpty();

        String json = JsonText.write(r);
        int objects = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    objects++;
                }
            }
        }
        assertThat(objects)
                .as("top level, sim speeds, small, large, ratios, goals")
                .isEqualTo(6);
        assertThat(json).startsWith("{").contains("\"sweep_identical\" : true");
    }

    @Test
    void openingCountsAsResponsiveOnlyWhenEveryPartHolds() {
        Map<String, Object> good = new java.util.HashMap<>(Map.of(
                "open_s",
                3.0,
                "open_progress_monotonic",
                true,
                "open_progress_updates",
                400,
                "open_fx_max_stall_ms",
                120.0,
                "open_fx_p99_stall_ms",
                9.0,
                "cancel_keeps_previous",
                true,
                "cancel_ms",
                3.0));
        assertThat(Bench.openResponsive(good)).isTrue();
        for (var bad : List.of(
                Map.entry("open_progress_monotonic", (Object) false),
                Map.entry("open_progress_updates", 3),
                Map.entry("open_fx_max_stall_ms", 900.0),
                Map.entry("open_fx_p99_stall_ms", 80.0),
                Map.entry("cancel_keeps_previous", false),
                Map.entry("cancel_ms", 2_000.0))) {
            Map<String, Object> m = new java.util.HashMap<>(good);
            m.put(bad.getKey(), bad.getValue());
            assertThat(Bench.openResponsive(m)).as(bad.toString()).isFalse();
        }
        Map<String, Object> notMeasured = new java.util.HashMap<>(good);
        notMeasured.put("open_s", null);
        assertThat(Bench.openResponsive(notMeasured)).isNull();
    }

    @Test
    void unknownOptionIsRefusedWithExitCodeTwo() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = Bench.run(new String[] {"--fast"}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--fast'");
        assertThat(out.toString()).isEmpty();
    }
}
