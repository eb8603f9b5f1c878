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
        if (size == time.length) {
            int cap = size * 2;
            time = Arrays.copyOf(time, cap);
            order = Arrays.copyOf(order, cap);
            action = Arrays.copyOf(action, cap);
        }
        long o = nextOrder++;
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
