package org.fabricscope.sweep;

import java.io.Serializable;

/**
 * What one {@link WorkUnit} measured: plain sums, so that partials reduce exactly (integer
 * addition, histogram addition, minimum) whatever machine produced them.
 *
 * @param firstFpre004Attempt the lowest attempt of this unit that raised FPRE004, or -1
 * @param firstFpre004Seq the event sequence number of that attempt's first FPRE004, or -1
 */
public record Partial(
        int unit,
        int cell,
        long seed,
        long attempts,
        long attemptsWithFpre004,
        long fpre004,
        long reads,
        long readsOk,
        long retries,
        long quarantines,
        int firstFpre004Attempt,
        int firstFpre004Seq,
        LatencyCounts prefetchLatency)
        implements Serializable {}
