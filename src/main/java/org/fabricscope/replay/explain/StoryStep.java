package org.fabricscope.replay.explain;

import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * One step of how the inconsistent pair got its values, as a fact of the trace: which event (its
 * step and time), who did it and the values involved, and nothing worded. The sentences are {@code
 * org.fabricscope.present.StoryText}, so the Explainer, the CLI and the tests read these same facts.
 *
 * <p>Every step names the event it stands for by {@link #seq()} ({@code -1} when it is no event of
 * the trace, as for an ACK that never came) and that event's {@link #timeMicros()}. A field that
 * names an actor or a kind is that event's (or, where the name says so, another event's), copied
 * from the trace; a value of a {@link Field} is the raw int the trace records (see {@link
 * Field#format}). A write id of {@code 0} means the trace did not say which write.
 */
public sealed interface StoryStep {
    /** The event this step stands for, or {@code -1} for none. */
    int seq();

    /** When the event happened (for {@link AckMissing}, the FPRE004's time). */
    long timeMicros();

    // ---- a mechanism the trace cannot decide: who set each field of the pair

    /** {@code actor} ({@code kind}) set {@code field} to {@code value}: one field of the pair got its value. */
    record FieldSet(int seq, long timeMicros, Field field, int value, String actor, EventKind kind)
            implements StoryStep {}

    // ---- a stored inconsistency of a pending write and a READY buffer

    /** Write {@code writeId} took the block's lock and set lastWritePending ({@code kind} by {@code actor}). */
    record WriteTookLock(int seq, long timeMicros, int writeId, EventKind kind, String actor) implements StoryStep {}

    /** The pending write's data landed on the media as {@code version}; the write stays pending until its ACK. */
    record WriteLandedWhilePending(int seq, long timeMicros, int version) implements StoryStep {}

    /**
     * Compaction ({@code compactionActor}) moved the block, its legacy refresh found the buffer stale
     * and asked {@code prefetchActor} to refill it; the fill (this step) started before the write took
     * the lock ({@code beforeLock}) or while it held it. {@code copyTimeMicros} is when compaction
     * copied the block, or {@code -1} if the trace does not lead to its copy.
     */
    record CompactionAskedRefill(
            int seq,
            long timeMicros,
            String compactionActor,
            long copyTimeMicros,
            String prefetchActor,
            boolean beforeLock)
            implements StoryStep {}

    /**
     * {@code actor} started filling the buffer, before the write took the lock ({@code beforeLock})
     * or while it held it; {@code cutShortByRefresh} if compaction's refresh marked the buffer READY
     * while it was still filling.
     */
    record FillStarted(int seq, long timeMicros, String actor, boolean beforeLock, boolean cutShortByRefresh)
            implements StoryStep {}

    /** {@code actor} began copying the block to move it to a new extent (compaction). */
    record CompactionCopyBegan(int seq, long timeMicros, String actor) implements StoryStep {}

    /** {@code actor} ({@code kind}) set lastWritePending on a block whose buffer was READY and left it READY. */
    record PendingSetOnReadyBuffer(int seq, long timeMicros, String actor, EventKind kind) implements StoryStep {}

    /**
     * Having moved the block, {@code actor} ({@code kind}) refreshed its cache and marked the buffer
     * READY while write {@code lockHolder} held the lock ({@code 0}: while a write was pending).
     */
    record RefreshMarkedReady(int seq, long timeMicros, String actor, EventKind kind, int lockHolder)
            implements StoryStep {}

    /** {@code actor} ({@code kind}) marked the buffer READY while write {@code lockHolder} held the lock ({@code 0}: while a write was pending). */
    record MarkedReadyDuringWrite(int seq, long timeMicros, String actor, EventKind kind, int lockHolder)
            implements StoryStep {}

    /** The verifier's two reads of the pair, both true at once, and the kind of pair they are. */
    record PairReadTogether(int seq, long timeMicros, CheckRead first, CheckRead second, PairKind pairKind)
            implements StoryStep {}

    /**
     * The completion ACK of write {@code writeId} arrived, {@code afterFpreMicros} after the FPRE004,
     * with {@code jitterMicros} of injected jitter ({@code -1}: the trace shows the release, not the ACK).
     */
    record AckArrived(int seq, long timeMicros, int writeId, long jitterMicros, long afterFpreMicros)
            implements StoryStep {}

    /** Write {@code writeId}'s completion ACK never arrived in the trace ({@code seq} {@code -1}). */
    record AckMissing(int seq, long timeMicros, int writeId) implements StoryStep {}

    // ---- a torn read of a pending write

    /** {@code actor} ({@code kind}) set cacheState to {@code cacheState} while lastWritePending was {@code lastWritePending}. */
    record ReadyWhileConsistent(
            int seq, long timeMicros, int cacheState, String actor, EventKind kind, int lastWritePending)
            implements StoryStep {}

    /** The verifier read cacheState {@code cacheState}; at its first read lastWritePending was {@code lastWritePending}. */
    record VerifierReadCacheState(int seq, long timeMicros, int cacheState, int lastWritePending)
            implements StoryStep {}

    /**
     * Between the two reads write {@code writeId} took the lock and set lastWritePending ({@code
     * actor}); {@code invalidatedSameInstant} if it invalidated the buffer at the same time.
     */
    record WriteBeganBetweenReads(int seq, long timeMicros, int writeId, String actor, boolean invalidatedSameInstant)
            implements StoryStep {}

    /** The verifier read lastWritePending {@code lastWritePending} when cacheState was already {@code cacheStateThen}. */
    record VerifierReadPending(int seq, long timeMicros, int lastWritePending, int cacheStateThen)
            implements StoryStep {}

    // ---- a stored stale version

    /** The media's version became {@code version} ({@code kind} by {@code actor}). */
    record MediaVersionSet(int seq, long timeMicros, int version, EventKind kind, String actor) implements StoryStep {}

    /** The cache buffer was given {@code version} by {@code actor} ({@code kind}). */
    record CacheVersionSet(int seq, long timeMicros, int version, String actor, EventKind kind) implements StoryStep {}

    /** {@code actor} ({@code kind}) completed the stale state: the last change before the block broke the rule. */
    record StaleStateCompleted(int seq, long timeMicros, String actor, EventKind kind) implements StoryStep {}

    /** From this step the buffer was READY with {@code cachedVersion} while the media held {@code mediaVersion}. */
    record StaleBufferReady(int seq, long timeMicros, int cachedVersion, int mediaVersion) implements StoryStep {}

    // ---- a torn read of a version

    /** The verifier read cacheVersion {@code cachedVersion} while the committed version was {@code committedVersion}. */
    record VerifierReadCachedVersion(int seq, long timeMicros, int cachedVersion, int committedVersion)
            implements StoryStep {}

    /** Between the reads write {@code writeId} landed {@code version} on the media ({@code actor}) and invalidated the buffer. */
    record WriteLandedBetweenReads(int seq, long timeMicros, int writeId, int version, String actor)
            implements StoryStep {}

    /** The verifier then read {@code field} = {@code value}, the new version's. */
    record VerifierReadNewVersion(int seq, long timeMicros, Field field, int value) implements StoryStep {}
}
