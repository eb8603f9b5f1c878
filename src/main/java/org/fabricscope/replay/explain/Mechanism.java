package org.fabricscope.replay.explain;

/**
 * How the verifier came to see an inconsistent pair: the two mechanisms by which the legacy check
 * order raises FPRE004, told apart from the trace alone (see {@link CheckWindow}).
 */
public enum Mechanism {
    /**
     * The block really held the inconsistent pair (a buffer READY while a write was pending, or a
     * READY buffer of another version than the committed one) at some moment of the verifier's
     * check window: prefetch or compaction's refresh marked the buffer ready during a late write's
     * lock. The verifier saw something that was true.
     */
    STORED_INCONSISTENCY("stored-inconsistency", "Stored inconsistency"),
    /**
     * Each value was true when the verifier read it, but the block never held both at the same
     * moment: a write slipped in between the two reads. The legacy order's flaw in its purest form.
     */
    TORN_READ("torn-read", "Torn read"),
    /**
     * The trace does not show enough to tell: the FPRE004 names a field outside both pairs, or the
     * verifier's checks were not recorded.
     */
    UNDETERMINED("undetermined", "Mechanism not determined");

    private final String jsonName;
    private final String title;

    Mechanism(String jsonName, String title) {
        this.jsonName = jsonName;
        this.title = title;
    }

    /** The stable name in {@code explain --json}, e.g. {@code torn-read}. */
    public String jsonName() {
        return jsonName;
    }

    /** E.g. {@code Torn read}. */
    public String title() {
        return title;
    }

    /** One sentence saying what the mechanism is, for a reader who has not met it. */
    public String definition() {
        switch (this) {
            case STORED_INCONSISTENCY:
                return "The block really held both values at the same time: another actor put the metadata into a"
                        + " state the fabric's rules forbid, and the verifier found it there.";
            case TORN_READ:
                return "Each value was true when the verifier read it, but never at the same time: a write slipped"
                        + " in between the two reads, so the verifier combined two different moments into one"
                        + " impossible state.";
            default:
                return "The trace does not show enough of the verification to tell how the pair arose.";
        }
    }
}
