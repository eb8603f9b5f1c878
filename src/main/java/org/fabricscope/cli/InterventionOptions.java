package org.fabricscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.SimulationResult;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.Progress;
import picocli.CommandLine.Option;

/**
 * {@code --intervene FILE}, {@code --delay KEY=DURATION}, {@code --advance KEY=DURATION},
 * {@code --drop KEY}, {@code --run-after KEY=OTHERKEY}: the what-if changes of a fork. A KEY is an event identity (16 hex digits, as
 * {@code diff --json} and the window show them) or {@code #STEP}, a step of the run without
 * interventions.
 */
final class InterventionOptions {
    @Option(
            names = "--intervene",
            paramLabel = "FILE",
            description =
                    "Interventions from a JSON file: {\"interventions\":[{\"event\":\"KEY\",\"deltaMicros\":-400},"
                            + " {\"event\":\"KEY\",\"drop\":true}, {\"event\":\"KEY\",\"runAfter\":\"OTHERKEY\"}]}"
                            + " (the trace header's form).")
    Path file;

    @Option(
            names = "--delay",
            paramLabel = "KEY=DURATION",
            description = "Move that event's step later by DURATION (e.g. 400us, 2ms; negative: earlier). Repeatable.")
    List<String> delays = new ArrayList<>();

    @Option(
            names = "--advance",
            paramLabel = "KEY=DURATION",
            description = "Move that event's step earlier by DURATION. Repeatable.")
    List<String> advances = new ArrayList<>();

    @Option(
            names = "--drop",
            paramLabel = "KEY",
            description =
                    "Drop that event: a WRITE_ISSUE (the write), WRITE_ACK (a lost ACK) or PREFETCH_START (the fill)."
                            + " Repeatable.")
    List<String> drops = new ArrayList<>();

    @Option(
            names = "--run-after",
            paramLabel = "KEY=OTHERKEY",
            description = "Reorder: hold that event's step until OTHERKEY's step has run, then run it at that moment"
                    + " (refused if OTHERKEY follows from it). Repeatable.")
    List<String> runAfters = new ArrayList<>();

    boolean any() {
        return file != null || !delays.isEmpty() || !advances.isEmpty() || !drops.isEmpty() || !runAfters.isEmpty();
    }

