package org.fabricscope.sim.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of positive whole numbers written as sorted, merged ranges, e.g. {@code 1-40,42}.
 * Scenario parameters that name individual workload operations (read transactions, writes,
 * compaction passes) hold one; the empty set is written as the empty string.
 */
public final class IdSet {
    public static final IdSet EMPTY = new IdSet(new long[0]);

    /** Alternating inclusive bounds: from0, to0, from1, to1, ... ascending and not touching. */
    private final long[] bounds;

    private IdSet(long[] bounds) {
        this.bounds = bounds;
    }

    /**
     * Parses {@code 3,1-2, 7} (ranges and single numbers, any order, overlaps allowed).
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    public static IdSet parse(String text, long min, long max) {
        String t = text.trim();
        if (t.isEmpty()) {
            return EMPTY;
        }
        List<long[]> ranges = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            String p = part.trim();
            int dash = p.indexOf('-', 1);
            long from;
            long to;
            try {
                if (dash < 0) {
                    from = Long.parseLong(p);
                    to = from;
                } else {
                    from = Long.parseLong(p.substring(0, dash).trim());
                    to = Long.parseLong(p.substring(dash + 1).trim());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + (p.length() > 40 ? p.substring(0, 40) + "…" : p) + "' is not a number or a range A-B");
            }
            if (from > to) {
                throw new IllegalArgumentException("range " + from + "-" + to + " runs backwards");
            }
            if (from < min || to > max) {
                throw new IllegalArgumentException(
                        (from == to ? "" + from : from + "-" + to) + " is outside " + min + " to " + max);
            }
            ranges.add(new long[] {from, to});
        }
        return of(ranges);
    }

    /** The set holding exactly {@code ids}. */
    public static IdSet ofIds(long... ids) {
        List<long[]> ranges = new ArrayList<>();
        for (long id : ids) {
            ranges.add(new long[] {id, id});
        }
        return of(ranges);
    }

    private static IdSet of(List<long[]> ranges) {
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] out = new long[ranges.size() * 2];
        int n = 0;
        for (long[] r : ranges) {
            if (n > 0 && r[0] <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], r[1]);
            } else {
                out[n++] = r[0];
                out[n++] = r[1];
            }
        }
        return n == 0 ? EMPTY : new IdSet(Arrays.copyOf(out, n));
    }

    /** True if {@code id} is in the set. */
    public boolean contains(long id) {
        int lo = 0;
        int hi = bounds.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (id < bounds[2 * mid]) {
                hi = mid - 1;
            } else if (id > bounds[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** How many numbers the set holds. */
    public long size() {
        long n = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            n += bounds[i + 1] - bounds[i] + 1;
        }
        return n;
    }

    /** The canonical text: sorted, merged ranges, e.g. {@code 1-40,42}; empty for the empty set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(bounds[i]);
            if (bounds[i + 1] != bounds[i]) {
                sb.append('-').append(bounds[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdSet s && Arrays.equals(s.bounds, bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
