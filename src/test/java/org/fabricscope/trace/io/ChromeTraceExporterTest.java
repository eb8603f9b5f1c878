package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceExporterTest {
    @TempDir
    Path dir;

    private static byte[] export(Trace trace) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceExporter.export(trace, out, Progress.NONE);
        return out.toByteArray();
    }

    /** The traceEvents array, each event's top-level scalars (args flattened under "args."). */
    private static List<Map<String, String>> events(byte[] json) throws IOException {
        List<Map<String, String>> events = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (!key.equals("traceEvents")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> e = new LinkedHashMap<>();
                    read(p, "", e);
                    events.add(e);
                }
            }
            assertThat(p.nextToken()).isNull();
        }
        return events;
    }

    private static void read(JsonParser p, String prefix, Map<String, String> into) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            if (p.nextToken() == JsonToken.START_OBJECT) {
                read(p, key + ".", into);
            } else {
                into.put(key, p.getText());
            }
        }
    }

    @Test
    void everyEventBecomesAnInstantOnItsActorsTrack() throws Exception {
        Trace trace = RandomTraces.generate(8, 3_000, 6);
        List<Map<String, String>> events = events(export(trace));
        List<Map<String, String>> instants =
                events.stream().filter(e -> "i".equals(e.get("ph"))).toList();
        assertThat(instants).hasSize(trace.size());
        for (int seq = 0; seq < trace.size(); seq += 97) {
            Map<String, String> e = instants.get(seq);
            assertThat(e.get("args.seq")).isEqualTo(Integer.toString(seq));
            assertThat(e.get("ts")).isEqualTo(Long.toString(trace.timeMicros(seq)));
            assertThat(e.get("tid")).isEqualTo(Integer.toString(trace.actorId(seq)));
        }
        long actorTracks = events.stream()
                .filter(e -> "thread_name".equals(e.get("name")) && "1".equals(e.get("pid")))
                .count();
        assertThat(actorTracks).isEqualTo(trace.actorCount());
    }

    @Test
    void fpre004IsAClearlyNamedGlobalInstant() throws Exception {
        Trace trace = RandomTraces.generate(8, 3_000, 6);
        List<Map<String, String>> fpre = events(export(trace)).stream()
                .filter(e -> ChromeTraceExporter.FPRE004_NAME.equals(e.get("name")))
                .toList();
        long expected = java.util.stream.IntStream.range(0, trace.size())
                .filter(i -> trace.kind(i) == EventKind.FPRE004)
                .count();
        assertThat(expected).isPositive();
        assertThat(fpre).hasSize((int) expected);
        assertThat(fpre).allSatisfy(e -> {
            assertThat(e.get("s")).isEqualTo("g");
            assertThat(e.get("cat")).isEqualTo("FPRE004");
        });
    }

    @Test
    void cacheStateIntervalsBecomeCompleteSlicesOnTheBlockTrack() throws Exception {
        TraceBuilder b = new TraceBuilder(RandomTraces.header(1, 2, 1, false));
        b.event(100, 1, 0, "p", EventKind.PREFETCH_FILL, Field.CACHE_STATE, 0, CacheState.FILLING.ordinal(), -1, 0);
        b.event(250, 1, 0, "p", EventKind.PREFETCH_READY, Field.CACHE_STATE, 1, CacheState.READY.ordinal(), 0, 0);
        b.event(300, 1, 0, "v", EventKind.VERIFY_CHECK, Field.CACHE_STATE, 2, 2, -1, 0);
        b.event(900, 1, 0, "w", EventKind.CACHE_INVALIDATE, Field.CACHE_STATE, 2, CacheState.INVALID.ordinal(), -1, 0);
        b.event(1000, -1, -1, "c", EventKind.READ_BURST, null, 0, 0, -1, 12);
        List<Map<String, String>> slices = events(export(b.build())).stream()
                .filter(e -> "X".equals(e.get("ph")))
                .toList();
        assertThat(slices)
                .extracting(e -> e.get("name") + "@" + e.get("ts") + "+" + e.get("dur") + " tid " + e.get("tid"))
                .containsExactly(
                        "cache FILLING@100+150 tid 2", "cache READY@250+650 tid 2", "cache INVALID@900+100 tid 2");
    }

    @Test
    void exportIsDeterministicAndWritesAtomicallyToAFile() throws Exception {
        Trace trace = RandomTraces.generateWithExoticNames(4, 1_000, 5);
        Path file = dir.resolve("perfetto.json");
        ChromeTraceExporter.export(trace, file, false, Progress.NONE);
        assertThat(Files.readAllBytes(file)).isEqualTo(export(RandomTraces.generateWithExoticNames(4, 1_000, 5)));
        assertThat(events(Files.readAllBytes(file))).isNotEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
