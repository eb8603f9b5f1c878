package org.fabricscope.trace.io;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.ExploredSchedule;
import org.fabricscope.trace.Intervention;
import org.fabricscope.trace.NumberText;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;

/** Reads and checks line 1 of a trace file, the header (see {@code TRACE_FORMAT.md}). */
final class HeaderReader {
    private static final int MISSING = Integer.MIN_VALUE;
    private static final String HEADER_KEYS =
            "format, version, simulatorVersion, scenario, parameters, seed, attempt, patch, topology";

    private HeaderReader() {}

    /**
     * Reads the header object, which must be the file's first JSON value and on one line.
     *
     * @throws TraceFormatException naming what is missing, mistyped or unknown
     */
    static TraceHeader read(JsonCursor c) throws IOException, TraceFormatException {
        JsonToken tok = c.p.nextToken();
        if (tok == null) {
            throw new TraceFormatException(
                    c.file,
                    1,
                    0,
                    "the file has no JSON in it; expected a header line {\"format\":\"fabricscope-trace\",...}");
        }
        int line = c.p.currentTokenLocation().getLineNr();
        if (tok != JsonToken.START_OBJECT) {
            throw c.failHere("the first line must be the header object {\"format\":\"fabricscope-trace\",...}, found "
                    + c.describe(tok));
        }
        String format = null;
        int version = MISSING;
        String simulatorVersion = null;
        String scenario = null;
        Map<String, String> parameters = null;
        Long seed = null;
        int attempt = MISSING;
        PatchSwitches patch = null;
        Topology topology = null;
        List<Intervention> interventions = List.of();
        ExploredSchedule schedule = null;
        String key;
        List<String> seen = new ArrayList<>();
        while ((key = c.p.nextFieldName()) != null) {
            checkSize(c);
            if (seen.contains(key)) {
                throw c.failHere("key '" + JsonCursor.shorten(key) + "' appears twice in the header");
            }
            seen.add(key);
            switch (key) {
                case TraceFormat.K_FORMAT:
                    format = c.readString(key);
                    if (!format.equals(TraceFormat.FORMAT_NAME)) {
                        throw c.failHere("not a FabricScope trace: format is '" + format + "', expected '"
                                + TraceFormat.FORMAT_NAME + "'");
                    }
                    break;
                case TraceFormat.K_VERSION:
                    version = c.readInt(key);
                    if (version != TraceFormat.VERSION) {
                        throw c.failHere("trace format version " + version
                                + " is not supported; this FabricScope reads version " + TraceFormat.VERSION);
                    }
                    break;
                case TraceFormat.K_SIMULATOR_VERSION:
                    simulatorVersion = c.readString(key);
                    break;
                case TraceFormat.K_SCENARIO:
                    scenario = c.readString(key);
                    break;
                case TraceFormat.K_PARAMETERS:
                    parameters = readParameters(c);
                    break;
                case TraceFormat.K_SEED:
                    seed = c.readLong(key);
                    break;
                case TraceFormat.K_ATTEMPT:
                    attempt = c.readInt(key);
                    break;
                case TraceFormat.K_PATCH:
                    patch = readPatch(c);
                    break;
                case TraceFormat.K_TOPOLOGY:
                    topology = readTopology(c);
                    break;
                case TraceFormat.K_INTERVENTIONS:
                    interventions = readInterventions(c);
                    break;
                case TraceFormat.K_SCHEDULE:
                    schedule = readSchedule(c);
                    break;
                case TraceFormat.K_SEQ:
                case TraceFormat.K_T:
                case TraceFormat.K_KIND:
                case TraceFormat.K_ACTOR:
                    throw new TraceFormatException(
                            c.file,
                            line,
                            0,
                            "line 1 is an event, but a trace starts with a header line "
                                    + org.fabricscope.trace.TraceHeader.HEADER_START);
                default:
                    throw c.failHere(
                            "unknown header key '" + JsonCursor.shorten(key) + "'; the header has " + HEADER_KEYS);
            }
        }
        checkSize(c);
        c.requireSameLine(line, "the header");
        String missing = firstMissing(
                new Object[] {
                    format,
                    version == MISSING ? null : version,
                    simulatorVersion,
                    scenario,
                    parameters,
                    seed,
                    attempt == MISSING ? null : attempt,
                    patch,
                    topology
                },
                HEADER_KEYS);
        if (missing != null) {
            throw new TraceFormatException(
                    c.file, line, 0, "the header lacks '" + missing + "'; a header has " + HEADER_KEYS);
        }
        return new TraceHeader(
                format,
                version,
                simulatorVersion,
                scenario,
                parameters,
                seed,
                attempt,
                patch,
                topology,
                interventions,
                schedule);
    }

