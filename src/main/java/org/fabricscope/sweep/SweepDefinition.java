package org.fabricscope.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.PrintableText;

/**
 * A parameter sweep: a base scenario, axes ({@code --vary}), patch configurations, base seeds, and
 * what each cell runs: a soak of {@code count} reads ({@link Mode#READS}) or {@code count} attempts
 * ({@link Mode#ATTEMPTS}), once per base seed {@code firstSeed .. firstSeed + seeds - 1}.
 *
 * <p>The grid ({@link #cells()}) is every combination of the axis values, the first axis varying
 * slowest, times the patch configurations, which vary fastest: with axes jitter = 0, 7300 and
 * patches none, all the cells are (0, none), (0, all), (7300, none), (7300, all).
 *
 * <p>Every cell's scenario is built and validated when the definition is made, so a bad
 * combination is refused before any work starts.
 */
public record SweepDefinition(
        Scenario scenario,
        List<Axis> axes,
        List<PatchSwitches> patches,
        long firstSeed,
        int seeds,
        Mode mode,
        long count) {

    /** What each cell runs per base seed. */
    public enum Mode {
        /** A soak: attempts 1, 2, … until at least {@code count} reads are done. */
        READS,
        /** Attempts 1..{@code count}, every one run (the rate needs them all). */
        ATTEMPTS
    }

    /** Most cells in one grid. */
    public static final int MAX_CELLS = 100_000;
    /** Most base seeds. */
    public static final int MAX_SEEDS = 10_000;
    /** Most reads per cell and seed. */
    public static final long MAX_READS = 10_000_000_000L;
    /** Most attempts per cell and seed. */
    public static final long MAX_ATTEMPTS = 100_000_000L;
    /** The {@code format} field of a sweep file. */
    public static final String FORMAT = "fabricscope-sweep";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(1 << 20)
                    .maxNestingDepth(8)
                    .build())
            .build();

    public SweepDefinition {
        axes = List.copyOf(axes);
        patches = List.copyOf(patches);
        if (patches.isEmpty()) {
            throw new SweepException("a sweep needs at least one patch configuration");
        }
        if (new LinkedHashSet<>(patches).size() != patches.size()) {
            throw new SweepException("a patch configuration is listed twice: " + patchesText(patches));
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Axis a : axes) {
            if (!names.add(a.parameter())) {
                throw new SweepException(
                        "--vary " + a.parameter() + " is given twice; put all its values in one --vary");
            }
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new SweepException("--seeds must be between 1 and " + MAX_SEEDS + ", got " + seeds);
        }
        if (mode == Mode.READS && (count < 1 || count > MAX_READS)) {
            throw new SweepException("--reads must be between 1 and " + MAX_READS + ", got " + count);
        }
        if (mode == Mode.ATTEMPTS && (count < 1 || count > MAX_ATTEMPTS)) {
            throw new SweepException("--attempts must be between 1 and " + MAX_ATTEMPTS + ", got " + count);
        }
        long cells = patches.size();
        for (Axis a : axes) {
            cells *= a.values().size();
            if (cells > MAX_CELLS) {
                throw new SweepException("the grid has more than " + MAX_CELLS + " cells; use fewer values or steps");
            }
        }
        if (firstSeed > Long.MAX_VALUE - seeds) {
            throw new SweepException("--seed " + firstSeed + " leaves no room for " + seeds + " seeds");
        }
        for (SweepCell c : expand(axes, patches)) {
            scenarioOf(scenario, c); // refuses a combination the model does not allow, before any work
        }
    }

    /** Every cell of the grid, in order: first axis slowest, patch configurations fastest. */
    public List<SweepCell> cells() {
        return expand(axes, patches);
    }

    /** The number of cells in the grid. */
    public int cellCount() {
        int n = patches.size();
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    /** The base seeds, in order. */
    public List<Long> seedList() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            out.add(firstSeed + i);
        }
        return out;
    }

    /** The scenario a cell runs: the base with the cell's axis values. */
    public Scenario scenarioOf(SweepCell cell) {
        return scenarioOf(scenario, cell);
    }

    private static Scenario scenarioOf(Scenario base, SweepCell cell) {
        Map<String, String> params = new LinkedHashMap<>(base.parameters());
        params.putAll(cell.values());
        try {
            return Scenario.fromParameters(base.name(), params);
        } catch (ScenarioException e) {
            throw new SweepException("the cell " + describe(cell) + " is not a valid scenario: " + e.getMessage());
        }
    }

    /** The cell's values as {@code param=value, …, patch=…}. */
    public static String describe(SweepCell cell) {
        StringBuilder b = new StringBuilder();
        cell.values().forEach((k, v) -> b.append(k).append('=').append(v).append(", "));
        return b.append("patch=").append(cell.patch()).toString();
    }

    private static List<SweepCell> expand(List<Axis> axes, List<PatchSwitches> patches) {
        List<SweepCell> out = new ArrayList<>();
        int[] index = new int[axes.size()];
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                values.put(axes.get(i).parameter(), axes.get(i).values().get(index[i]));
            }
            for (PatchSwitches p : patches) {
                out.add(new SweepCell(out.size(), values, p));
            }
            int i = axes.size() - 1;
            while (i >= 0 && ++index[i] == axes.get(i).values().size()) {
                index[i] = 0;
                i--;
            }
            if (i < 0) {
                return out;
            }
        }
    }

    /**
     * Parses a list of patch configurations: comma-separated words, each {@code none} (legacy),
     * {@code all} (patched), one switch ({@code reorder}, {@code barrier}, {@code backoff}) or
     * switches joined with {@code +} ({@code barrier+backoff}).
     */
    public static List<PatchSwitches> parsePatches(String text) {
        List<PatchSwitches> out = new ArrayList<>();
        for (String word : (text == null ? "" : text).split(",", -1)) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                throw new SweepException("--patch expects a comma list like none,all,reorder,barrier+backoff, got '"
                        + PrintableText.of(String.valueOf(text)) + "'");
            }
            try {
                out.add(PatchSwitches.parse(w.replace('+', ',')));
            } catch (IllegalArgumentException e) {
                throw new SweepException("--patch: " + e.getMessage() + " (join switches of one configuration with +)");
            }
        }
        return out;
    }

    /** The patch configurations as {@link #parsePatches} reads them back. */
    public static String patchesText(List<PatchSwitches> patches) {
        List<String> words = new ArrayList<>();
        for (PatchSwitches p : patches) {
            words.add(p.toString().replace(',', '+'));
        }
        return String.join(",", words);
    }

    // ---- the sweep file ----

    /**
     * This definition as a sweep file: self-contained (every parameter of the base scenario is
     * written), so it runs the same on any machine. {@link #fromJson} reads it back to an equal
     * definition.
     */
    public String toJson() {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            writeJson(g);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON to a string", e);
        }
        return sw + "\n";
    }

    /** Writes this definition as one JSON object (the sweep file's content). */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", 1);
        g.writeStringField("scenario", scenario.name());
        g.writeObjectFieldStart("parameters");
        for (Map.Entry<String, String> e : scenario.parameters().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("vary");
        for (Axis a : axes) {
            g.writeString(a.text());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("patches");
        for (PatchSwitches p : patches) {
            g.writeString(p.toString().replace(',', '+'));
        }
        g.writeEndArray();
        g.writeNumberField("seed", firstSeed);
        g.writeNumberField("seeds", seeds);
        g.writeNumberField(mode == Mode.READS ? "reads" : "attempts", count);
        g.writeEndObject();
    }

    /** Reads a sweep file; errors name the file and line. A relative scenario path is taken from the file's folder. */
    public static SweepDefinition load(Path file) {
        String where = PrintableText.of(file.toString());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((1 << 22) + 1);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SweepException(where + ": no such file");
        } catch (IOException e) {
            throw new SweepException(where + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > 1 << 22) {
            throw new SweepException(where + ": longer than 4 MiB; a sweep file is a small JSON object");
        }
        Path dir = file.toAbsolutePath().getParent();
        return fromJson(new String(bytes, StandardCharsets.UTF_8), where, dir);
    }

    /**
     * Parses a sweep file's text.
     *
     * @param where the file name for messages
     * @param dir where a scenario file named in it is looked for, or null to allow only built-in
     *     scenarios and inline parameters
     */
    public static SweepDefinition fromJson(String text, String where, Path dir) {
        String scenarioName = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> vary = new ArrayList<>();
        List<PatchSwitches> patches = null;
        long seed = 1;
        long seeds = 1;
        Long reads = null;
        Long attempts = null;
        int line = 1;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SweepException(where + ":1: a sweep file holds one JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                line = p.currentLocation().getLineNr();
                switch (field) {
                    case "format":
                        if (!FORMAT.equals(p.getValueAsString())) {
                            throw new SweepException(where + ":" + line + ": format must be \"" + FORMAT + "\"");
                        }
                        break;
                    case "version":
                        if (v != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != 1) {
                            throw new SweepException(where + ":" + line + ": version must be 1");
                        }
                        break;
                    case "scenario":
                        scenarioName = string(p, v, where, field);
                        break;
                    case "parameters":
                        expect(v, JsonToken.START_OBJECT, where, p, field, "an object of name: value");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken pv = p.nextToken();
                            if (!pv.isScalarValue()) {
                                throw new SweepException(at(where, p) + "parameter " + PrintableText.of(k)
                                        + " must be a number, a string or a boolean");
                            }
                            parameters.put(k, p.getText());
                        }
                        break;
                    case "vary":
                        expect(v, JsonToken.START_ARRAY, where, p, field, "an array of \"PARAM=LIST\" strings");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            vary.add(string(p, p.currentToken(), where, field));
                        }
                        break;
                    case "patches":
                        expect(v, JsonToken.START_ARRAY, where, p, field, "an array of patch configurations");
                        List<String> words = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            words.add(string(p, p.currentToken(), where, field));
                        }
                        patches = parsePatches(String.join(",", words));
                        break;
                    case "seed":
                        seed = number(p, v, where, field);
                        break;
                    case "seeds":
                        seeds = number(p, v, where, field);
                        break;
                    case "reads":
                        reads = number(p, v, where, field);
                        break;
                    case "attempts":
                        attempts = number(p, v, where, field);
                        break;
                    default:
                        throw new SweepException(at(where, p) + "unknown field \"" + PrintableText.of(field)
                                + "\" (known: format, version, scenario, parameters, vary, patches, seed, seeds,"
                                + " reads, attempts)");
                }
            }
        } catch (JsonProcessingException e) {
            throw new SweepException(
                    where + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SweepException(where + ": cannot read: " + e.getMessage());
        } catch (SweepException e) {
            throw e.getMessage().startsWith(where) ? e : new SweepException(where + ":" + line + ": " + e.getMessage());
        }
        if (reads != null && attempts != null) {
            throw new SweepException(where + ": give reads or attempts, not both");
        }
        try {
            Scenario base = resolveScenario(scenarioName == null ? "fpre004-repro" : scenarioName, parameters, dir);
            List<Axis> axes = new ArrayList<>();
            for (String a : vary) {
                axes.add(Axis.parse(a, base));
            }
            if (seeds > MAX_SEEDS || seeds < 1) {
                throw new SweepException("seeds must be between 1 and " + MAX_SEEDS + ", got " + seeds);
            }
            return new SweepDefinition(
                    base,
                    axes,
                    patches == null ? List.of(PatchSwitches.NONE) : patches,
                    seed,
                    (int) seeds,
                    attempts != null ? Mode.ATTEMPTS : Mode.READS,
                    attempts != null ? attempts : reads != null ? reads : 100_000);
        } catch (ScenarioException | SweepException e) {
            throw new SweepException(where + ": " + e.getMessage());
        }
    }

    private static Scenario resolveScenario(String name, Map<String, String> parameters, Path dir)
            throws ScenarioException {
        Scenario s;
        if (Scenario.builtInNames().contains(name)) {
            s = Scenario.builtIn(name);
        } else if (!parameters.isEmpty()) {
            return Scenario.fromParameters(name, parameters);
        } else if (dir != null && Files.isRegularFile(dir.resolve(name))) {
            s = Scenario.load(dir.resolve(name));
        } else {
            throw new SweepException("unknown scenario '" + PrintableText.of(name) + "': expected one of "
                    + String.join(", ", Scenario.builtInNames()) + ", a scenario file next to the sweep file, or"
                    + " \"parameters\"");
        }
        Map<String, String> all = new LinkedHashMap<>(s.parameters());
        all.putAll(parameters);
        return Scenario.fromParameters(s.name(), all);
    }

    private static String at(String where, JsonParser p) {
        return where + ":" + p.currentLocation().getLineNr() + ": ";
    }

    private static void expect(JsonToken v, JsonToken want, String where, JsonParser p, String field, String what) {
        if (v != want) {
            throw new SweepException(at(where, p) + field + " must be " + what);
        }
    }

    private static String string(JsonParser p, JsonToken v, String where, String field) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw new SweepException(at(where, p) + field + " must be a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken v, String where, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw new SweepException(at(where, p) + field + " must be a whole number");
        }
        try {
            return p.getLongValue();
        } catch (IOException e) {
            throw new SweepException(at(where, p) + field + " is too large");
        }
    }
}