    /** The interventions in order: the file's, then --delay, --advance, --drop, --run-after. */
    List<Intervention> resolve(Scenario scenario, long seed, int attempt, PatchSwitches patch) throws IOException {
        List<Intervention> out = new ArrayList<>();
        long[][] original = new long[1][];
        KeyResolver keys = text -> {
            String t = text.trim();
            if (t.startsWith("#")) {
                int step;
                try {
                    step = Integer.parseInt(t.substring(1));
                } catch (NumberFormatException e) {
                    throw new UserException("'" + org.fabricscope.trace.NumberText.quote(t)
                            + "' is not a step; use #1234 or a 16-hex-digit key");
                }
                if (original[0] == null) {
                    SimulationResult r = Simulator.run(scenario, seed, attempt, patch, true, Progress.NONE);
                    original[0] = EventIdentity.of(r.trace());
                }
                if (step < 0 || step >= original[0].length) {
                    throw new UserException("step " + step + " is not in the run without interventions (it has "
                            + original[0].length + " events)");
                }
                return original[0][step];
            }
            try {
                return EventIdentity.parse(t);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage() + " or #STEP");
            }
        };
        if (file != null) {
            out.addAll(readFile(file));
        }
        for (String d : delays) {
            out.add(shift(d, 1, keys, "--delay"));
        }
        for (String a : advances) {
            out.add(shift(a, -1, keys, "--advance"));
        }
        for (String k : drops) {
            out.add(Intervention.drop(keys.key(k)));
        }
        for (String r : runAfters) {
            int eq = r.indexOf('=');
            if (eq < 0) {
                throw new UserException("--run-after takes KEY=OTHERKEY, e.g. --run-after #1313=#1400; got '"
                        + org.fabricscope.trace.NumberText.quote(r) + "'");
            }
            long event = keys.key(r.substring(0, eq));
            long after = keys.key(r.substring(eq + 1));
            if (event == after) {
                throw new UserException("--run-after: an event cannot run after itself");
            }
            out.add(Intervention.runAfter(event, after));
        }
        return out;
    }

    @FunctionalInterface
    private interface KeyResolver {
        long key(String text);
    }

    private static Intervention shift(String spec, int sign, KeyResolver keys, String option) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new UserException(option + " takes KEY=DURATION, e.g. " + option + " #1313=400us; got '"
                    + org.fabricscope.trace.NumberText.quote(spec) + "'");
        }
        long micros;
        try {
            micros = sign * Intervention.parseDurationMicros(spec.substring(eq + 1));
        } catch (IllegalArgumentException e) {
            throw new UserException(option + ": " + e.getMessage());
        }
        if (micros == 0) {
            throw new UserException(option + ": a shift of 0 changes nothing");
        }
        return Intervention.shift(keys.key(spec.substring(0, eq)), micros);
    }

    /** The file's interventions; errors name the file and line. */
    static List<Intervention> readFile(Path file) throws IOException {
        String name = PrintableText.of(file.toString());
        if (Files.isDirectory(file)) {
            // Otherwise the read fails with a bare "Is a directory" that names no file.
            throw new UserException(name + ": is a directory; --intervene reads a JSON file of interventions");
        }
        List<Intervention> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                String key = p.nextFieldName();
                if (!"interventions".equals(key)) {
                    throw new UserException(
                            name + ":" + p.currentLocation().getLineNr() + ": expected {\"interventions\":[...]}");
                }
                t = p.nextToken();
            }
            if (t != JsonToken.START_ARRAY) {
                throw new UserException(
                        name + ":" + p.currentLocation().getLineNr()
                                + ": expected an array of {\"event\":\"KEY\",\"deltaMicros\":N} or {\"event\":\"KEY\",\"drop\":true}");
            }
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                Long event = null;
                Long delta = null;
                Long after = null;
                boolean drop = false;
                String key;
                while ((key = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    int line = p.currentLocation().getLineNr();
                    try {
                        switch (key) {
                            case "event" -> event = EventIdentity.parse(p.getValueAsString(""));
                            case "deltaMicros" -> {
                                if (v != JsonToken.VALUE_NUMBER_INT) {
                                    throw new IllegalArgumentException("deltaMicros must be a whole number of µs");
                                }
                                delta = p.getLongValue();
                            }
                            case "drop" -> drop = v == JsonToken.VALUE_TRUE;
                            case "runAfter" -> after = EventIdentity.parse(p.getValueAsString(""));
                            default ->
                                throw new IllegalArgumentException(
                                        "unknown key '" + org.fabricscope.trace.NumberText.quote(key)
                                                + "'; expected event, deltaMicros, drop, runAfter");
                        }
                    } catch (IllegalArgumentException e) {
                        throw new UserException(name + ":" + line + ": " + e.getMessage());
                    }
                }
                int line = p.currentLocation().getLineNr();
                if (after != null) {
                    if (event == null || drop || delta != null || after.equals(event)) {
                        throw new UserException(name + ":" + line + ": a reorder is {\"event\":\"KEY\",\"runAfter\":"
                                + "\"OTHERKEY\"} with two different keys");
                    }
                    out.add(Intervention.runAfter(event, after));
                    continue;
                }
                if (event == null || drop == (delta != null) || (delta != null && delta == 0)) {
                    throw new UserException(
                            name + ":" + line + ": each intervention is {\"event\":\"KEY\",\"deltaMicros\":N}"
                                    + " (N not 0) or {\"event\":\"KEY\",\"drop\":true}");
                }
                out.add(drop ? Intervention.drop(event) : Intervention.shift(event, delta));
            }
            if (t != JsonToken.END_ARRAY) {
                throw new UserException(
                        name + ":" + p.currentLocation().getLineNr() + ": expected an intervention object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + PrintableText.of(e.getOriginalMessage()));
        }
        return out;
    }
}
