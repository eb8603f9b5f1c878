package org.fabricscope.sim.core;

import java.util.Arrays;

/**
 * The pending timers of one run, ordered by (time, insertion sequence): two timers due at the same
 * microsecond fire in the order they were scheduled, so ties never depend on heap layout. A binary
 * heap over parallel arrays; bounded by {@code maxSize}.
 */
public final class EventQueue {
    private final int maxSize;
    private long[] time = new long[256];
    private long[] order = new long[256];
    private Action[] action = new Action[256];
    private int size;
    private long nextOrder;

    public EventQueue(int maxSize) {
        this.maxSize = maxSize;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest timer; undefined when empty. */
    public long peekTime() {
        return time[0];
    }

    /** Adds a timer. @throws SimulationLimitException when the queue would exceed its bound */
    public void add(long atMicros, Action a) {
        if (size == maxSize) {
            throw new SimulationLimitException(
                    "event queue exceeded its limit of " + maxSize + " pending timers (maxQueueSize)");
        }
        insert(atMicros, nextOrder++, a);
    }

    private void insert(long atMicros, long o, Action a) {
        if (size == time.length) {
            int cap = size * 2;
            time = Arrays.copyOf(time, cap);
            order = Arrays.copyOf(order, cap);
            action = Arrays.copyOf(action, cap);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(atMicros, o, time[parent], order[parent])) {
                break;
            }
            time[i] = time[parent];
            order[i] = order[parent];
            action[i] = action[parent];
            i = parent;
        }
        time[i] = atMicros;
        order[i] = o;
        action[i] = a;
    }

    /**
     * Removes and returns one of the timers due at the earliest time, chosen by {@code choices} when
     * there are several (index in scheduling order); the others keep their place.
     */
    public Action pollChoosing(Choices choices) {
        long t = time[0];
        int tied = 0;
        long[] orders = new long[4];
        Action[] actions = new Action[4];
        while (size > 0 && time[0] == t) {
            if (tied == orders.length) {
                orders = Arrays.copyOf(orders, tied * 2);
                actions = Arrays.copyOf(actions, tied * 2);
            }
            orders[tied] = order[0];
            actions[tied++] = poll();
        }
        int pick = tied == 1 ? 0 : choices.tie(tied);
        for (int i = 0; i < tied; i++) {
            if (i != pick) {
                insert(t, orders[i], actions[i]);
            }
        }
        return actions[pick];
    }

    /** The pending timers in firing order (time, then scheduling order), for an explorer's state hash. */
    public void forEachPending(PendingVisitor visitor) {
        int n = size;
        long[] t = Arrays.copyOf(time, n);
        long[] o = Arrays.copyOf(order, n);
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> t[a] != t[b] ? Long.compare(t[a], t[b]) : Long.compare(o[a], o[b]));
        for (int i = 0; i < n; i++) {
            visitor.pending(t[idx[i]], action[idx[i]]);
        }
    }

    /** Receives one pending timer. */
    public interface PendingVisitor {
        void pending(long atMicros, Action action);
    }

    /** Removes and returns the earliest timer's action (its time was {@link #peekTime()}). */
    public Action poll() {
        if (size == 0) {
            throw new ModelAssertionError("poll of an empty timer queue");
        }
        Action top = action[0];
        int last = --size;
        long t = time[last];
        long o = order[last];
        Action a = action[last];
        action[last] = null;
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && less(time[right], order[right], time[child], order[child])) {
                child = right;
            }
            if (!less(time[child], order[child], t, o)) {
                break;
            }
            time[i] = time[child];
            order[i] = order[child];
            action[i] = action[child];
            i = child;
        }
        if (last > 0) {
            time[i] = t;
            order[i] = o;
            action[i] = a;
        }
        return top;
    }

    private static boolean less(long t1, long o1, long t2, long o2) {
        return t1 < t2 || (t1 == t2 && o1 < o2);
    }
}
