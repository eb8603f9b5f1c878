package org.fabricscope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes the benchmark's result tree (maps in insertion order, numbers, booleans, strings, null) as JSON. */
final class JsonText {
    private JsonText() {}

    static String write(Map<String, ?> root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            value(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeNull();
            } else {
                g.writeNumber(round(d));
            }
        } else {
            g.writeString(v.toString());
        }
    }

    /** Three significant decimals are plenty for timings and keep the output readable. */
    static double round(double d) {
        if (d == 0) {
            return 0;
        }
        double magnitude = Math.abs(d);
        int decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : 4;
        if (magnitude < 0.01) {
            decimals = 6;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(d * scale) / scale;
    }
}
