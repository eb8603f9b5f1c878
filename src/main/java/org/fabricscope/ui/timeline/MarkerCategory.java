package org.fabricscope.ui.timeline;

import org.fabricscope.trace.EventKind;

/**
 * How an event is drawn on its lanes. One category is one colour, so markers are drawn category by
 * category with a single fill change each. Declared in drawing order: {@link #FPRE004} last, so
 * nothing covers it.
 */
public enum MarkerCategory {
    SYSTEM("system"),
    READ("read"),
    WRITE("write path"),
    ACK("write ACK"),
    PREFETCH("prefetch"),
    PREFETCH_READY("prefetch ready"),
    COMPACTION("compaction"),
    VERIFY("verifier check"),
    RESPONSE("retry / quarantine / remap"),
    MEDIA_ERROR("media error"),
    READ_FAIL("read failed"),
    FPRE004("FPRE004");

    private static final MarkerCategory[] VALUES = values();
    private static final MarkerCategory[] BY_KIND = new MarkerCategory[EventKind.count()];

    static {
        for (EventKind k : EventKind.values()) {
            BY_KIND[k.ordinal()] = classify(k);
        }
    }

    private final String label;

    MarkerCategory(String label) {
        this.label = label;
    }

    /** The legend's name for the category. */
    public String label() {
        return label;
    }

    public static MarkerCategory of(EventKind kind) {
        return BY_KIND[kind.ordinal()];
    }

    static MarkerCategory ofKindOrdinal(int kindOrdinal) {
        return BY_KIND[kindOrdinal];
    }

    public static MarkerCategory ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }

    private static MarkerCategory classify(EventKind k) {
        switch (k) {
            case READ_BURST:
            case READ_ISSUE:
            case READ_OK:
                return READ;
            case READ_FAIL:
                return READ_FAIL;
            case WRITE_ISSUE:
            case WRITE_LOCK:
            case WRITE_PENDING:
            case WRITE_MEDIA:
            case CACHE_INVALIDATE:
            case WRITE_RELEASE:
                return WRITE;
            case WRITE_ACK:
                return ACK;
            case PREFETCH_READY:
                return PREFETCH_READY;
            case PREFETCH_START:
            case PREFETCH_FILL:
            case PREFETCH_BACKOFF:
            case PREFETCH_BARRIER_HOLD:
            case PREFETCH_ABORT:
                return PREFETCH;
            case COMPACT_COPY:
            case COMPACT_SWITCH:
            case COMPACT_REFRESH:
            case COMPACT_DONE:
                return COMPACTION;
            case VERIFY_BEGIN:
            case VERIFY_CHECK:
            case VERIFY_PASS:
                return VERIFY;
            case FPRE004:
                return FPRE004;
            case RETRY:
            case QUARANTINE:
            case REMAP:
            case LATENCY_SPIKE:
                return RESPONSE;
            case MEDIA_ERROR:
                return MEDIA_ERROR;
            default:
                return SYSTEM;
        }
    }
}
