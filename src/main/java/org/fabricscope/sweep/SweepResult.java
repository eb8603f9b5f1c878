package org.fabricscope.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.PrintableText;

/**
 * A sweep's result: its definition and one {@link CellResult} per cell, in grid order.
 *
 * <p>CSV ({@link #toCsv}): a header, then one row per cell. Columns, in this order: {@code cell}
 * (0-based index), one column per axis named after its parameter (canonical value in the
 * parameter's unit, as {@code --set} stores it), then the {@link #METRIC_COLUMNS}. Numbers are
 * written in plain decimal with at most 10 significant digits; an undefined value (no FPRE004 in
 * any seed) is an empty field. Lines end with {@code \n}.
 *
 * <p>JSON ({@link #toJson}): {@code {"format": "fabricscope-sweep-result", "version": 1,
 * "definition": {sweep file}, "columns": [...], "cells": [{"cell": 0, "values": {param: value},
 * "patch": "none", metric columns..., "prefetch_latency_histogram": {"bucket_us": 10, "sum_us": S,
 * "counts": [...]}}]}}; undefined values are null. {@link #load} reads it back.
 *
 * <p>{@code first_fpre004_seed}, {@code first_fpre004_attempt} and {@code first_fpre004_event} name
 * each cell's first failing attempt (the first base seed with one, its lowest attempt, and the
 * event sequence number of that attempt's first FPRE004): the cell's scenario and patch with that
 * seed and attempt re-run it event for event. They are null when no attempt failed. A file written
 * before they existed lacks them; it still loads, with {@link CellResult#NOT_RECORDED}, and writing
 * it again leaves them absent.
 */
public record SweepResult(SweepDefinition definition, List<CellResult> cells) {
    /** The metric columns of the CSV and of each JSON cell, after the axis columns; stable. */
    public static final List<String> METRIC_COLUMNS = List.of(
            "patch",
            "attempts",
            "attempts_with_fpre004",
            "fpre004_rate",
            "fpre004_rate_low95",
            "fpre004_rate_high95",
            "fpre004",
            "reads",
            "reads_ok",
            "success_rate",
            "seeds_with_fpre004",
            "attempts_to_first_fpre004_mean",
            "first_fpre004_seed",
            "first_fpre004_attempt",
            "first_fpre004_event",
            "retries",
            "quarantines",
            "prefetch_latency_mean_us",
            "prefetch_latency_p99_us");

    /** The {@code format} field of a result JSON file. */
    public static final String FORMAT = "fabricscope-sweep-result";

    private static final JsonFactory JSON = new JsonFactory();

    public SweepResult {
        cells = List.copyOf(cells);
    }

    /** Every CSV column, in order: cell, the axis parameters, then {@link #METRIC_COLUMNS}. */
    public List<String> columns() {
        List<String> c = new ArrayList<>();
        c.add("cell");
        for (Axis a : definition.axes()) {
            c.add(a.parameter());
        }
        c.addAll(METRIC_COLUMNS);
        return c;
    }

    /** The result of the cell with this index. */
    public CellResult cell(int index) {
        return cells.get(index);
    }

