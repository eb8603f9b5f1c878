package org.fabricscope.present;

import java.util.ArrayList;
import java.util.List;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedRead;
import org.fabricscope.replay.explain.Fpre004Explanation.SlippedEvent;
import org.fabricscope.replay.explain.Mechanism;
import org.fabricscope.replay.explain.PairKind;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;

/**
 * An FPRE004 explanation in English: the sentences the GUI's Explainer and the CLI's {@code
 * explain} show, made from the facts of one {@link Fpre004Explanation} alone. Both front ends read
 * these same sentences, so the words are written (and tested) once.
 */
public record Fpre004Text(
        String headline, String summary, String inconsistency, String patchedVerdict, List<SwitchNote> switchNotes) {

    /** What one patch switch changes, and whether that bears on this FPRE004's mechanism. */
    public record SwitchNote(String name, String changes, String here) {}

    public Fpre004Text {
        switchNotes = List.copyOf(switchNotes);
    }

    /** The words for the explanation {@code e}. */
    public static Fpre004Text of(Fpre004Explanation e) {
        return new Fpre004Text(headline(e), summary(e), inconsistency(e), patchedVerdict(e), switchNotes(e));
    }

    /**
     * The inconsistent pair in words, e.g. {@code cacheState=READY (read at 12.300 ms) with
     * lastWritePending=true (read at 12.450 ms)}.
     */
    static String inconsistency(Fpre004Explanation e) {
        if (e.firstOfPair() == null) {
            return "The FPRE004 names no field; the verifier's reads are listed above.";
        }
        if (e.secondOfPair() == null) {
            return e.firstOfPair().describe() + " did not match what the verifier expected.";
        }
        return e.firstOfPair().describe() + " with " + e.secondOfPair().describe();
    }

    /** What the patched order would have done, in a sentence. */
    static String patchedVerdict(Fpre004Explanation e) {
        if (e.patchedReads().isEmpty()) {
            return e.patchedOutcome() == Fpre004Explanation.PatchedOutcome.UNKNOWN
                    ? "No checks were recorded, so the patched order cannot be replayed."
                    : "";
        }
        PatchedRead firstRead = e.patchedReads().get(0);
        PatchedRead lastRead = e.patchedReads().get(e.patchedReads().size() - 1);
        String approx = e.patchedSlotsApproximate()
                ? " (The legacy run stopped after " + e.checks().size()
                        + " checks, so the later reads are placed at its last one.)"
                : "";
        return switch (e.patchedOutcome()) {
            case WAITS_FOR_WRITE -> {
                String lock = e.lockHolderAtFirstCheck() != 0
                        ? " (the lock was held by write " + e.lockHolderAtFirstCheck() + ")"
                        : "";
                yield "The patched order reads " + lastRead.field().jsonName()
                        + (lastRead == firstRead ? " first" : "")
                        + ": at " + EventText.millis(lastRead.timeMicros()) + " it would have seen "
                        + lastRead.field().jsonName()
                        + "=" + lastRead.field().format(lastRead.value()) + lock
                        + ", so it would have waited for the write to complete and read from the media instead of"
                        + " trusting the cache: no FPRE004." + approx;
            }
            case READS_MEDIA ->
                "The patched order reads lastWritePending first: at "
                        + EventText.millis(firstRead.timeMicros())
                        + " it would have seen false and no lock held, then cacheState="
                        + Field.CACHE_STATE.format(lastRead.value()) + " at " + EventText.millis(lastRead.timeMicros())
                        + ", so it would have read the block from the media: a consistent read, no FPRE004." + approx;
            case SERVES_CACHE ->
                "The patched order reads lastWritePending first: at "
                        + EventText.millis(firstRead.timeMicros())
                        + " it would have seen false and no lock held, then a READY buffer"
                        + " holding version " + e.patchedCachedVersion()
                        + ", the committed version when it looked, so it would have served"
                        + " correct data from the cache: no FPRE004. A write that began later is simply ordered after this read."
                        + approx;
            case FAILS_TOO ->
                "The patched order would have found no write pending, then a READY buffer"
                        + " holding version " + e.patchedCachedVersion() + " while the media held version "
                        + e.patchedMediaVersion()
                        + ": it too would have raised FPRE004. The buffer itself was stale; no check order hides that."
                        + approx;
            default -> "";
        };
    }

    /** One sentence per switch on what it changes, and whether that bears on this mechanism. */
    static List<SwitchNote> switchNotes(Fpre004Explanation e) {
        List<SwitchNote> notes = new ArrayList<>();
        String reorderHere;
        switch (e.patchedOutcome()) {
            case WAITS_FOR_WRITE, READS_MEDIA, SERVES_CACHE ->
                reorderHere =
                        "Here: the patched order, replayed on this block's states, would not have raised FPRE004.";
            case FAILS_TOO -> reorderHere = "Here: not enough, the buffer itself was stale.";
            default -> reorderHere = "Here: cannot be replayed, no checks were recorded.";
        }
        notes.add(new SwitchNote(
                "reorder",
                "Reads lastWritePending and the lock before the cache state, so a pending write sends the read to the"
                        + " media before the cache is trusted.",
                reorderHere));
        String barrierHere;
        String backoffHere;
        EventKind by = e.completingSeq() >= 0 ? e.completingKind() : null;
        if (e.mechanism() == Mechanism.TORN_READ) {
            barrierHere =
                    "Here: does not address a torn read; the buffer was legitimately READY (no write held the lock)"
                            + " when the verifier read it.";
            backoffHere = "Here: does not address a torn read; it only delays when a buffer becomes READY, and this one"
                    + " was consistent when the verifier read it.";
        } else if (e.mechanism() == Mechanism.STORED_INCONSISTENCY
                && (by == EventKind.PREFETCH_READY || by == EventKind.COMPACT_REFRESH)) {
            barrierHere = "Here: " + e.completingActor() + " marked the buffer READY while a write held the lock;"
                    + " the barrier forbids exactly that, so the block would not have held the pair.";
            backoffHere = by == EventKind.PREFETCH_READY
                    ? "Here: it would have delayed this READY but does not look at the lock, so it can only make the"
                            + " stored inconsistency rarer, not impossible."
                    : "Here: does not apply; the READY came from compaction's refresh, which the backoff does not delay.";
        } else {
            barrierHere = "Here: the trace does not show a fill or refresh marking the buffer READY during a write.";
            backoffHere = barrierHere;
        }
        notes.add(new SwitchNote(
                "barrier",
                "Lets a prefetch fill mark its buffer READY only if no write holds the lock and the block's version has not"
                        + " moved, and skips compaction's cache refresh while a write is in flight.",
                barrierHere));
        notes.add(new SwitchNote(
                "backoff",
                "Waits a short time (prefetchBackoffMicros) before a prefetch fill marks its buffer READY, giving a write"
                        + " that starts meanwhile the chance to invalidate it first.",
                backoffHere));
        return notes;
    }

    static String headline(Fpre004Explanation e) {
        String prefix = e.mechanism().title() + ": ";
        if (e.mechanism() == Mechanism.UNDETERMINED) {
            return prefix
                    + (e.firstOfPair() != null
                            ? "the verifier found " + inconsistency(e)
                            : "the FPRE004 names no field");
        }
        if (e.pairKind() == PairKind.PENDING_WRITE) {
            return e.mechanism() == Mechanism.STORED_INCONSISTENCY
                    ? prefix + "the cache buffer was marked READY while " + StoryText.writeName(e.writeId())
                            + " was still pending, and the verifier found both"
                    : prefix + StoryText.writeName(e.writeId())
                            + " began between the verifier's read of cacheState and its read of lastWritePending";
        }
        return e.mechanism() == Mechanism.STORED_INCONSISTENCY
                ? prefix
                        + "the cache buffer was READY with an older version than the media's, and the verifier found it"
                : prefix + "a write landed between the verifier's read of cacheVersion and its read of the checksum";
    }

    static String summary(Fpre004Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("The read of block ").append(e.block());
        if (e.transactionId() != 0) {
            sb.append(" (txn ").append(e.transactionId()).append(')');
        }
        sb.append(" failed with FPRE004 at ")
                .append(EventText.millis(e.timeMicros()))
                .append(". ");
        if (e.secondOfPair() != null) {
            CheckRead first = e.firstOfPair();
            CheckRead second = e.secondOfPair();
            sb.append("The verifier read ")
                    .append(first.field().jsonName())
                    .append('=')
                    .append(first.field().format(first.value()))
                    .append(" first and ")
                    .append(EventText.millis(second.timeMicros() - first.timeMicros()))
                    .append(" later ")
                    .append(second.field().jsonName())
                    .append('=')
                    .append(second.field().format(second.value()))
                    .append(": ");
            sb.append(pairMeaning(e)).append(". ");
        } else if (e.firstOfPair() != null) {
            sb.append("The verifier found ").append(e.firstOfPair().describe()).append(". ");
        }
        if (e.window() != null && e.window().unrecordedRead() != null) {
            sb.append("Whether the block held that pair cannot be told: ")
                    .append(e.window().unrecordedRead())
                    .append(". ");
        } else if (e.mechanism() == Mechanism.STORED_INCONSISTENCY && e.completingSeq() >= 0) {
            sb.append("The block really held that pair: it began at ")
                    .append(EventText.millis(e.completingTimeMicros()))
                    .append(" with ")
                    .append(e.completingKind())
                    .append(" by ")
                    .append(e.completingActor())
                    .append(". ");
        } else if (e.mechanism() == Mechanism.TORN_READ && e.tearSeq() >= 0) {
            sb.append("The block never held that pair: ")
                    .append(StoryText.writeName(e.writeId()))
                    .append(" began at ")
                    .append(EventText.millis(e.tearTimeMicros()))
                    .append(", between the two reads. ");
        }
        if (!e.slipped().isEmpty()) {
            List<String> actors = new ArrayList<>();
            for (SlippedEvent ev : e.slipped()) {
                if (!actors.contains(ev.actor())) {
                    actors.add(ev.actor());
                }
            }
            sb.append(e.slipped().size())
                    .append(e.slipped().size() == 1 ? " event" : " events")
                    .append(" from ")
                    .append(String.join(", ", actors))
                    .append(" slipped in between the verifier's checks. ");
        }
        switch (e.patchedOutcome()) {
            case WAITS_FOR_WRITE ->
                sb.append(
                        "Checked in the patched order, the pending write would have been seen first and the cache not trusted.");
            case READS_MEDIA, SERVES_CACHE ->
                sb.append(
                        "Checked in the patched order, no write was pending at its first read and the read would have been consistent.");
            case FAILS_TOO ->
                sb.append("Checked in the patched order, the stale buffer would have failed the checksum too.");
            default -> {}
        }
        return sb.toString().trim();
    }

    private static String pairMeaning(Fpre004Explanation e) {
        if (e.pairKind() == PairKind.PENDING_WRITE) {
            switch (e.mechanism()) {
                case TORN_READ:
                    return "each was true when read, but never at the same time";
                case STORED_INCONSISTENCY:
                    return "the cache was marked ready while a write was still pending";
                default:
                    return "it saw the cache ready and a write pending";
            }
        }
        if (e.pairKind() == PairKind.STALE_VERSION) {
            return e.mechanism() == Mechanism.TORN_READ
                    ? "the version moved between the two reads, so the cached version and the checksum came from different moments"
                    : "the cached data's checksum did not match the metadata checksum, so the buffer held data of another"
                            + " version than the one it claimed";
        }
        return "the two values cannot both be true of one block";
    }
}
