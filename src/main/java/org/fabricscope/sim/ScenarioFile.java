package org.fabricscope.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads scenario files with the Jackson streaming parser. Every error names the file and, where the
 * parser knows it, the line: {@code my.json:7: parameter readBurstSize = 0 is out of range ...}.
 */
final class ScenarioFile {
    private static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private ScenarioFile() {}

    static Scenario read(Path file) throws ScenarioException {
        String where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String name = null;
        String base = null;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ScenarioException(at(where, p) + "a scenario file must hold one JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name":
                        name = text(p, where, value, field);
                        break;
                    case "base":
                        base = text(p, where, value, field);
                        break;
                    case "parameters":
                        if (value != JsonToken.START_OBJECT) {
                            throw new ScenarioException(at(where, p) + "\"parameters\" must be an object");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY || v == JsonToken.VALUE_NULL) {
                                throw new ScenarioException(
                                        at(where, p) + "parameter " + key + " must be a number, boolean or string");
                            }
                            values.put(key, p.getText());
                            lines.put(key, p.currentLocation().getLineNr());
                        }
                        break;
                    default:
                        throw new ScenarioException(at(where, p) + "unknown field \"" + field
                                + "\": a scenario file has \"name\", \"base\" and \"parameters\"");
                }
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(where + ": no such file");
        } catch (JsonParseException e) {
            JsonLocation loc = e.getLocation();
            String line = loc == null ? "" : ":" + loc.getLineNr();
            throw new ScenarioException(where + line + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(where + ": cannot read: " + e.getMessage(), e);
        }
        Scenario s;
        if (base == null) {
            try {
                s = Scenario.fromParameters("", Map.of());
            } catch (ScenarioException e) {
                throw new IllegalStateException(e);
            }
        } else {
            try {
                s = Scenario.builtIn(base);
            } catch (ScenarioException e) {
                throw new ScenarioException(where + ": base: " + e.getMessage());
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            try {
                s = s.with(e.getKey(), e.getValue());
            } catch (ScenarioException ex) {
                throw new ScenarioException(where + ":" + lines.get(e.getKey()) + ": " + ex.getMessage());
            }
        }
        String fileName = where.endsWith(".json") ? where.substring(0, where.length() - 5) : where;
        return s.named(name != null ? name : fileName).validated(where);
    }

    private static String text(JsonParser p, String where, JsonToken value, String field)
            throws IOException, ScenarioException {
        if (value != JsonToken.VALUE_STRING) {
            throw new ScenarioException(at(where, p) + "\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    private static String at(String where, JsonParser p) {
        return where + ":" + p.currentLocation().getLineNr() + ": ";
    }
}
