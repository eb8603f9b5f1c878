package org.fabricscope.sim.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fabricscope.sim.core.IdSet;
import org.fabricscope.sim.core.ModelParameters;
import org.fabricscope.trace.NumberText;

/**
 * A named, validated set of simulator parameters: every parameter of the {@link #catalog()} with a
 * canonical text value, in catalogue order. Immutable; {@link #with} returns a changed copy.
 *
 * <p>Built-ins: {@code fpre004-repro} (the story's emulator reproducer: 7.3 ms ACK jitter,
 * 12-transaction poorly aligned read bursts, compaction running), {@code pilot-rack} (a
 * production-like soak on a larger fabric, with a skewed workload: one hot archive takes a quarter of
 * the read bursts and 40 % of the writes), {@code file-x} (a targeted read loop on file X) and
 * {@code quiet} (no injected faults: no ACK jitter, no media errors, no clock skew).
 *
 * <p>Scenario files are JSON: {@code {"name": "...", "base": "fpre004-repro", "parameters":
 * {"ackJitterMicrosMax": 5000}}}; {@code base} is optional (default: the catalogue defaults), and
 * parameters not named keep the base's values.
 */
public final class Scenario {
    /** The scenario the CLI's commands and the window's launch reproduction use unless told otherwise. */
    public static final String DEFAULT_NAME = "fpre004-repro";

    /**
     * The base seed of the CLI's commands and of the window's launch reproducer: on it the legacy
     * fabric hits FPRE004 after a few attempts, not on the first, so the search itself is part of
     * what the user sees.
     */
    public static final long DEFAULT_SEED = 1L;

    private static final List<String> BUILT_IN_NAMES = List.of(DEFAULT_NAME, "pilot-rack", "file-x", "quiet");

    private final String name;
    private final Map<String, String> parameters;
    /** {@link #parameters} without the operation sets that are at their default (empty). */
    private final Map<String, String> written;

    private Scenario(String name, Map<String, String> parameters) {
        this.name = name;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Map<String, String> w = new LinkedHashMap<>();
        for (ParameterSpec spec : Catalog.SPECS) {
            String v = parameters.get(spec.name());
            if (!(Catalog.omittedAtDefault(spec) && v.equals(Catalog.DEFAULTS.get(spec.name())))) {
                w.put(spec.name(), v);
            }
        }
        this.written = Collections.unmodifiableMap(w);
    }

    /** The built-in scenario names, reproducer first. */
    public static List<String> builtInNames() {
        return BUILT_IN_NAMES;
    }

    /** A built-in scenario. @throws ScenarioException naming the known ones if there is no such */
    public static Scenario builtIn(String name) throws ScenarioException {
        Map<String, String> overrides = new LinkedHashMap<>();
        switch (name) {
            case "fpre004-repro":
                overrides.put("ackJitterMicrosMax", "7300");
                overrides.put("readBurstSize", "12");
                overrides.put("misalignedReadPercent", "100");
                overrides.put("compactionEnabled", "true");
                break;
            case "pilot-rack":
                overrides.put("nodes", "6");
                overrides.put("drivesPerNode", "4");
                overrides.put("archiveCount", "24");
                overrides.put("archiveBlocks", "16");
                overrides.put("durationMicros", "2000000");
                overrides.put("readClients", "4");
                overrides.put("readBurstSize", "8");
                overrides.put("readBurstGapMicrosMean", "2000");
                overrides.put("misalignedReadPercent", "30");
                overrides.put("writeClients", "2");
                overrides.put("writeGapMicrosMean", "25000");
                overrides.put("hotArchiveReadPercent", "25");
                overrides.put("hotArchiveWritePercent", "40");
                overrides.put("ackJitterMicrosMax", "4000");
                overrides.put("compactionIntervalMicros", "5000");
                overrides.put("retryDelayMicros", "800");
                break;
            case "file-x":
                overrides.put("fileXLoop", "true");
                overrides.put("readClients", "1");
                overrides.put("durationMicros", "3000000");
                overrides.put("writeGapMicrosMean", "200000");
                overrides.put("ackJitterMicrosMax", "7300");
                break;
            case "quiet":
                overrides.put("ackJitterMicrosMax", "0");
                overrides.put("mediaErrorsPerMillionBlockReads", "0");
                overrides.put("clockOffsetMicrosMax", "0");
                overrides.put("clockDriftPpmMax", "0");
                break;
            default:
                throw new ScenarioException(
                        "unknown scenario '" + name + "': built-in scenarios are " + String.join(", ", BUILT_IN_NAMES));
        }
        Scenario s = new Scenario(name, Catalog.DEFAULTS);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s.validated(null);
    }

