package org.fabricscope.sim.core;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A scenario's parameters as typed values, read once per run so that actors never parse text.
 * Names and units match the scenario catalogue.
 */
public final class ModelParameters {
    public final int nodes;
    public final int drivesPerNode;
    public final int archiveCount;
    public final int archiveBlocks;
    public final int fileXBlocks;
    public final long durationMicros;
    public final int readClients;
    public final int readBurstSize;
    public final long readSpacingMicros;
    public final long readBurstGapMicrosMean;
    public final int misalignedReadPercent;
    public final boolean fileXLoop;
    public final int writeClients;
    public final long writeGapMicrosMean;
    public final int hotArchiveReadPercent;
    public final int hotArchiveWritePercent;
    public final long readTimeoutMicros;
    public final long mediaWriteMicrosMin;
    public final long mediaWriteMicrosMax;
    public final long ackBaseMicros;
    public final long ackJitterMicrosMax;
    public final int prefetchDepthBlocks;
    public final long prefetchFillMicrosMin;
    public final long prefetchFillMicrosMax;
    public final long prefetchBackoffMicros;
    public final long barrierPollMicros;
    public final boolean compactionEnabled;
    public final long compactionIntervalMicros;
    public final long compactionCopyMicros;
    public final long compactionSwitchMicros;
    public final long verifyStepMicros;
    public final long mediaReadMicros;
    public final long retryDelayMicros;
    public final int retryLimit;
    public final long latencySpikeMicros;
    public final long latencySpikeDurationMicros;
    public final double mediaErrorsPerMillionBlockReads;
    public final long clockOffsetMicrosMax;
    public final int clockDriftPpmMax;
    public final long maxEventsPerRun;
    public final int maxQueueSize;
    /** Workload operations left out (a shrunk reproducer's); each still takes its number and draws. */
    public final IdSet readBurstsSkipped;

    public final IdSet readTransactionsSkipped;
    public final IdSet writesSkipped;
    public final IdSet compactionPassesSkipped;

    /**
     * @param integer reads an integer or boolean (0/1) parameter by name
     * @param mediaErrorsPerMillionBlockReads the one decimal parameter
     */
    public ModelParameters(ToLongFunction<String> integer, double mediaErrorsPerMillionBlockReads) {
        this(integer, mediaErrorsPerMillionBlockReads, n -> IdSet.EMPTY);
    }

    /**
     * @param idSet reads an operation-set parameter (e.g. {@code writesSkipped}) by name
     */
    public ModelParameters(
            ToLongFunction<String> integer, double mediaErrorsPerMillionBlockReads, Function<String, IdSet> idSet) {
        readBurstsSkipped = idSet.apply("readBurstsSkipped");
        readTransactionsSkipped = idSet.apply("readTransactionsSkipped");
        writesSkipped = idSet.apply("writesSkipped");
        compactionPassesSkipped = idSet.apply("compactionPassesSkipped");
        nodes = (int) integer.applyAsLong("nodes");
        drivesPerNode = (int) integer.applyAsLong("drivesPerNode");
        archiveCount = (int) integer.applyAsLong("archiveCount");
        archiveBlocks = (int) integer.applyAsLong("archiveBlocks");
        fileXBlocks = (int) integer.applyAsLong("fileXBlocks");
        durationMicros = integer.applyAsLong("durationMicros");
        readClients = (int) integer.applyAsLong("readClients");
        readBurstSize = (int) integer.applyAsLong("readBurstSize");
        readSpacingMicros = integer.applyAsLong("readSpacingMicros");
        readBurstGapMicrosMean = integer.applyAsLong("readBurstGapMicrosMean");
        misalignedReadPercent = (int) integer.applyAsLong("misalignedReadPercent");
        fileXLoop = integer.applyAsLong("fileXLoop") != 0;
        writeClients = (int) integer.applyAsLong("writeClients");
        writeGapMicrosMean = integer.applyAsLong("writeGapMicrosMean");
        hotArchiveReadPercent = (int) integer.applyAsLong("hotArchiveReadPercent");
        hotArchiveWritePercent = (int) integer.applyAsLong("hotArchiveWritePercent");
        readTimeoutMicros = integer.applyAsLong("readTimeoutMicros");
        mediaWriteMicrosMin = integer.applyAsLong("mediaWriteMicrosMin");
        mediaWriteMicrosMax = integer.applyAsLong("mediaWriteMicrosMax");
        ackBaseMicros = integer.applyAsLong("ackBaseMicros");
        ackJitterMicrosMax = integer.applyAsLong("ackJitterMicrosMax");
        prefetchDepthBlocks = (int) integer.applyAsLong("prefetchDepthBlocks");
        prefetchFillMicrosMin = integer.applyAsLong("prefetchFillMicrosMin");
        prefetchFillMicrosMax = integer.applyAsLong("prefetchFillMicrosMax");
        prefetchBackoffMicros = integer.applyAsLong("prefetchBackoffMicros");
        barrierPollMicros = integer.applyAsLong("barrierPollMicros");
        compactionEnabled = integer.applyAsLong("compactionEnabled") != 0;
        compactionIntervalMicros = integer.applyAsLong("compactionIntervalMicros");
        compactionCopyMicros = integer.applyAsLong("compactionCopyMicros");
        compactionSwitchMicros = integer.applyAsLong("compactionSwitchMicros");
        verifyStepMicros = integer.applyAsLong("verifyStepMicros");
        mediaReadMicros = integer.applyAsLong("mediaReadMicros");
        retryDelayMicros = integer.applyAsLong("retryDelayMicros");
        retryLimit = (int) integer.applyAsLong("retryLimit");
        latencySpikeMicros = integer.applyAsLong("latencySpikeMicros");
        latencySpikeDurationMicros = integer.applyAsLong("latencySpikeDurationMicros");
        this.mediaErrorsPerMillionBlockReads = mediaErrorsPerMillionBlockReads;
        clockOffsetMicrosMax = integer.applyAsLong("clockOffsetMicrosMax");
        clockDriftPpmMax = (int) integer.applyAsLong("clockDriftPpmMax");
        maxEventsPerRun = integer.applyAsLong("maxEventsPerRun");
        maxQueueSize = (int) integer.applyAsLong("maxQueueSize");
    }
}
