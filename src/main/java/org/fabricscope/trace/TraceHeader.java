package org.fabricscope.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        Topology topology) {

    public static final String FORMAT_NAME = "fabricscope-trace";
    public static final int FORMAT_VERSION = 1;

    public TraceHeader {
        Objects.requireNonNull(formatName, "formatName");
        Objects.requireNonNull(simulatorVersion, "simulatorVersion");
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(topology, "topology");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