    /** The CSV text (see the class comment). */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns())).append('\n');
        for (CellResult r : cells) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(r.cell().index()));
            row.addAll(r.cell().values().values());
            row.addAll(metricTexts(r));
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }

    private static List<String> metricTexts(CellResult r) {
        return List.of(
                r.cell().patch().toString().replace(',', '+'),
                Long.toString(r.attempts()),
                Long.toString(r.attemptsWithFpre004()),
                number(r.fpre004Rate()),
                number(r.fpre004RateLow()),
                number(r.fpre004RateHigh()),
                Long.toString(r.fpre004()),
                Long.toString(r.reads()),
                Long.toString(r.readsOk()),
                number(r.successRate()),
                Integer.toString(r.seedsWithFpre004()),
                number(r.attemptsToFirstFpre004Mean()),
                r.firstFpre004Seed() < 0 ? "" : Long.toString(r.firstFpre004Seed()),
                r.firstFpre004Attempt() < 0 ? "" : Integer.toString(r.firstFpre004Attempt()),
                r.firstFpre004Seq() < 0 ? "" : Integer.toString(r.firstFpre004Seq()),
                Long.toString(r.retries()),
                Long.toString(r.quarantines()),
                number(r.prefetchLatencyMeanMicros()),
                Long.toString(r.prefetchLatencyP99Micros()));
    }

    /**
     * A number as the files write it: plain decimal, at most 10 significant digits, rounded half
     * even from the double's exact value, so it is the same text on every JVM; empty for NaN.
     */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(10, RoundingMode.HALF_EVEN));
        return d.stripTrailingZeros().toPlainString();
    }

    /** The JSON text (see the class comment), pretty-printed, ending with a newline. */
    public String toJson() {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeFieldName("definition");
            definition.writeJson(g);
            g.writeArrayFieldStart("columns");
            for (String c : columns()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cells");
            for (CellResult r : cells) {
                g.writeStartObject();
                g.writeNumberField("cell", r.cell().index());
                g.writeObjectFieldStart("values");
                for (Map.Entry<String, String> e : r.cell().values().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                List<String> texts = metricTexts(r);
                g.writeStringField("patch", texts.get(0));
                for (int i = 1; i < texts.size(); i++) {
                    if (notRecorded(r, METRIC_COLUMNS.get(i))) {
                        continue; // read from an older file without it: stays absent, not "none"
                    }
                    g.writeFieldName(METRIC_COLUMNS.get(i));
                    if (texts.get(i).isEmpty()) {
                        g.writeNull();
                    } else {
                        g.writeNumber(texts.get(i));
                    }
                }
                g.writeObjectFieldStart("prefetch_latency_histogram");
                g.writeNumberField("bucket_us", LatencyCounts.bucketMicros());
                g.writeNumberField("sum_us", r.prefetchLatency().sumMicros());
                g.writeArrayFieldStart("counts");
                for (long c : r.prefetchLatency().counts()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to a string", e);
        }
        return sw + "\n";
    }

    /** Whether {@code column} is a first-failing-attempt field an older file did not have. */
    private static boolean notRecorded(CellResult r, String column) {
        return switch (column) {
            case "first_fpre004_seed" -> r.firstFpre004Seed() == CellResult.NOT_RECORDED;
            case "first_fpre004_attempt" -> r.firstFpre004Attempt() == CellResult.NOT_RECORDED;
            case "first_fpre004_event" -> r.firstFpre004Seq() == CellResult.NOT_RECORDED;
            default -> false;
        };
    }

    /** Reads a result JSON file written by {@link #toJson} (to show a saved sweep again without re-running it). */
    public static SweepResult load(Path file) {
        String where = PrintableText.of(file.toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SweepException(where + ": no such file");
        } catch (IOException e) {
            throw new SweepException(where + ": cannot read: " + e.getMessage());
        }
        return fromJson(text, where);
    }

    /** Parses the text of a result JSON file; errors name {@code where} and the line. */
    public static SweepResult fromJson(String text, String where) {
        SweepDefinition def = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SweepException(where + ":1: a sweep result holds one JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format":
                        if (!FORMAT.equals(p.getValueAsString())) {
                            throw new SweepException(
                                    where + ":" + p.currentLocation().getLineNr()
                                            + ": not a sweep result (format must be \"" + FORMAT + "\")");
                        }
                        break;
                    case "definition":
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        def = SweepDefinition.fromJson(text.substring(start, end), where, null);
                        break;
                    case "cells":
                        if (v != JsonToken.START_ARRAY) {
                            throw new SweepException(where + ": cells must be an array");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            rows.add(readCell(p));
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new SweepException(
                    where + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SweepException(where + ": cannot read: " + e.getMessage());
        }
        if (def == null) {
            throw new SweepException(where + ": no definition");
        }
        List<SweepCell> cells = def.cells();
        if (rows.size() != cells.size()) {
            throw new SweepException(where + ": " + rows.size() + " cells, but the definition has " + cells.size());
        }
        List<CellResult> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> m = rows.get(i);
            try {
                out.add(new CellResult(
                        cells.get(i),
                        l(m, "attempts"),
                        l(m, "attempts_with_fpre004"),
                        d(m, "fpre004_rate"),
                        d(m, "fpre004_rate_low95"),
                        d(m, "fpre004_rate_high95"),
                        l(m, "fpre004"),
                        l(m, "reads"),
                        l(m, "reads_ok"),
                        d(m, "success_rate"),
                        (int) l(m, "seeds_with_fpre004"),
                        d(m, "attempts_to_first_fpre004_mean"),
                        firstFpre004(m, "first_fpre004_seed"),
                        (int) firstFpre004(m, "first_fpre004_attempt"),
                        (int) firstFpre004(m, "first_fpre004_event"),
                        l(m, "retries"),
                        l(m, "quarantines"),
                        d(m, "prefetch_latency_mean_us"),
                        l(m, "prefetch_latency_p99_us"),
                        (LatencyCounts) m.getOrDefault("histogram", LatencyCounts.EMPTY)));
            } catch (RuntimeException e) {
                throw new SweepException(where + ": cell " + i + ": " + e.getMessage());
            }
        }
        return new SweepResult(def, out);
    }

    private static Map<String, Object> readCell(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (k.equals("prefetch_latency_histogram") && v == JsonToken.START_OBJECT) {
                long sum = 0;
                List<Long> counts = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String hk = p.currentName();
                    JsonToken hv = p.nextToken();
                    if (hk.equals("sum_us")) {
                        sum = p.getLongValue();
                    } else if (hk.equals("counts") && hv == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            counts.add(p.getLongValue());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                long[] c = new long[counts.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = counts.get(i);
                }
                m.put("histogram", LatencyCounts.of(c, sum));
            } else if (v.isNumeric()) {
                m.put(k, p.getDecimalValue());
            } else if (v == JsonToken.VALUE_NULL) {
                m.put(k, null);
            } else {
                p.skipChildren();
            }
        }
        return m;
    }

    /** -1 for null (none raised), {@link CellResult#NOT_RECORDED} for absent (an older file). */
    private static long firstFpre004(Map<String, Object> m, String k) {
        if (!m.containsKey(k)) {
            return CellResult.NOT_RECORDED;
        }
        return m.get(k) == null ? -1 : l(m, k);
    }

    private static long l(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof BigDecimal b)) {
            throw new IllegalArgumentException(k + " missing");
        }
        return b.longValueExact();
    }

    private static double d(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof BigDecimal b ? b.doubleValue() : Double.NaN;
    }

    /** A cell by its patch and axis values, or null: e.g. for charts that pair legacy and patched. */
    public CellResult find(Map<String, String> values, PatchSwitches patch) {
        for (CellResult r : cells) {
            if (r.cell().patch().equals(patch) && r.cell().values().equals(values)) {
                return r;
            }
        }
        return null;
    }
}