    private static final String SCHEDULE_FORM =
            "{\"jitterLevels\":1..64,\"maxChoices\":n,\"ties\":true|false,\"choices\":[n,...]}";

    private static ExploredSchedule readSchedule(JsonCursor c) throws IOException, TraceFormatException {
        c.expect(JsonToken.START_OBJECT, "schedule must be an object " + SCHEDULE_FORM);
        int levels = MISSING;
        int maxChoices = MISSING;
        Boolean ties = null;
        int[] choices = null;
        String key;
        List<String> seen = new ArrayList<>();
        while ((key = c.p.nextFieldName()) != null) {
            if (seen.contains(key)) {
                throw c.failHere("key '" + JsonCursor.shorten(key) + "' appears twice in the schedule");
            }
            seen.add(key);
            switch (key) {
                case "jitterLevels":
                    levels = c.readIntInRange(key, 1, 64);
                    break;
                case "maxChoices":
                    maxChoices = c.readIntInRange(key, 0, Integer.MAX_VALUE);
                    break;
                case "ties":
                    ties = c.readBool(key, ties);
                    break;
                case "choices":
                    if (choices != null) {
                        throw c.failHere("key 'choices' appears twice in the schedule");
                    }
                    c.expect(JsonToken.START_ARRAY, "schedule choices must be an array of indexes");
                    int[] buf = new int[16];
                    int n = 0;
                    while (c.p.nextToken() != JsonToken.END_ARRAY) {
                        if (n == ExploredSchedule.MAX_CHOICES) {
                            throw c.failHere("a schedule holds at most " + ExploredSchedule.MAX_CHOICES + " choices");
                        }
                        if (c.p.currentToken() != JsonToken.VALUE_NUMBER_INT
                                || c.p.getNumberType() != com.fasterxml.jackson.core.JsonParser.NumberType.INT
                                || c.p.getIntValue() < 0) {
                            throw c.failHere("schedule choice " + n + " must be an index (a whole number >= 0), found "
                                    + c.describe(c.p.currentToken()));
                        }
                        if (n == buf.length) {
                            buf = java.util.Arrays.copyOf(buf, n * 2);
                        }
                        buf[n++] = c.p.getIntValue();
                    }
                    choices = java.util.Arrays.copyOf(buf, n);
                    break;
                default:
                    throw c.failHere(
                            "unknown schedule key '" + JsonCursor.shorten(key) + "'; expected " + SCHEDULE_FORM);
            }
        }
        if (levels == MISSING || maxChoices == MISSING || ties == null || choices == null) {
            throw c.failHere("schedule must be " + SCHEDULE_FORM);
        }
        return new ExploredSchedule(levels, maxChoices, ties, choices);
    }

    private static final String INTERVENTION_FORM =
            "{\"event\":\"16 hex digits\",\"deltaMicros\":n}, {\"event\":\"16 hex digits\",\"drop\":true} or"
                    + " {\"event\":\"16 hex digits\",\"runAfter\":\"16 hex digits\"}";

