package org.fabricscope.ui.sweeps;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabricscope.trace.io.AtomicFile;

/**
 * Sweep results on disk: a small JSON file ({@code format: "fabricscope-sweep", version 1}: the
 * scenario's parameters, seed, reads per cell, the axes and every cell's figures and latency
 * histogram) that the Sweeps view saves and reopens, and the CSV of each chart's data. Every file
 * is written atomically; a bad file is refused in one line naming it (and the line, for JSON).
 */
public final class SweepFiles {
    public static final String FORMAT = "fabricscope-sweep";
    public static final int VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private SweepFiles() {}

    /** Writes {@code r} to {@code file} atomically (replacing it only when {@code overwrite}). */
    public static void save(SweepResult r, Path file, boolean overwrite) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("scenario", r.scenarioName());
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> e : r.parameters().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("seed", r.seed());
            g.writeNumberField("readsPerCell", r.readsPerCell());
            writeAxis(g, "x", r.x());
            if (r.y() != null) {
                writeAxis(g, "y", r.y());
            }
            g.writeArrayFieldStart("cells");
            for (SweepCell c : r.cells()) {
                g.writeStartObject();
                g.writeNumberField("x", c.x());
                if (!Double.isNaN(c.y())) {
                    g.writeNumberField("y", c.y());
                }
                g.writeStringField("patch", c.side());
                g.writeNumberField("reads", c.reads());
                g.writeNumberField("fpre004", c.fpre004());
                g.writeNumberField("rate", c.rate());
                g.writeNumberField("rateLow", c.rateLow());
                g.writeNumberField("rateHigh", c.rateHigh());
                g.writeNumberField("successRate", c.successRate());
                g.writeNumberField("firstFpre004Attempt", c.firstFpre004Attempt());
                g.writeNumberField("retries", c.retries());
                g.writeNumberField("quarantines", c.quarantines());
                g.writeNumberField("prefetchMeanMicros", c.prefetchMeanMicros());
                g.writeNumberField("prefetchP99Micros", c.prefetchP99Micros());
                g.writeArrayFieldStart("latencyBuckets10us");
                for (long n : c.latencyBuckets()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        bytes.write('\n');
        AtomicFile.write(file, overwrite, out -> out.write(bytes.toByteArray()));
    }

    private static void writeAxis(JsonGenerator g, String name, SweepAxis a) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("parameter", a.parameter());
        g.writeStringField("unit", a.unit());
        g.writeArrayFieldStart("values");
        for (double v : a.values()) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Reads a file written by {@link #save}. @throws IOException one line naming the file and the problem */
    public static SweepResult load(Path file) throws IOException {
        Object root;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = FACTORY.createParser(in)) {
            p.nextToken();
            root = value(p);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        try {
            Map<?, ?> m = map(root, "the file");
            if (!FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("not a FabricScope sweep file (format is not \"" + FORMAT + "\")");
            }
            if (number(m, "version") != VERSION) {
                throw new IllegalArgumentException("sweep file version " + m.get("version") + " is not " + VERSION);
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map(m.get("parameters"), "parameters").entrySet()) {
                params.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
            SweepAxis x = axis(map(m.get("x"), "x"));
            SweepAxis y = m.containsKey("y") ? axis(map(m.get("y"), "y")) : null;
            List<SweepCell> cells = new ArrayList<>();
            for (Object o : list(m.get("cells"), "cells")) {
                Map<?, ?> c = map(o, "a cell");
                List<Long> buckets = new ArrayList<>();
                for (Object b : list(c.get("latencyBuckets10us"), "latencyBuckets10us")) {
                    buckets.add(((Number) b).longValue());
                }
                cells.add(new SweepCell(
                        number(c, "x"),
                        c.containsKey("y") ? number(c, "y") : Double.NaN,
                        "patched".equals(c.get("patch")),
                        (long) number(c, "reads"),
                        (long) number(c, "fpre004"),
                        number(c, "rate"),
                        number(c, "rateLow"),
                        number(c, "rateHigh"),
                        number(c, "successRate"),
                        (int) number(c, "firstFpre004Attempt"),
                        (long) number(c, "retries"),
                        (long) number(c, "quarantines"),
                        number(c, "prefetchMeanMicros"),
                        (long) number(c, "prefetchP99Micros"),
                        buckets));
            }
            return new SweepResult(
                    String.valueOf(m.get("scenario")),
                    params,
                    (long) number(m, "seed"),
                    (long) number(m, "readsPerCell"),
                    x,
                    y,
                    cells);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    private static SweepAxis axis(Map<?, ?> m) {
        List<Double> values = new ArrayList<>();
        for (Object o : list(m.get("values"), "values")) {
            values.add(((Number) o).doubleValue());
        }
        return new SweepAxis(String.valueOf(m.get("parameter")), String.valueOf(m.get("unit")), values);
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    private static List<?> list(Object o, String what) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(what + " is not a JSON array");
    }

    private static double number(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("\"" + key + "\" is missing or not a number");
    }

    /** A JSON value as maps, lists, strings, numbers, booleans and null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalArgumentException("the file is empty");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    // ---- CSV of each chart's data

    /** The heat map's cells of one side: x, y, reads, FPRE004, rate and its interval, success. */
    public static String heatMapCsv(SweepResult r, boolean patched) {
        StringBuilder b = new StringBuilder();
        b.append(r.x().parameter())
                .append(',')
                .append(r.y() == null ? "" : r.y().parameter() + ",")
                .append("patch,reads,fpre004,fpre004_rate,rate_low95,rate_high95,success_rate,"
                        + "first_fpre004_attempt,retries,quarantines,prefetch_mean_us,prefetch_p99_us\n");
        for (SweepCell c : r.cells()) {
            if (c.patched() == patched) {
                row(b, r, c);
            }
        }
        return b.toString();
    }

    /** The line chart's points, legacy then patched, at one y. */
    public static String lineCsv(SweepResult r, double y) {
        StringBuilder b = new StringBuilder();
        b.append(r.x().parameter())
                .append(',')
                .append(r.y() == null ? "" : r.y().parameter() + ",")
                .append("patch,reads,fpre004,fpre004_rate,rate_low95,rate_high95,success_rate,"
                        + "first_fpre004_attempt,retries,quarantines,prefetch_mean_us,prefetch_p99_us\n");
        for (boolean patched : new boolean[] {false, true}) {
            for (SweepCell c : r.line(y, patched)) {
                row(b, r, c);
            }
        }
        return b.toString();
    }

    /** The latency histogram: one row per bin, legacy and patched counts. */
    public static String histogramCsv(LatencyBins bins) {
        StringBuilder b = new StringBuilder("bin_from_ms,bin_to_ms,legacy,patched\n");
        for (int i = 0; i < bins.legacy().length; i++) {
            b.append(String.format(
                    Locale.ROOT,
                    "%.3f,%.3f,%d,%d%n",
                    bins.fromMillis(i),
                    bins.fromMillis(i + 1),
                    bins.legacy()[i],
                    bins.patched()[i]));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, SweepResult r, SweepCell c) {
        b.append(SweepAxis.text(c.x())).append(',');
        if (r.y() != null) {
            b.append(SweepAxis.text(c.y())).append(',');
        }
        b.append(String.format(
                Locale.ROOT,
                "%s,%d,%d,%.8f,%.8f,%.8f,%.8f,%d,%d,%d,%.1f,%d%n",
                c.side(),
                c.reads(),
                c.fpre004(),
                c.rate(),
                c.rateLow(),
                c.rateHigh(),
                c.successRate(),
                c.firstFpre004Attempt(),
                c.retries(),
                c.quarantines(),
                c.prefetchMeanMicros(),
                c.prefetchP99Micros()));
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeText(Path file, String text, boolean overwrite) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }

    /** Writes {@code bytes} (a PNG), atomically. */
    public static void writeBytes(Path file, byte[] bytes, boolean overwrite) throws IOException {
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }
}