    /** Reads a scenario file. @throws ScenarioException naming the file (and line) of any problem */
    public static Scenario load(Path file) throws ScenarioException {
        return ScenarioFile.read(file);
    }

    /**
     * A scenario from a parameter map, e.g. a trace header's, to re-run it. Parameters missing from
     * the map take the catalogue default.
     */
    public static Scenario fromParameters(String name, Map<String, String> parameters) throws ScenarioException {
        Scenario s = new Scenario(name, Catalog.DEFAULTS);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s.validated(null);
    }

    /** Every parameter: name (unit last), unit, type, range, description; in header order. */
    public static List<ParameterSpec> catalog() {
        return Catalog.SPECS;
    }

    /** The catalogue default of every parameter, in catalogue order. */
    public static Map<String, String> defaults() {
        return Catalog.DEFAULTS;
    }

    public String name() {
        return name;
    }

    /**
     * Every parameter, name to canonical text, in catalogue order, as trace headers and scenario
     * files record them: the workload-operation sets ({@code writesSkipped}, ...) only when not empty,
     * so that scenarios without them write the same headers as before those parameters existed.
     * {@link #get} answers for every parameter.
     */
    public Map<String, String> parameters() {
        return written;
    }

    /** A parameter's canonical text value. @throws IllegalArgumentException for unknown names */
    public String get(String parameter) {
        String v = parameters.get(parameter);
        if (v == null) {
            throw new IllegalArgumentException(unknownMessage(parameter));
        }
        return v;
    }

    /** This scenario under another name. */
    public Scenario named(String newName) {
        return new Scenario(newName, parameters);
    }

    /**
     * A copy with one parameter changed.
     *
     * @throws ScenarioException naming the parameter and its allowed type and range, or the closest
     *     known name for an unknown one
     */
    public Scenario with(String parameter, String value) throws ScenarioException {
        ParameterSpec spec = Catalog.spec(parameter);
        if (spec == null) {
            throw new ScenarioException(unknownMessage(parameter));
        }
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(parameter, canonical(spec, value));
        return new Scenario(name, copy);
    }

    /** Checks constraints between parameters. @param where file prefix for messages, or null */
    Scenario validated(String where) throws ScenarioException {
        for (String[] pair : Catalog.ORDERED_PAIRS) {
            if (Long.parseLong(parameters.get(pair[0])) > Long.parseLong(parameters.get(pair[1]))) {
                throw new ScenarioException((where == null ? "" : where + ": ") + pair[0] + " ("
                        + parameters.get(pair[0]) + ") must not exceed " + pair[1] + " (" + parameters.get(pair[1])
                        + ")");
            }
        }
        return this;
    }

    /**
     * This scenario as a scenario file: its name and every parameter written out (no base), so the
     * file means the same to any later version whose defaults differ. {@link #load} reads it back to
     * an equal scenario.
     */
    public String toFileText() {
        StringBuilder sb = new StringBuilder("{\n  \"name\": ");
        jsonString(sb, name);
        sb.append(",\n  \"parameters\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : written.entrySet()) {
            sb.append(first ? "\n" : ",\n").append("    ");
            first = false;
            jsonString(sb, e.getKey());
            sb.append(": ");
            ParameterSpec spec = Catalog.spec(e.getKey());
            if (spec.type() == ParameterSpec.Type.ID_SET) {
                jsonString(sb, e.getValue());
            } else {
                sb.append(e.getValue());
            }
        }
        return sb.append("\n  }\n}\n").toString();
    }

