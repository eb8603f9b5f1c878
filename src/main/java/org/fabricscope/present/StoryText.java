package org.fabricscope.present;

import org.fabricscope.replay.explain.EventText;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.replay.explain.StoryStep.AckArrived;
import org.fabricscope.replay.explain.StoryStep.AckMissing;
import org.fabricscope.replay.explain.StoryStep.CacheVersionSet;
import org.fabricscope.replay.explain.StoryStep.CompactionAskedRefill;
import org.fabricscope.replay.explain.StoryStep.CompactionCopyBegan;
import org.fabricscope.replay.explain.StoryStep.FieldSet;
import org.fabricscope.replay.explain.StoryStep.FillStarted;
import org.fabricscope.replay.explain.StoryStep.MarkedReadyDuringWrite;
import org.fabricscope.replay.explain.StoryStep.MediaVersionSet;
import org.fabricscope.replay.explain.StoryStep.PairReadTogether;
import org.fabricscope.replay.explain.StoryStep.PendingSetOnReadyBuffer;
import org.fabricscope.replay.explain.StoryStep.ReadyWhileConsistent;
import org.fabricscope.replay.explain.StoryStep.RefreshMarkedReady;
import org.fabricscope.replay.explain.StoryStep.StaleBufferReady;
import org.fabricscope.replay.explain.StoryStep.StaleStateCompleted;
import org.fabricscope.replay.explain.StoryStep.VerifierReadCacheState;
import org.fabricscope.replay.explain.StoryStep.VerifierReadCachedVersion;
import org.fabricscope.replay.explain.StoryStep.VerifierReadNewVersion;
import org.fabricscope.replay.explain.StoryStep.VerifierReadPending;
import org.fabricscope.replay.explain.StoryStep.WriteBeganBetweenReads;
import org.fabricscope.replay.explain.StoryStep.WriteLandedBetweenReads;
import org.fabricscope.replay.explain.StoryStep.WriteLandedWhilePending;
import org.fabricscope.replay.explain.StoryStep.WriteTookLock;
import org.fabricscope.trace.Field;

/**
 * The sentence of each step of an FPRE004's story ({@link StoryStep}), the one wording the GUI's
 * Explainer and the CLI's {@code explain} both show: made from the step's facts alone.
 */
public final class StoryText {
    private static final String BOTH_FLAGS = "both \"last write pending\" and \"cache ready\".";

    private StoryText() {}

