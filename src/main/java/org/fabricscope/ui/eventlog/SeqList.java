package org.fabricscope.ui.eventlog;

import java.util.AbstractList;
import java.util.Arrays;
import javafx.collections.ObservableListBase;

/**
 * The event log's rows: an observable, read-only list of event sequence numbers, either every
 * event ({@code 0..n-1}, held as a count) or the ascending sequence numbers a filter kept (held in
 * an {@code int[]}). Boxing happens only for the rows the table asks for, i.e. the visible ones.
 */
final class SeqList extends ObservableListBase<Integer> {
    private int[] seqs; // null: every event, row i is event i
    private int size;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return seqs == null ? index : seqs[index];
    }

    /** The sequence number of row {@code index}, without boxing. */
    int seqAt(int index) {
        return seqs == null ? index : seqs[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Shows every one of {@code count} events. */
    void showAll(int count) {
        replace(null, count);
    }

    /** Shows the events in {@code ascending[0..count)}; the array is kept, not copied. */
    void show(int[] ascending, int count) {
        replace(ascending, count);
    }

    /** The row showing event {@code seq}, or {@code -(insertion point) - 1} if it is filtered out. */
    int rowOf(int seq) {
        if (seqs == null) {
            return seq >= 0 && seq < size ? seq : -(Math.max(0, Math.min(seq, size))) - 1;
        }
        return Arrays.binarySearch(seqs, 0, size, seq);
    }

    private void replace(int[] next, int nextSize) {
        int[] old = seqs;
        int oldSize = size;
        seqs = next;
        size = nextSize;
        beginChange();
        if (oldSize > 0) {
            // A view of the old rows, not a copy: the removed list is only read by listeners.
            nextRemove(0, new AbstractList<Integer>() {
                @Override
                public Integer get(int i) {
                    return old == null ? i : old[i];
                }

                @Override
                public int size() {
                    return oldSize;
                }
            });
        }
        if (nextSize > 0) {
            nextAdd(0, nextSize);
        }
        endChange();
    }
}
