package org.fabricscope.sim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.scenario.ParameterSpec.Type;

/**
 * The parameter catalogue: every scenario parameter with its unit, type, range, description and
 * default, in the order trace headers list them. Ranges are part of the model's guarantees: the
 * verifier's longest pass (5 steps of at most 40 µs) is shorter than the fastest media write and
 * the fastest prefetch fill (at least 250 µs each), even with ±1000 ppm clock drift, which is what
 * makes the patched fabric safe by construction (see {@link Simulator}).
 */
final class Catalog {
    static final List<ParameterSpec> SPECS;
    static final Map<String, String> DEFAULTS;

    static {
        List<ParameterSpec> s = new ArrayList<>();
        Map<String, String> d = new LinkedHashMap<>();
        // fabric
        add(s, d, "nodes", "count", Type.INTEGER, 1, 16, "3", "Nodes in the fabric, each with its own clock");
        add(s, d, "drivesPerNode", "count", Type.INTEGER, 1, 8, "2", "Drives on each node");
        add(s, d, "archiveCount", "count", Type.INTEGER, 1, 64, "16", "Archive files in the namespace");
        add(s, d, "archiveBlocks", "blocks", Type.INTEGER, 2, 256, "12", "Blocks in each archive");
        add(s, d, "fileXBlocks", "blocks", Type.INTEGER, 2, 256, "8", "Blocks in file X");
        // workload
        add(
                s,
                d,
                "durationMicros",
                "µs",
                Type.INTEGER,
                1_000,
                600_000_000,
                "100000",
                "Simulated time during which clients and compaction start new work");
        add(s, d, "readClients", "count", Type.INTEGER, 0, 16, "2", "Reading clients");
        add(s, d, "readBurstSize", "transactions", Type.INTEGER, 1, 1024, "12", "Read transactions per burst");
        add(
                s,
                d,
                "readSpacingMicros",
                "µs",
                Type.INTEGER,
                1,
                1_000_000,
                "300",
                "Time between consecutive read transactions of a burst or loop");
        add(
                s,
                d,
                "readBurstGapMicrosMean",
                "µs",
                Type.INTEGER,
                1,
                10_000_000,
                "3000",
                "Mean think time between a client's bursts (exponential)");
        add(
                s,
                d,
                "misalignedReadPercent",
                "percent",
                Type.INTEGER,
                0,
                100,
                "100",
                "Share of reads that are poorly aligned and span two blocks");
        add(
                s,
                d,
                "fileXLoop",
                "",
                Type.BOOLEAN,
                0,
                1,
                "false",
                "Readers run a targeted loop over file X instead of bursts over archives");
        add(s, d, "writeClients", "count", Type.INTEGER, 0, 16, "1", "Writing clients");
        add(
                s,
                d,
                "writeGapMicrosMean",
                "µs",
                Type.INTEGER,
                1,
                10_000_000,
                "16000",
                "Mean time between a writing client's writes (exponential)");
        add(
                s,
                d,
                "hotArchiveReadPercent",
                "percent",
                Type.INTEGER,
                0,
                100,
                "0",
                "Share of read bursts aimed at the namespace's hot archive (the rest spread evenly over all archives)");
        add(
                s,
                d,
                "hotArchiveWritePercent",
                "percent",
                Type.INTEGER,
                0,
                100,
                "0",
                "Share of writes aimed at the hot archive (compaction follows the writes)");
        // write path
        add(
                s,
                d,
                "mediaWriteMicrosMin",
                "µs",
                Type.INTEGER,
                250,
                1_000_000,
                "300",
                "Fastest time for a write's data to land on the media");
        add(
                s,
                d,
                "mediaWriteMicrosMax",
                "µs",
                Type.INTEGER,
                250,
                1_000_000,
                "600",
                "Slowest time for a write's data to land on the media");
        add(
                s,
                d,
                "ackBaseMicros",
                "µs",
                Type.INTEGER,
                0,
                1_000_000,
                "150",
                "Delay of the write-completion ACK after the media write, before jitter");
        add(
                s,
                d,
                "ackJitterMicrosMax",
                "µs",
                Type.INTEGER,
                0,
                1_000_000,
                "0",
                "Largest jitter injected into the ACK delay (uniform from 0)");
        // prefetch
        add(
                s,
                d,
                "prefetchDepthBlocks",
                "blocks",
                Type.INTEGER,
                0,
                64,
                "3",
                "How many blocks past a read the prefetch engine fills");
        add(s, d, "prefetchFillMicrosMin", "µs", Type.INTEGER, 250, 1_000_000, "800", "Fastest prefetch fill");
        add(s, d, "prefetchFillMicrosMax", "µs", Type.INTEGER, 250, 1_000_000, "1200", "Slowest prefetch fill");
        add(
                s,
                d,
                "prefetchBackoffMicros",
                "µs",
                Type.INTEGER,
                0,
                1_000_000,
                "550",
                "Backoff before marking a buffer ready (patch switch 'backoff')");
        add(
                s,
                d,
                "barrierPollMicros",
                "µs",
                Type.INTEGER,
                1,
                1_000_000,
                "100",
                "How often a fill held by the state barrier re-checks the lock (patch switch 'barrier')");
        // compaction
        add(s, d, "compactionEnabled", "", Type.BOOLEAN, 0, 1, "true", "Background compaction runs");
        add(
                s,
                d,
                "compactionIntervalMicros",
                "µs",
                Type.INTEGER,
                100,
                60_000_000,
                "2000",
                "Time between compaction passes on each node (node clock)");
        add(s, d, "compactionCopyMicros", "µs", Type.INTEGER, 1, 1_000_000, "400", "Time to copy a block");
        add(
                s,
                d,
                "compactionSwitchMicros",
                "µs",
                Type.INTEGER,
                1,
                1_000_000,
                "100",
                "Time from the extent switch to the cache refresh");
        // verifier and response
        add(s, d, "verifyStepMicros", "µs", Type.INTEGER, 1, 40, "20", "Duration of each verifier check");
        add(s, d, "mediaReadMicros", "µs", Type.INTEGER, 1, 1_000_000, "400", "Time to read a block from the media");
        add(
                s,
                d,
                "readTimeoutMicros",
                "µs",
                Type.INTEGER,
                100,
                600_000_000,
                "8000",
                "A client gives up on a read not served this long after it was issued (a timeout)");
        add(
                s,
                d,
                "retryDelayMicros",
                "µs",
                Type.INTEGER,
                1,
                10_000_000,
                "2000",
                "Time between the first-response script's retries");
        add(s, d, "retryLimit", "count", Type.INTEGER, 0, 10, "3", "Retries before the drive is quarantined");
        add(
                s,
                d,
                "latencySpikeMicros",
                "µs",
                Type.INTEGER,
                0,
                10_000_000,
                "5000",
                "Extra latency of reads of archives affected by a remap");
        add(
                s,
                d,
                "latencySpikeDurationMicros",
                "µs",
                Type.INTEGER,
                0,
                600_000_000,
                "50000",
                "How long the latency spike after a remap lasts");
        // faults
        add(
                s,
                d,
                "mediaErrorsPerMillionBlockReads",
                "per million",
                Type.DECIMAL,
                0,
                1_000_000,
                "2",
                "Genuine ECC errors per million block reads, independent of timing");
        add(
                s,
                d,
                "clockOffsetMicrosMax",
                "µs",
                Type.INTEGER,
                0,
                10_000_000,
                "500",
                "Largest offset of a node's clock (uniform in ±max)");
        add(
                s,
                d,
                "clockDriftPpmMax",
                "ppm",
                Type.INTEGER,
                0,
                1000,
                "50",
                "Largest drift of a node's clock (uniform in ±max)");
        // limits
        add(
                s,
                d,
                "maxEventsPerRun",
                "events",
                Type.INTEGER,
                1_000,
                200_000_000,
                "50000000",
                "A run stops with an error after this many events");
        add(
                s,
                d,
                "maxQueueSize",
                "timers",
                Type.INTEGER,
                100,
                10_000_000,
                "1000000",
                "A run stops with an error when more timers than this are pending");
        // workload operations left out: a shrunk reproducer's (see org.fabricscope.shrink). Each
        // operation keeps its number and its random draws, so leaving one out changes nothing else
        // until what it would have done; empty (the default) leaves nothing out, and a parameter at
        // its default is not written to trace headers, so traces of scenarios without them are
        // unchanged.
        add(
                s,
                d,
                "readBurstsSkipped",
                "bursts",
                Type.ID_SET,
                1,
                Integer.MAX_VALUE,
                "",
                "Read bursts (numbered 1, 2, … over all readers as they start) that issue nothing, e.g. 1-40,42");
        add(
                s,
                d,
                "readTransactionsSkipped",
                "transactions",
                Type.ID_SET,
                1,
                Integer.MAX_VALUE,
                "",
                "Read transactions (numbered 1, 2, … over all readers as they are issued) that are not issued");
        add(
                s,
                d,
                "writesSkipped",
                "writes",
                Type.ID_SET,
                1,
                Integer.MAX_VALUE,
                "",
                "Writes (numbered 1, 2, … over all writers) that are not issued");
        add(
                s,
                d,
                "compactionPassesSkipped",
                "passes",
                Type.ID_SET,
                1,
                Integer.MAX_VALUE,
                "",
                "Compaction passes (numbered 1, 2, … over all nodes) that copy nothing");
        SPECS = Collections.unmodifiableList(s);
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /** Pairs (min, max) that must be ordered. */
    static final String[][] ORDERED_PAIRS = {
        {"mediaWriteMicrosMin", "mediaWriteMicrosMax"},
        {"prefetchFillMicrosMin", "prefetchFillMicrosMax"},
    };

    /** True for parameters left out of a scenario's {@code parameters()} (and trace headers) at their default. */
    static boolean omittedAtDefault(ParameterSpec spec) {
        return spec.type() == Type.ID_SET;
    }

    private Catalog() {}

    private static void add(
            List<ParameterSpec> specs,
            Map<String, String> defaults,
            String name,
            String unit,
            Type type,
            double min,
            double max,
            String def,
            String description) {
        specs.add(new ParameterSpec(name, unit, type, min, max, description));
        defaults.put(name, def);
    }

    static ParameterSpec spec(String name) {
        for (ParameterSpec p : SPECS) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The known parameter name closest to {@code name} (edit distance, ignoring case). */
    static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // The distance costs length × length: a name far longer than any known one is not close
        // to any, and only its start is compared, so a hostile 10-million-character key costs little.
        String start = name.length() > 64 ? name.substring(0, 64) : name;
        for (ParameterSpec p : SPECS) {
            int dist =
                    distance(start.toLowerCase(java.util.Locale.ROOT), p.name().toLowerCase(java.util.Locale.ROOT));
            if (dist < bestDistance) {
                bestDistance = dist;
                best = p.name();
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