    private static List<Intervention> readInterventions(JsonCursor c) throws IOException, TraceFormatException {
        c.expect(JsonToken.START_ARRAY, "interventions must be an array of " + INTERVENTION_FORM);
        List<Intervention> out = new ArrayList<>();
        JsonToken tok;
        while ((tok = c.p.nextToken()) != JsonToken.END_ARRAY) {
            if (tok != JsonToken.START_OBJECT) {
                throw c.failHere("intervention " + out.size() + " must be an object " + INTERVENTION_FORM + ", found "
                        + c.describe(tok));
            }
            if (out.size() == TraceFormat.MAX_INTERVENTIONS) {
                throw c.failHere("more than " + TraceFormat.MAX_INTERVENTIONS + " interventions");
            }
            Long event = null;
            Long delta = null;
            Boolean drop = null;
            Long after = null;
            String key;
            while ((key = c.p.nextFieldName()) != null) {
                switch (key) {
                    case TraceFormat.K_EVENT:
                        if (event != null) {
                            throw c.failHere("key 'event' appears twice in intervention " + out.size());
                        }
                        String text = c.readString(key);
                        try {
                            event = EventIdentity.parse(text);
                        } catch (IllegalArgumentException e) {
                            throw c.failHere("intervention " + out.size() + ": " + e.getMessage());
                        }
                        break;
                    case TraceFormat.K_DELTA_MICROS:
                        if (delta != null) {
                            throw c.failHere("key 'deltaMicros' appears twice in intervention " + out.size());
                        }
                        delta = c.readLong(key);
                        break;
                    case TraceFormat.K_DROP:
                        drop = c.readBool(key, drop);
                        break;
                    case TraceFormat.K_RUN_AFTER:
                        if (after != null) {
                            throw c.failHere("key 'runAfter' appears twice in intervention " + out.size());
                        }
                        try {
                            after = EventIdentity.parse(c.readString(key));
                        } catch (IllegalArgumentException e) {
                            throw c.failHere("intervention " + out.size() + ": " + e.getMessage());
                        }
                        break;
                    default:
                        throw c.failHere("unknown intervention key '" + JsonCursor.shorten(key) + "'; expected "
                                + INTERVENTION_FORM);
                }
            }
            boolean isDrop = Boolean.TRUE.equals(drop);
            if (after != null) {
                if (event == null || drop != null || delta != null || after.equals(event)) {
                    throw c.failHere("intervention " + out.size() + " must be " + INTERVENTION_FORM
                            + ", a reorder naming two different events");
                }
                out.add(Intervention.runAfter(event, after));
                continue;
            }
            if (event == null || isDrop == (delta != null) || (!isDrop && delta == 0) || Boolean.FALSE.equals(drop)) {
                throw c.failHere(
                        "intervention " + out.size() + " must be " + INTERVENTION_FORM + ", with deltaMicros not 0");
            }
            out.add(isDrop ? Intervention.drop(event) : Intervention.shift(event, delta));
        }
        return out;
    }

