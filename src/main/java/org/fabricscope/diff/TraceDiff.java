package org.fabricscope.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.LongIntMap;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Topology;
import org.fabricscope.trace.Trace;

/**
 * Two runs aligned event by event by {@link EventIdentity}: each event's partner in the other run
 * (or none), its {@link DiffClass}, the differences in time order, the first divergence, and the
 * differences in outcome.
 *
 * <p>Retained memory is one {@code int} per event of each run (the partner) plus one per
 * difference; classes are computed from the pair when asked, not stored. The identities and the
 * lookup table used while aligning are dropped when {@link #compare} returns.
 */
public final class TraceDiff {
    private final Trace a;
    private final Trace b;
    /** For each event of A, its partner in B, or -1. */
    private final int[] partnerOfA;
    /** For each event of B, its partner in A, or -1. */
    private final int[] partnerOfB;
    /**
     * Every difference in time order, one entry each: an A sequence number ({@code >= 0}) for a
     * changed pair or an event only in A, {@code ~seq} of B for an event only in B.
     */
    private final int[] differences;

    private final long[] counts = new long[DiffClass.values().length];
    private final Divergence firstDivergence;

    /** One difference, or the first divergence: an event of A and/or of B (-1 for none). */
    public record Divergence(DiffClass diffClass, int seqA, int seqB, long timeMicros) {}

    /** A read transaction whose first result differs: {@code null} kind when the run has none. */
    public record ReadDifference(int txn, EventKind resultA, int seqA, EventKind resultB, int seqB) {}

    /** The state transitions of one block that differ: A's side (changed, only in A), B's side. */
    public record BlockDifference(int block, int[] seqsA, int[] seqsB) {}

    private TraceDiff(Trace a, Trace b, int[] partnerOfA, int[] partnerOfB) {
        this.a = a;
        this.b = b;
        this.partnerOfA = partnerOfA;
        this.partnerOfB = partnerOfB;
        int onlyB = 0;
        int diffsA = 0;
        for (int i = 0; i < partnerOfA.length; i++) {
            DiffClass c = classOfA(i);
            counts[c.ordinal()]++;
            if (c.isDifference()) {
                diffsA++;
            }
        }
        for (int j = 0; j < partnerOfB.length; j++) {
            if (partnerOfB[j] < 0) {
                onlyB++;
            }
        }
        counts[DiffClass.ONLY_IN_B.ordinal()] = onlyB;
        differences = mergeDifferences(diffsA, onlyB);
        firstDivergence = findFirstDivergence();
    }

    /**
     * Aligns two traces.
     *
     * @throws IncomparableTracesException when their topologies differ, so block ids do not name
     *     the same blocks (the message is one line saying how)
     */
    public static TraceDiff compare(Trace a, Trace b) throws IncomparableTracesException {
        return compare(a, b, Progress.NONE);
    }

    /** {@link #compare(Trace, Trace)} with progress and cancel. */
    public static TraceDiff compare(Trace a, Trace b, Progress progress) throws IncomparableTracesException {
        String reason = incomparability(a, b);
        if (reason != null) {
            throw new IncomparableTracesException(reason);
        }
        progress.phase("Aligning the runs");
        long[] idsB = EventIdentity.of(b);
        progress.update(1, 4);
        progress.checkCancelled();
        LongIntMap seqOfB = new LongIntMap(idsB.length);
        for (int j = 0; j < idsB.length; j++) {
            seqOfB.putIfAbsent(idsB[j], j);
        }
        idsB = null;
        progress.update(2, 4);
        progress.checkCancelled();
        long[] idsA = EventIdentity.of(a);
        progress.update(3, 4);
        progress.checkCancelled();
        int[] partnerOfA = new int[a.size()];
        int[] partnerOfB = new int[b.size()];
        Arrays.fill(partnerOfB, -1);
        for (int i = 0; i < idsA.length; i++) {
            int j = seqOfB.get(idsA[i], -1);
            // A hash collision inside B, or a repeated identity, must not pair one B event twice.
            if (j >= 0 && partnerOfB[j] < 0) {
                partnerOfA[i] = j;
                partnerOfB[j] = i;
            } else {
                partnerOfA[i] = -1;
            }
        }
        progress.update(4, 4);
        return new TraceDiff(a, b, partnerOfA, partnerOfB);
    }

    /** Why two traces cannot be compared, or null if they can. */
    public static String incomparability(Trace a, Trace b) {
        Topology ta = a.header().topology();
        Topology tb = b.header().topology();
        if (ta.equals(tb)) {
            return null;
        }
        if (ta.nodes() != tb.nodes()
                || ta.drivesPerNode() != tb.drivesPerNode()
                || ta.blockCount() != tb.blockCount()) {
            return "the runs have different topologies (A: " + shape(ta) + "; B: " + shape(tb)
                    + "), so their block ids do not name the same blocks";
        }
        for (int i = 0; i < ta.blockCount(); i++) {
            if (!ta.block(i).equals(tb.block(i))) {
                Topology.BlockInfo x = ta.block(i);
                Topology.BlockInfo y = tb.block(i);
                return "the runs have different topologies: block " + i + " is " + x.file() + " on node " + x.node()
                        + " drive " + x.drive() + " in A but " + y.file() + " on node " + y.node() + " drive "
                        + y.drive() + " in B";
            }
        }
        return null;
    }

