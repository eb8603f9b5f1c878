package org.fabricscope.sim.explore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.PrintableText;

/**
 * The schedule file written beside an explored trace ({@code NAME.schedule.json}): the scenario
 * (name and every parameter), seed, attempt, patch, bounds and the index chosen at each choice
 * point. {@link #replay} re-runs it exactly; see TRACE_FORMAT.md.
 */
public final class ScheduleFile {
    public static final String FORMAT = "fabricscope-schedule";
    public static final int VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    /** One schedule file's content. */
    public record Spec(
            Scenario scenario, long seed, int attempt, PatchSwitches patch, ExploreBounds bounds, int[] choices) {
        /** The explorer this schedule came from (without reduction: a replay needs none). */
        public Explorer explorer() {
            return new Explorer(scenario, seed, attempt, patch, bounds, false);
        }
    }

    private ScheduleFile() {}

    /** Writes atomically (a temporary file moved into place); refuses an existing file. */
    public static void write(Path file, Spec spec, String traceFileName) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(PrintableText.of(file.toString()) + ": file exists");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".schedule", ".tmp");
        try {
            // A temporary file is private (0600); a schedule file is as readable as its trace.
            try {
                Files.setPosixFilePermissions(
                        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Another file system keeps its own defaults.
            }
            try (OutputStream out = Files.newOutputStream(tmp);
                    JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeStringField("scenario", spec.scenario().name());
                g.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> e : spec.scenario().parameters().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("seed", spec.seed());
                g.writeNumberField("attempt", spec.attempt());
                g.writeStringField("patch", spec.patch().toString());
                g.writeNumberField("jitterLevels", spec.bounds().jitterLevels());
                g.writeNumberField("maxChoices", spec.bounds().maxChoices());
                g.writeBooleanField("ties", spec.bounds().ties());
                g.writeArrayFieldStart("choices");
                for (int c : spec.choices()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
                if (traceFileName != null) {
                    g.writeStringField("trace", traceFileName);
                }
                g.writeEndObject();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a schedule file. @throws ScenarioException naming the file and line of a problem */
    public static Spec read(Path file) throws ScenarioException {
        String where = PrintableText.of(String.valueOf(file.getFileName()));
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 1 << 20) {
                throw new ScenarioException(where + ": too large for a schedule file");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ScenarioException(where + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(where + ": cannot read: " + e.getMessage());
        }
        String name = null;
        String format = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        long seed = 1;
        int attempt = 1;
        String patch = "none";
        int levels = 1;
        int maxChoices = Integer.MAX_VALUE;
        boolean ties = true;
        List<Integer> choices = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ScenarioException(where + ":" + p.currentLocation().getLineNr() + ": expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "format" -> format = p.getValueAsString();
                    case "scenario" -> name = p.getValueAsString();
                    case "seed" -> seed = p.getLongValue();
                    case "attempt" -> attempt = p.getIntValue();
                    case "patch" -> patch = p.getValueAsString();
                    case "jitterLevels" -> levels = p.getIntValue();
                    case "maxChoices" -> maxChoices = p.getIntValue();
                    case "ties" -> ties = p.getBooleanValue();
                    case "parameters" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            parameters.put(k, p.getValueAsString());
                        }
                    }
                    case "choices" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            choices.add(p.getIntValue());
                        }
                    }
                    default -> p.skipChildren();
                }
                if (t == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ScenarioException(where + ": not a schedule file: "
                    + PrintableText.of(e.getMessage().lines().findFirst().orElse("")));
        }
        if (!FORMAT.equals(format) || name == null) {
            throw new ScenarioException(where + ": not a schedule file (expected \"format\": \"" + FORMAT + "\")");
        }
        if (attempt < 1) {
            throw new ScenarioException(where + ": attempt must be at least 1, got " + attempt);
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i) < 0) {
                throw new ScenarioException(
                        where + ": choice " + i + " must be an index (at least 0), got " + choices.get(i));
            }
        }
        try {
            int[] c = choices.stream().mapToInt(Integer::intValue).toArray();
            return new Spec(
                    Scenario.fromParameters(name, parameters),
                    seed,
                    attempt,
                    PatchSwitches.parse(patch),
                    new ExploreBounds(levels, maxChoices, Long.MAX_VALUE, ties),
                    c);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(where + ": " + e.getMessage());
        }
    }
}