    private static void jsonString(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** The typed parameters the simulator runs on. */
    public ModelParameters model() {
        return new ModelParameters(
                n -> {
                    String v = get(n);
                    return v.equals("true") ? 1 : v.equals("false") ? 0 : Long.parseLong(v);
                },
                Double.parseDouble(get("mediaErrorsPerMillionBlockReads")),
                n -> {
                    ParameterSpec spec = Catalog.spec(n);
                    return IdSet.parse(get(n), (long) spec.min(), (long) spec.max());
                });
    }

    private static String unknownMessage(String parameter) {
        return "unknown parameter '" + NumberText.quote(parameter) + "' (did you mean '" + Catalog.closest(parameter)
                + "'?)";
    }

    private static String canonical(ParameterSpec spec, String raw) throws ScenarioException {
        if (spec.type() == ParameterSpec.Type.ID_SET) {
            try {
                String set = IdSet.parse(raw == null ? "" : raw, (long) spec.min(), (long) spec.max())
                        .toString();
                if (set.length() > NumberText.MAX_CHARS) {
                    // A trace header records the value as this text, and a reader refuses longer values.
                    throw new ScenarioException("parameter " + spec.name() + " is " + set.length()
                            + " characters long written as ranges; a value has at most " + NumberText.MAX_CHARS
                            + " characters");
                }
                return set;
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("parameter " + spec.name() + " must list numbers or ranges in "
                        + range(spec) + ", e.g. 1-40,42: " + NumberText.quote(e.getMessage()));
            }
        }
        String text = UnitValues.toPlainNumber(spec, raw == null ? "" : raw.trim());
        switch (spec.type()) {
            case BOOLEAN:
                String t = text.toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return t;
                }
                throw new ScenarioException(
                        "parameter " + spec.name() + " must be true or false, not '" + NumberText.quote(text) + "'");
            case INTEGER:
                long v;
                try {
                    v = new BigDecimal(text).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new ScenarioException("parameter " + spec.name() + " must be a whole number in " + range(spec)
                            + ", not '" + NumberText.quote(text) + "'");
                }
                if (v < spec.min() || v > spec.max()) {
                    throw new ScenarioException(
                            "parameter " + spec.name() + " = " + v + " is out of range " + range(spec));
                }
                return Long.toString(v);
            default:
                BigDecimal d;
                try {
                    d = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new ScenarioException("parameter " + spec.name() + " must be a number in " + range(spec)
                            + ", not '" + NumberText.quote(text) + "'");
                }
                if (d.doubleValue() < spec.min() || d.doubleValue() > spec.max()) {
                    throw new ScenarioException(
                            "parameter " + spec.name() + " = " + text + " is out of range " + range(spec));
                }
                String plain = d.stripTrailingZeros().toPlainString();
                if (plain.length() > NumberText.MAX_CHARS) {
                    // A trace header records the value as this text, and a reader refuses longer values.
                    throw new ScenarioException("parameter " + spec.name() + " = " + NumberText.quote(text)
                            + " is " + plain.length() + " digits long written out; a value has at most "
                            + NumberText.MAX_CHARS + " characters");
                }
                return plain;
        }
    }

    static String range(ParameterSpec spec) {
        String unit = spec.unit().isEmpty() ? "" : " " + spec.unit();
        if (spec.type() == ParameterSpec.Type.DECIMAL) {
            return "[" + BigDecimal.valueOf(spec.min()).stripTrailingZeros().toPlainString() + ", "
                    + BigDecimal.valueOf(spec.max()).stripTrailingZeros().toPlainString() + "]" + unit;
        }
        return "[" + (long) spec.min() + ", " + (long) spec.max() + "]" + unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && s.name.equals(name) && s.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + parameters.hashCode();
    }

    @Override
    public String toString() {
        return "Scenario[" + name + "]";
    }
}