    private static String shape(Topology t) {
        return t.nodes() + " nodes x " + t.drivesPerNode() + " drives, " + t.blockCount() + " blocks";
    }

    public Trace a() {
        return a;
    }

    public Trace b() {
        return b;
    }

    /** The event of B that is the same event as A's {@code seqA}, or -1. */
    public int partnerOfA(int seqA) {
        return partnerOfA[seqA];
    }

    /** The event of A that is the same event as B's {@code seqB}, or -1. */
    public int partnerOfB(int seqB) {
        return partnerOfB[seqB];
    }

    public DiffClass classOfA(int seqA) {
        int j = partnerOfA[seqA];
        return j < 0 ? DiffClass.ONLY_IN_A : pairClass(seqA, j);
    }

    public DiffClass classOfB(int seqB) {
        int i = partnerOfB[seqB];
        return i < 0 ? DiffClass.ONLY_IN_B : pairClass(i, seqB);
    }

    private DiffClass pairClass(int i, int j) {
        if (a.oldValue(i) != b.oldValue(j)
                || a.newValue(i) != b.newValue(j)
                || a.arg(i) != b.arg(j)
                || a.node(i) != b.node(j)) {
            return DiffClass.CHANGED;
        }
        return a.timeMicros(i) == b.timeMicros(j) ? DiffClass.SAME : DiffClass.RETIMED;
    }

    /** Events of that class; a pair (same, retimed, changed) counts once. */
    public long count(DiffClass c) {
        return counts[c.ordinal()];
    }

    /** True when no event is changed, only in A or only in B (retimed events allowed). */
    public boolean behavesTheSame() {
        return differences.length == 0;
    }

    /** Number of differences (a changed pair counts once). */
    public int differenceCount() {
        return differences.length;
    }

    /** The {@code k}-th difference in time order. */
    public Divergence difference(int k) {
        return divergenceOf(differences[k]);
    }

    /** The earliest event, in either run, that is neither same nor retimed; null if none. */
    public Divergence firstDivergence() {
        return firstDivergence;
    }

    private Divergence divergenceOf(int entry) {
        if (entry >= 0) {
            int j = partnerOfA[entry];
            return new Divergence(j < 0 ? DiffClass.ONLY_IN_A : DiffClass.CHANGED, entry, j, a.timeMicros(entry));
        }
        int j = ~entry;
        return new Divergence(DiffClass.ONLY_IN_B, -1, j, b.timeMicros(j));
    }

    private long entryTime(int entry) {
        return entry >= 0 ? a.timeMicros(entry) : b.timeMicros(~entry);
    }