    /** The sentence for {@code step}, e.g. {@code Write 1 took the block's lock and set lastWritePending at 7.911 ms (WRITE_LOCK, writer@n0).} */
    public static String sentence(StoryStep step) {
        // An if-chain over the sealed interface: Java 17 has no pattern switch; the last line fails on a new kind.
        if (step instanceof FieldSet s) {
            return s.field().jsonName() + " became " + s.field().format(s.value()) + " at " + at(s) + " by " + s.actor()
                    + " (" + s.kind() + ").";
        }
        if (step instanceof WriteTookLock s) {
            return writeNameStart(s.writeId()) + " took the block's lock and set lastWritePending at " + at(s) + " ("
                    + s.kind() + ", " + s.actor() + ").";
        }
        if (step instanceof WriteLandedWhilePending s) {
            return "Its data landed on the media at " + at(s) + " (version " + s.version()
                    + "), but the write stays pending until its completion ACK.";
        }
        if (step instanceof CompactionAskedRefill s) {
            String moved = s.copyTimeMicros() >= 0
                    ? " had copied the block at " + EventText.millis(s.copyTimeMicros())
                            + " and moved it to a new extent; "
                    : " moved the block to a new extent; ";
            return s.compactionActor() + moved + "its legacy cache refresh found the buffer stale" + " and asked "
                    + s.prefetchActor() + " to refill it, which started filling at " + at(s) + ", "
                    + when(s.beforeLock()) + ": compaction and prefetch at work on the block together.";
        }
        if (step instanceof FillStarted s) {
            return s.actor() + " started filling the cache buffer at " + at(s) + ", " + when(s.beforeLock())
                    + (s.cutShortByRefresh() ? ", and was still filling when compaction refreshed the buffer." : ".");
        }
        if (step instanceof CompactionCopyBegan s) {
            return s.actor() + " began copying the block at " + at(s) + " to move it to a new extent (compaction).";
        }
        if (step instanceof PendingSetOnReadyBuffer s) {
            return "At " + at(s) + " " + s.actor() + " (" + s.kind() + ")"
                    + " set lastWritePending on a block whose buffer was READY, and did not invalidate it: from here"
                    + " the block was " + BOTH_FLAGS;
        }
        if (step instanceof RefreshMarkedReady s) {
            return "At " + at(s) + ", having moved the block, " + s.actor() + " (" + s.kind() + ")"
                    + " refreshed its cache: it marked the buffer READY " + lockText(s.lockHolder())
                    + ", without looking at the lock: from here the block was " + BOTH_FLAGS;
        }
        if (step instanceof MarkedReadyDuringWrite s) {
            return "At " + at(s) + " " + s.actor() + " (" + s.kind() + ")" + " marked the buffer READY "
                    + lockText(s.lockHolder()) + ", without looking at the lock: from here the block was " + BOTH_FLAGS;
        }
        if (step instanceof PairReadTogether s) {
            String what = s.pairKind() == PairKind.PENDING_WRITE
                    ? "a pending write beside a ready cache"
                    : "a ready buffer of another version";
            return "The verifier read " + s.first().describe() + " and "
                    + s.second().describe() + ": both true at once, " + what + ", so it raised FPRE004.";
        }
        if (step instanceof AckArrived s) {
            String jitter =
                    s.jitterMicros() >= 0 ? " (" + EventText.millis(s.jitterMicros()) + " of injected ACK jitter)" : "";
            return writeNameStart(s.writeId()) + "'s completion ACK arrived only at " + at(s) + jitter + ", "
                    + EventText.millis(s.afterFpreMicros())
                    + " after the FPRE004: the late ACK is what kept the write pending.";
        }
        if (step instanceof AckMissing s) {
            return writeNameStart(s.writeId())
                    + "'s completion ACK had not arrived by the end of the trace: the write was still pending.";
        }
        if (step instanceof ReadyWhileConsistent s && s.lastWritePending() != 0) {
            // READY beside a pending write is not consistent; in a torn read that write had
            // landed by the verifier's first read, which the next step says.
            return "cacheState became " + Field.CACHE_STATE.format(s.cacheState()) + " at " + at(s) + " by "
                    + s.actor() + " (" + s.kind() + ") while a write was still pending (lastWritePending="
                    + Field.LAST_WRITE_PENDING.format(s.lastWritePending()) + "); that write landed before the"
                    + " verifier's first read.";
        }
        if (step instanceof ReadyWhileConsistent s) {
            return "cacheState became " + Field.CACHE_STATE.format(s.cacheState()) + " at " + at(s) + " by "
                    + s.actor() + " (" + s.kind() + "), when lastWritePending was "
                    + Field.LAST_WRITE_PENDING.format(s.lastWritePending()) + ": a consistent state.";
        }
        if (step instanceof VerifierReadCacheState s) {
            return "The verifier read cacheState=" + Field.CACHE_STATE.format(s.cacheState()) + " at " + at(s)
                    + ", and no write was pending then (lastWritePending="
                    + Field.LAST_WRITE_PENDING.format(s.lastWritePending()) + ").";
        }
        if (step instanceof WriteBeganBetweenReads s) {
            String also = s.invalidatedSameInstant()
                    ? ", and in the same instant invalidated the cache buffer (cacheState READY → INVALID)"
                    : "";
            return "Between the two reads, at " + at(s) + ", " + writeName(s.writeId())
                    + " took the lock and set lastWritePending (" + s.actor() + ")" + also + ".";
        }
        if (step instanceof VerifierReadPending s) {
            return "The verifier read lastWritePending=" + Field.LAST_WRITE_PENDING.format(s.lastWritePending())
                    + " at " + at(s) + ", when cacheState was already " + Field.CACHE_STATE.format(s.cacheStateThen())
                    + ". The block never held READY and a pending write at the same time; the legacy order put"
                    + " two moments together and raised FPRE004.";
        }
        if (step instanceof MediaVersionSet s) {
            return "The media's version became " + s.version() + " at " + at(s) + " (" + s.kind() + ", " + s.actor()
                    + ").";
        }
        if (step instanceof CacheVersionSet s) {
            return "The cache buffer was given version " + s.version() + " at " + at(s) + " by " + s.actor() + " ("
                    + s.kind() + ").";
        }
        if (step instanceof StaleStateCompleted s) {
            return s.actor() + " (" + s.kind() + ") completed the stale state at " + at(s) + ".";
        }
        if (step instanceof StaleBufferReady s) {
            return "From " + at(s) + " the buffer was READY with version " + s.cachedVersion()
                    + " while the media held version " + s.mediaVersion() + ": a stale buffer marked ready.";
        }
        if (step instanceof VerifierReadCachedVersion s) {
            return "The verifier read cacheVersion=" + s.cachedVersion() + " at " + at(s)
                    + ", the committed version at that moment (version " + s.committedVersion() + ").";
        }
        if (step instanceof WriteLandedBetweenReads s) {
            return "Between the reads, at " + at(s) + ", " + writeName(s.writeId()) + " landed version " + s.version()
                    + " on the media (" + s.actor() + ") and invalidated the buffer.";
        }
        if (step instanceof VerifierReadNewVersion s) {
            return "The verifier then read " + s.field().jsonName() + "="
                    + s.field().format(s.value()) + " at "
                    + at(s) + ", the new version's, and compared it with the old cached version it had read:"
                    + " each read was true when made, never together.";
        }
        throw new IllegalArgumentException("no wording for " + step);
    }

    private static String at(StoryStep step) {
        return EventText.millis(step.timeMicros());
    }

    private static String when(boolean beforeLock) {
        return beforeLock ? "before the write took the lock" : "while the write held the lock";
    }

    private static String lockText(int lockHolder) {
        return lockHolder != 0
                ? "while " + writeName(lockHolder) + " still held the lock"
                : "while a write was still pending";
    }

    /** E.g. {@code write 9}, for the middle of a sentence. */
    static String writeName(int writeId) {
        return writeId != 0 ? "write " + writeId : "a write";
    }

    /** {@link #writeName} at the start of a sentence. */
    static String writeNameStart(int writeId) {
        return writeId != 0 ? "Write " + writeId : "A write";
    }
}
