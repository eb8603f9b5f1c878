package org.fabricscope.ui.eventlog;

import java.util.AbstractList;
import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The event log's rows: an observable, read-only list of event sequence numbers, either every
 * event ({@code 0..n-1}, held as a count) or the ascending sequence numbers a filter kept (held in
 * an {@code int[]}). Boxing happens only for the rows the table asks for, i.e. the visible ones.
 *
 * <p>In compare mode the list also holds rows of the other run (B), written {@code ~seqB} (so
 * negative), each placed before a given row of A: two ints per B row, nothing per A row.
 */
final class SeqList extends ObservableListBase<Integer> {
    /** What is shown; replaced whole, so the removed rows of a change stay readable. */
    private record Content(int[] seqs, int size, int[] other, int[] otherPos, int otherCount) {
        /** seqs == null: every event, A row i is event i. other[k] goes before A row otherPos[k]. */
        int total() {
            return size + otherCount;
        }

        /** The entry of row {@code r}: an A sequence number, or {@code ~seqB}. */
        int at(int r) {
            // B row k is at row otherPos[k] + k, strictly increasing in k.
            int lo = 0;
            int hi = otherCount;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int row = otherPos[mid] + mid;
                if (row == r) {
                    return ~other[mid];
                }
                if (row < r) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int i = r - lo; // lo B rows come before row r
            return seqs == null ? i : seqs[i];
        }

        /** B rows placed before or at A row {@code i}, i.e. before A row {@code i + 1}. */
        int otherBefore(int aRow) {
            int lo = 0;
            int hi = otherCount;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (otherPos[mid] <= aRow) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** A's row index of event {@code seq}, or {@code -(insertion point) - 1}. */
        int aRowOf(int seq) {
            if (seqs == null) {
                return seq >= 0 && seq < size ? seq : -(Math.max(0, Math.min(seq, size))) - 1;
            }
            return Arrays.binarySearch(seqs, 0, size, seq);
        }
    }

    private static final Content EMPTY = new Content(null, 0, new int[0], new int[0], 0);

    private Content content = EMPTY;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= content.total()) {
            throw new IndexOutOfBoundsException(index);
        }
        return content.at(index);
    }

    /** The entry of row {@code index} ({@code ~seqB} for a row of B), without boxing. */
    int seqAt(int index) {
        return content.at(index);
    }

    @Override
    public int size() {
        return content.total();
    }

    /** Rows of B in the list. */
    int otherCount() {
        return content.otherCount();
    }

    /** Shows every one of {@code count} events. */
    void showAll(int count) {
        replace(new Content(null, count, EMPTY.other(), EMPTY.otherPos(), 0));
    }

    /** Shows the events in {@code ascending[0..count)}; the array is kept, not copied. */
    void show(int[] ascending, int count) {
        replace(new Content(ascending, count, EMPTY.other(), EMPTY.otherPos(), 0));
    }

    /**
     * Shows A's events ({@code ascending[0..count)}, or every one of {@code count} when null) with
     * B's events {@code other[0..otherCount)} merged in, {@code other[k]} just before A's row {@code
     * otherPos[k]} ({@code otherPos} ascending; {@code count} for the end). The arrays are kept.
     */
    void merge(int[] ascending, int count, int[] other, int[] otherPos, int otherCount) {
        replace(new Content(ascending, count, other, otherPos, otherCount));
    }

    /** The row showing A's event {@code seq}, or {@code -(insertion point) - 1} if it is filtered out. */
    int rowOf(int seq) {
        Content c = content;
        int i = c.aRowOf(seq);
        if (c.otherCount() == 0) {
            return i;
        }
        if (i >= 0) {
            return i + c.otherBefore(i);
        }
        int at = -i - 1; // the A row it would be before
        return -(at + (at == 0 ? 0 : c.otherBefore(at - 1))) - 1;
    }

    /** The row showing B's event {@code seqB}, or -1. */
    int rowOfOther(int seqB) {
        Content c = content;
        for (int k = 0; k < c.otherCount(); k++) {
            if (c.other()[k] == seqB) {
                return c.otherPos()[k] + k;
            }
        }
        return -1;
    }

    private void replace(Content next) {
        Content old = content;
        content = next;
        beginChange();
        if (old.total() > 0) {
            // A view of the old rows, not a copy: the removed list is only read by listeners.
            nextRemove(0, new AbstractList<Integer>() {
                @Override
                public Integer get(int i) {
                    return old.at(i);
                }

                @Override
                public int size() {
                    return old.total();
                }
            });
        }
        if (next.total() > 0) {
            nextAdd(0, next.total());
        }
        endChange();
    }
}