    private static String firstMissing(Object[] values, String names) {
        String[] n = names.split(", ");
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return n[i];
            }
        }
        return null;
    }

    private static Map<String, String> readParameters(JsonCursor c) throws IOException, TraceFormatException {
        c.expect(JsonToken.START_OBJECT, "parameters must be an object of name: value");
        Map<String, String> params = new LinkedHashMap<>();
        String name;
        while ((name = c.p.nextFieldName()) != null) {
            checkSize(c);
            if (params.containsKey(name)) {
                throw c.failHere("parameter '" + JsonCursor.shorten(name) + "' appears twice");
            }
            if (params.size() == TraceFormat.MAX_PARAMETERS) {
                throw c.failHere("more than " + TraceFormat.MAX_PARAMETERS + " parameters");
            }
            JsonToken v = c.p.nextToken();
            switch (v) {
                case VALUE_STRING:
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    // Numbers keep their literal text: it is the parameter's canonical text.
                    params.put(name, checkedValue(c, name, c.p.getText()));
                    break;
                case VALUE_TRUE:
                    params.put(name, "true");
                    break;
                case VALUE_FALSE:
                    params.put(name, "false");
                    break;
                default:
                    throw c.failHere("parameter '" + JsonCursor.shorten(name)
                            + "' must be a string, number or boolean, found " + c.describe(v));
            }
        }
        return params;
    }

    /**
     * Refuses a header past {@link TraceFormat#MAX_HEADER_BYTES}: checked after every key and
     * block, so reading stops soon after the bound whatever the header holds.
     */
    private static void checkSize(JsonCursor c) throws TraceFormatException {
        com.fasterxml.jackson.core.JsonLocation at = c.p.currentLocation();
        long offset = at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
        if (offset > TraceFormat.MAX_HEADER_BYTES) {
            throw c.failHere("the header is longer than " + TraceFormat.MAX_HEADER_BYTES + " bytes");
        }
    }

    /**
     * A parameter value as the format allows it: at most {@link
     * TraceFormat#MAX_PARAMETER_VALUE_CHARS} characters and, when it is a number (with or without
     * a unit), within {@link NumberText}'s digits and exponent. A value that is not a number is
     * passed on; whoever runs the scenario says what is wrong with it.
     */
    private static String checkedValue(JsonCursor c, String name, String value) throws TraceFormatException {
        try {
            NumberText.parse(value);
        } catch (NumberText.OutOfBounds e) {
            throw c.failHere("parameter '" + JsonCursor.shorten(name) + "' = '" + NumberText.quote(value) + "' "
                    + e.getMessage());
        }
        return value;
    }

    private static PatchSwitches readPatch(JsonCursor c) throws IOException, TraceFormatException {
        c.expect(
                JsonToken.START_OBJECT, "patch must be an object {\"reorder\":bool,\"barrier\":bool,\"backoff\":bool}");
        Boolean reorder = null;
        Boolean barrier = null;
        Boolean backoff = null;
        String key;
        while ((key = c.p.nextFieldName()) != null) {
            switch (key) {
                case TraceFormat.K_REORDER:
                    reorder = c.readBool(key, reorder);
                    break;
                case TraceFormat.K_BARRIER:
                    barrier = c.readBool(key, barrier);
                    break;
                case TraceFormat.K_BACKOFF:
                    backoff = c.readBool(key, backoff);
                    break;
                default:
                    throw c.failHere("unknown patch switch '" + key + "'; expected reorder, barrier, backoff");
            }
        }
        if (reorder == null || barrier == null || backoff == null) {
            throw c.failHere("patch must give all three switches reorder, barrier and backoff");
        }
        return new PatchSwitches(reorder, barrier, backoff);
    }

    private static Topology readTopology(JsonCursor c) throws IOException, TraceFormatException {
        c.expect(
                JsonToken.START_OBJECT,
                "topology must be an object {\"nodes\":n,\"drivesPerNode\":n,\"blocks\":[...]}");
        int nodes = MISSING;
        int drives = MISSING;
        List<Topology.BlockInfo> blocks = null;
        String key;
        while ((key = c.p.nextFieldName()) != null) {
            // A second "nodes" after the blocks would leave blocks on nodes that do not exist.
            if ((key.equals(TraceFormat.K_NODES) && nodes != MISSING)
                    || (key.equals(TraceFormat.K_DRIVES_PER_NODE) && drives != MISSING)
                    || (key.equals(TraceFormat.K_BLOCKS) && blocks != null)) {
                throw c.failHere("key '" + key + "' appears twice in the topology");
            }
            switch (key) {
                case TraceFormat.K_NODES:
                    nodes = c.readIntInRange(key, 0, TraceFormat.MAX_NODES);
                    break;
                case TraceFormat.K_DRIVES_PER_NODE:
                    drives = c.readIntInRange(key, 0, Integer.MAX_VALUE);
                    break;
                case TraceFormat.K_BLOCKS:
                    if (nodes == MISSING || drives == MISSING) {
                        throw c.failHere("topology must give nodes and drivesPerNode before blocks");
                    }
                    blocks = readBlocks(c, nodes, drives);
                    break;
                default:
                    throw c.failHere("unknown topology key '" + JsonCursor.shorten(key)
                            + "'; expected nodes, drivesPerNode, blocks");
            }
        }
        if (nodes == MISSING || drives == MISSING || blocks == null) {
            throw c.failHere("topology must give nodes, drivesPerNode and blocks");
        }
        return new Topology(nodes, drives, blocks);
    }

    private static List<Topology.BlockInfo> readBlocks(JsonCursor c, int nodes, int drives)
            throws IOException, TraceFormatException {
        c.expect(JsonToken.START_ARRAY, "blocks must be an array of {\"node\":n,\"drive\":n,\"file\":\"name\"}");
        List<Topology.BlockInfo> blocks = new ArrayList<>();
        JsonToken tok;
        while ((tok = c.p.nextToken()) != JsonToken.END_ARRAY) {
            if (tok != JsonToken.START_OBJECT) {
                throw c.failHere("block " + blocks.size()
                        + " must be an object {\"node\":n,\"drive\":n,\"file\":\"name\"}, found " + c.describe(tok));
            }
            if (blocks.size() == TraceFormat.MAX_BLOCKS) {
                throw c.failHere("more than " + TraceFormat.MAX_BLOCKS + " blocks");
            }
            int node = MISSING;
            int drive = MISSING;
            String fileName = null;
            String key;
            while ((key = c.p.nextFieldName()) != null) {
                if ((key.equals(TraceFormat.K_NODE) && node != MISSING)
                        || (key.equals(TraceFormat.K_DRIVE) && drive != MISSING)
                        || (key.equals(TraceFormat.K_FILE) && fileName != null)) {
                    throw c.failHere("key '" + key + "' appears twice in block " + blocks.size());
                }
                switch (key) {
                    case TraceFormat.K_NODE:
                        node = c.readIntInRange("node", 0, nodes - 1);
                        break;
                    case TraceFormat.K_DRIVE:
                        drive = c.readIntInRange("drive", 0, drives - 1);
                        break;
                    case TraceFormat.K_FILE:
                        fileName = c.readString(key);
                        break;
                    default:
                        throw c.failHere(
                                "unknown block key '" + JsonCursor.shorten(key) + "'; expected node, drive, file");
                }
            }
            if (node == MISSING || drive == MISSING || fileName == null) {
                throw c.failHere("block " + blocks.size() + " must give node, drive and file");
            }
            blocks.add(new Topology.BlockInfo(node, drive, fileName));
            checkSize(c);
        }
        return blocks;
    }
}
