package org.fabricscope.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Line 1 of a trace file: everything needed to re-run the simulation that wrote it.
 *
 * @param formatName always {@link #FORMAT_NAME}
 * @param formatVersion the format version; readers accept {@link #FORMAT_VERSION}
 * @param simulatorVersion version of the simulator that wrote the trace
 * @param scenarioName the scenario's name (a built-in name or a scenario file's name)
 * @param parameters every scenario parameter, name to canonical text value, in catalogue order
 * @param seed the base seed
 * @param attempt the attempt number; the run's seed is derived from base seed and attempt
 * @param patch the patch switches
 * @param topology the fabric's shape
 * @param interventions the changes that made this run a what-if fork of the run without them, in
 *     the order given (empty for an ordinary run; written only when there are some)
 * @param schedule the explored schedule this run is (null for a seeded run; written only then)
 */
public record TraceHeader(
        String formatName,
        int formatVersion,
        String simulatorVersion,
        String scenarioName,
        Map<String, String> parameters,
        long seed,
        int attempt,
        PatchSwitches patch,
        Topology topology,
        List<Intervention> interventions,
        ExploredSchedule schedule) {

    /** The trace format's name, the header's {@code format} value; defined here only. */
    public static final String FORMAT_NAME = "fabricscope-trace";
    /** The only trace format version this build reads and writes; defined here only. */
    public static final int FORMAT_VERSION = 1;
    /** The start of a header line, for error messages that show what a trace starts with. */
    public static final String HEADER_START =
            "{\"format\":\"" + FORMAT_NAME + "\",\"version\":" + FORMAT_VERSION + ",...}";

    public TraceHeader {
        Objects.requireNonNull(formatName, "formatName");
        Objects.requireNonNull(simulatorVersion, "simulatorVersion");
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(topology, "topology");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        interventions = List.copyOf(interventions);
    }

    /** A header that is not an explored schedule. */
    public TraceHeader(
            String formatName,
            int formatVersion,
            String simulatorVersion,
            String scenarioName,
            Map<String, String> parameters,
            long seed,
            int attempt,
            PatchSwitches patch,
            Topology topology,
            List<Intervention> interventions) {
        this(
                formatName,
                formatVersion,
                simulatorVersion,
                scenarioName,
                parameters,
                seed,
                attempt,
                patch,
                topology,
                interventions,
                null);
    }

    /** A header without interventions (an ordinary run). */
    public TraceHeader(
            String formatName,
            int formatVersion,
            String simulatorVersion,
            String scenarioName,
            Map<String, String> parameters,
            long seed,
            int attempt,
            PatchSwitches patch,
            Topology topology) {
        this(
                formatName,
                formatVersion,
                simulatorVersion,
                scenarioName,
                parameters,
                seed,
                attempt,
                patch,
                topology,
                List.of());
    }

    /** The same header with these interventions. */
    public TraceHeader withInterventions(List<Intervention> list) {
        return new TraceHeader(
                formatName,
                formatVersion,
                simulatorVersion,
                scenarioName,
                parameters,
                seed,
                attempt,
                patch,
                topology,
                list,
                schedule);
    }

    /** The same header as the given explored schedule. */
    public TraceHeader withSchedule(ExploredSchedule explored) {
        return new TraceHeader(
                formatName,
                formatVersion,
                simulatorVersion,
                scenarioName,
                parameters,
                seed,
                attempt,
                patch,
                topology,
                interventions,
                explored);
    }

    /**
     * Why this run cannot be re-run from its header with a change (a patch, a what-if, a shrink),
     * or null when it can: a what-if fork's interventions and an explored schedule's choices
     * name events and draws of this very run, which another run does not have.
     */
    public String notRerunnableReason() {
        if (schedule != null) {
            return "this trace is one schedule of an exploration (its header's 'schedule'); its choices fit only"
                    + " this run, so it re-runs only as it is (simulate --schedule)";
        }
        if (!interventions.isEmpty()) {
            return "this trace is a what-if fork (its header's 'interventions'); they name events of the run"
                    + " without them, so it re-runs only as it is";
        }
        return null;
    }
}
