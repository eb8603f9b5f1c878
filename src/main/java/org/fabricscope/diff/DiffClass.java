package org.fabricscope.diff;

/** How an event of one run relates to the other run. */
public enum DiffClass {
    /** The same event (same identity) with the same values at the same time. */
    SAME("same"),
    /** The same event with the same values at another time. Not a divergence. */
    RETIMED("retimed"),
    /** The same event with other values ({@code old}, {@code new}, {@code arg} or {@code node}). */
    CHANGED("changed"),
    /** An event of run A that run B does not have. */
    ONLY_IN_A("only_in_a"),
    /** An event of run B that run A does not have. */
    ONLY_IN_B("only_in_b");

    private final String jsonName;

    DiffClass(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The stable name used in {@code diff --json}. */
    public String jsonName() {
        return jsonName;
    }

    /** True for changed, only in A and only in B: what makes two runs differ. */
    public boolean isDifference() {
        return this == CHANGED || this == ONLY_IN_A || this == ONLY_IN_B;
    }
}
