package org.fabricscope.sweep;

/** A sweep definition the user can fix (a bad axis, an empty grid, a bad sweep file); shown as its one-line message. */
public final class SweepException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }
}
