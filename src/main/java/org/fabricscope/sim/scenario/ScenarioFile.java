package org.fabricscope.sim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
import org.fabricscope.trace.NumberText;

/**
 * Reads scenario files with the Jackson streaming parser. Every error names the file and, where the
 * parser knows it, the line: {@code my.json:7: parameter readBurstSize = 0 is out of range ...}.
 */
final class ScenarioFile {
    /** Longest scenario name: it goes into every trace header, and the header must stay small. */
    static final int MAX_NAME_CHARS = 1_000;
    /** Largest scenario file: every parameter written out takes a few kilobytes. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(MAX_FILE_BYTES)
                    .maxNameLength(1_000)
                    .maxNumberLength(NumberText.MAX_CHARS)
                    .maxNestingDepth(8)
                    .build())
            .build();

    private ScenarioFile() {}

    static Scenario read(Path file) throws ScenarioException {
        String where = org.fabricscope.trace.PrintableText.of(
                file.getFileName() == null
                        ? file.toString()
                        : file.getFileName().toString());
        String name = null;
        String base = null;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        if (Files.isDirectory(file)) {
            throw new ScenarioException(where + ": is a directory, not a scenario file");
        }
        // Read once into memory, bounded: a FIFO or process substitution (<(...)) works too, and a
        // huge or endless stream is refused rather than read to the end.
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(where + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ScenarioException(where + ": cannot read: permission denied");
        } catch (java.nio.file.FileSystemException e) {
            throw new ScenarioException(where + ": cannot read: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new ScenarioException(where + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException(
                    where + ": longer than " + MAX_FILE_BYTES + " bytes; a scenario file is a small JSON object");
        }
        try (JsonParser p = JSON.createParser(bytes)) {
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
                            if (v == JsonToken.START_OBJECT
                                    || v == JsonToken.START_ARRAY
                                    || v == JsonToken.VALUE_NULL) {
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
            if (p.nextToken() != null) {
                throw new ScenarioException(
                        at(where, p) + "content after the scenario object; a scenario file holds one JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String line = loc == null ? "" : ":" + loc.getLineNr();
            throw new ScenarioException(
                    where + line + ": not valid JSON: "
                            + org.fabricscope.trace.PrintableText.of(firstLine(e.getOriginalMessage())),
                    e);
        } catch (IOException e) {
            throw new ScenarioException(where + ": cannot read: " + e.getMessage(), e);
        }
        if (name != null && name.length() > MAX_NAME_CHARS) {
            throw new ScenarioException(where + ": the name is " + name.length()
                    + " characters long; a scenario name has at most " + MAX_NAME_CHARS);
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

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String at(String where, JsonParser p) {
        return where + ":" + p.currentLocation().getLineNr() + ": ";
    }
}