    /**
     * The index in {@link #difference} of the first difference at or after {@code timeMicros}
     * ({@link #differenceCount()} if none).
     */
    public int firstDifferenceAtOrAfter(long timeMicros) {
        int lo = 0;
        int hi = differences.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entryTime(differences[mid]) < timeMicros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[] mergeDifferences(int diffsA, int onlyB) {
        int[] out = new int[diffsA + onlyB];
        int i = nextDiffA(0);
        int j = nextOnlyB(0);
        int k = 0;
        while (i < partnerOfA.length || j < partnerOfB.length) {
            boolean takeA = j >= partnerOfB.length || (i < partnerOfA.length && a.timeMicros(i) <= b.timeMicros(j));
            if (takeA) {
                out[k++] = i;
                i = nextDiffA(i + 1);
            } else {
                out[k++] = ~j;
                j = nextOnlyB(j + 1);
            }
        }
        return out;
    }

    private int nextDiffA(int from) {
        int i = from;
        while (i < partnerOfA.length && !classOfA(i).isDifference()) {
            i++;
        }
        return i;
    }

    private int nextOnlyB(int from) {
        int j = from;
        while (j < partnerOfB.length && partnerOfB[j] >= 0) {
            j++;
        }
        return j;
    }

    /**
     * The earliest difference, a changed pair counting at the earlier of its two times (an ACK moved
     * earlier in B diverges when B's ACK happens). Ties go to the earlier entry in time order. A
     * changed pair may count far earlier than its place in the list, so every entry is looked at.
     */
    private Divergence findFirstDivergence() {
        Divergence best = null;
        for (int entry : differences) {
            Divergence d = divergenceOf(entry);
            long t = d.diffClass() == DiffClass.CHANGED
                    ? Math.min(a.timeMicros(d.seqA()), b.timeMicros(d.seqB()))
                    : d.timeMicros();
            if (best == null || t < best.timeMicros()) {
                best = new Divergence(d.diffClass(), d.seqA(), d.seqB(), t);
            }
        }
        return best;
    }

    /** FPRE004 events of A that B does not have. */
    public int[] fpre004OnlyInA() {
        List<Integer> out = new ArrayList<>();
        for (int entry : differences) {
            if (entry >= 0 && partnerOfA[entry] < 0 && a.kind(entry) == EventKind.FPRE004) {
                out.add(entry);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** FPRE004 events of B that A does not have. */
    public int[] fpre004OnlyInB() {
        List<Integer> out = new ArrayList<>();
        for (int entry : differences) {
            if (entry < 0 && b.kind(~entry) == EventKind.FPRE004) {
                out.add(~entry);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of FPRE004 events in a trace. */
    public static int fpre004Count(Trace t) {
        int n = 0;
        int k = EventKind.FPRE004.ordinal();
        for (int i = 0; i < t.size(); i++) {
            if (t.kindOrdinal(i) == k) {
                n++;
            }
        }
        return n;
    }

    /**
     * Read transactions (by transaction id) whose first result, {@code READ_OK} or
     * {@code READ_FAIL}, differs between the runs, or that have a result in one run only. The first
     * result is what the client saw (a retry that succeeds afterwards does not undo a failure).
     */
    public List<ReadDifference> readDifferences() {
        Map<Integer, Integer> ra = firstResults(a);
        Map<Integer, Integer> rb = firstResults(b);
        TreeMap<Integer, ReadDifference> out = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : ra.entrySet()) {
            Integer sb = rb.get(e.getKey());
            EventKind ka = a.kind(e.getValue());
            EventKind kb = sb == null ? null : b.kind(sb);
            if (ka != kb) {
                out.put(e.getKey(), new ReadDifference(e.getKey(), ka, e.getValue(), kb, sb == null ? -1 : sb));
            }
        }
        for (Map.Entry<Integer, Integer> e : rb.entrySet()) {
            if (!ra.containsKey(e.getKey())) {
                out.put(e.getKey(), new ReadDifference(e.getKey(), null, -1, b.kind(e.getValue()), e.getValue()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Map<Integer, Integer> firstResults(Trace t) {
        Map<Integer, Integer> first = new TreeMap<>();
        int ok = EventKind.READ_OK.ordinal();
        int fail = EventKind.READ_FAIL.ordinal();
        for (int i = 0; i < t.size(); i++) {
            int k = t.kindOrdinal(i);
            if (k == ok || k == fail) {
                first.putIfAbsent(t.arg(i), i);
            }
        }
        return first;
    }

    /** True if the event sets a field of a block (not a verifier read). */
    public static boolean isTransition(Trace t, int seq) {
        EventKind k = t.kind(seq);
        return t.block(seq) >= 0 && t.fieldOrdinal(seq) >= 0 && k != EventKind.VERIFY_CHECK && k != EventKind.FPRE004;
    }

    /** Per block, in block order, the state transitions that are changed, only in A or only in B. */
    public List<BlockDifference> blockDifferences() {
        TreeMap<Integer, List<Integer>> sideA = new TreeMap<>();
        TreeMap<Integer, List<Integer>> sideB = new TreeMap<>();
        for (int entry : differences) {
            if (entry >= 0) {
                if (isTransition(a, entry)) {
                    sideA.computeIfAbsent(a.block(entry), k -> new ArrayList<>())
                            .add(entry);
                    int j = partnerOfA[entry];
                    if (j >= 0) {
                        sideB.computeIfAbsent(b.block(j), k -> new ArrayList<>())
                                .add(j);
                    }
                }
            } else if (isTransition(b, ~entry)) {
                sideB.computeIfAbsent(b.block(~entry), k -> new ArrayList<>()).add(~entry);
            }
        }
        TreeMap<Integer, BlockDifference> out = new TreeMap<>();
        for (Integer block : union(sideA, sideB)) {
            int[] xa = toSortedArray(sideA.get(block));
            int[] xb = toSortedArray(sideB.get(block));
            out.put(block, new BlockDifference(block, xa, xb));
        }
        return new ArrayList<>(out.values());
    }

    /** True if any state transition of {@code block} differs between the runs. */
    public boolean blockDiffers(int block) {
        for (int entry : differences) {
            if (entry >= 0
                    ? isTransition(a, entry) && a.block(entry) == block
                    : isTransition(b, ~entry) && b.block(~entry) == block) {
                return true;
            }
        }
        return false;
    }

    private static java.util.SortedSet<Integer> union(TreeMap<Integer, ?> x, TreeMap<Integer, ?> y) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>(x.keySet());
        s.addAll(y.keySet());
        return s;
    }

    private static int[] toSortedArray(List<Integer> list) {
        if (list == null) {
            return new int[0];
        }
        int[] out = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Approximate heap retained by the alignment (not the traces), in bytes. */
    public long retainedBytesEstimate() {
        return 4L * partnerOfA.length + 4L * partnerOfB.length + 4L * differences.length + 200;
    }

    @Override
    public String toString() {
        return "TraceDiff[" + Objects.toString(firstDivergence) + ", differences=" + differences.length + "]";
    }
}
