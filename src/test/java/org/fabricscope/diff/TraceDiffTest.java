package org.fabricscope.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alignment model: identities, classes, first divergence and outcome differences. */
class TraceDiffTest {
    static final Path LEGACY = Path.of("sample-traces/fpre004-repro-legacy.jsonl");
    static final Path PATCHED = Path.of("sample-traces/fpre004-repro-patched.jsonl");

    @TempDir
    Path tmp;

    private Trace read(Path p) throws Exception {
        return TraceReader.read(p, Progress.NONE);
    }

    private Trace hand(String name, List<String> events) throws Exception {
        return read(HandMadeTraces.write(tmp.resolve(name), events));
    }

    @Test
    void aTraceComparedWithItselfIsAllSame() throws Exception {
        Trace a = read(LEGACY);
        TraceDiff d = TraceDiff.compare(a, read(LEGACY));

        assertThat(d.behavesTheSame()).isTrue();
        assertThat(d.count(DiffClass.SAME)).isEqualTo(a.size());
        assertThat(d.firstDivergence()).isNull();
        for (int i = 0; i < a.size(); i++) {
            assertThat(d.partnerOfA(i)).isEqualTo(i);
        }
    }

    @Test
    void legacyAndPatchedFirstDivergeAtThePatchedPrefetchBackoff() throws Exception {
        Trace a = read(LEGACY);
        Trace b = read(PATCHED);
        TraceDiff d = TraceDiff.compare(a, b);

        TraceDiff.Divergence f = d.firstDivergence();
        assertThat(f.diffClass()).isEqualTo(DiffClass.ONLY_IN_B);
        assertThat(f.seqA()).isEqualTo(-1);
        assertThat(f.seqB()).isEqualTo(654);
        assertThat(f.timeMicros()).isEqualTo(1046);
        assertThat(b.kind(654)).isEqualTo(EventKind.PREFETCH_BACKOFF);
        assertThat(b.actor(654)).isEqualTo("prefetch@n1");
        assertThat(b.block(654)).isEqualTo(169);
        // Before it, every event of A has its partner in B with the same values (the patched verifier
        // reads the same fields in another order, so some are retimed).
        int retimed = 0;
        for (int i = 0; i < a.size() && a.timeMicros(i) < 1046; i++) {
            assertThat(d.classOfA(i).isDifference()).as("event %d", i).isFalse();
            retimed += d.classOfA(i) == DiffClass.RETIMED ? 1 : 0;
        }
        assertThat(retimed).isPositive();
        assertThat(d.fpre004OnlyInA()).containsExactly(1245);
        assertThat(d.fpre004OnlyInB()).isEmpty();
        assertThat(d.readDifferences()).singleElement().satisfies(r -> {
            assertThat(r.txn()).isEqualTo(34);
            assertThat(r.resultA()).isEqualTo(EventKind.READ_FAIL);
            assertThat(r.resultB()).isEqualTo(EventKind.READ_OK);
        });
    }

    @Test
    void oneExtraEventInTheMiddleLeavesEveryOtherEventAligned() throws Exception {
        List<String> base = HandMadeTraces.base();
        String extra = "\"t\":55,\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\","
                + "\"field\":\"lockHolder\",\"old\":0,\"new\":0,\"cause\":6,\"arg\":7";
        Trace a = hand("a.jsonl", base);
        Trace b = hand("b.jsonl", HandMadeTraces.insert(base, 7, extra));

        TraceDiff d = TraceDiff.compare(a, b);

        assertThat(d.count(DiffClass.ONLY_IN_B)).isEqualTo(1);
        assertThat(d.count(DiffClass.SAME)).isEqualTo(a.size());
        assertThat(d.count(DiffClass.ONLY_IN_A) + d.count(DiffClass.CHANGED) + d.count(DiffClass.RETIMED))
                .isZero();
        assertThat(d.firstDivergence().seqB()).isEqualTo(7);
        for (int i = 0; i < a.size(); i++) {
            assertThat(d.partnerOfA(i)).isEqualTo(i < 7 ? i : i + 1);
        }
    }

    @Test
    void aRetimedEventIsPairedAndIsNotADifference() throws Exception {
        List<String> base = HandMadeTraces.base();
        List<String> later = new ArrayList<>(base);
        later.set(11, later.get(11).replace("\"t\":90", "\"t\":95"));

        TraceDiff d = TraceDiff.compare(hand("a.jsonl", base), hand("b.jsonl", later));

        assertThat(d.classOfA(11)).isEqualTo(DiffClass.RETIMED);
        assertThat(d.count(DiffClass.RETIMED)).isEqualTo(1);
        assertThat(d.behavesTheSame()).isTrue();
    }

    @Test
    void otherValuesMakeAChangedPairAndTheDivergenceCountsAtTheEarlierTime() throws Exception {
        List<String> base = HandMadeTraces.base();
        List<String> changed = new ArrayList<>(base);
        // The lock moves earlier and is taken by another write: a changed event, at B's time.
        changed.remove(11);
        changed.add(
                4,
                "\"t\":25,\"block\":1,\"node\":0,\"actor\":\"writer@n0\",\"kind\":\"WRITE_LOCK\",\"field\":\"lockHolder\",\"old\":0,\"new\":2,\"arg\":2");
        changed = shift(changed);

        TraceDiff d = TraceDiff.compare(hand("a.jsonl", base), hand("b.jsonl", changed));

        assertThat(d.classOfA(11)).isEqualTo(DiffClass.CHANGED);
        assertThat(d.partnerOfA(11)).isEqualTo(4);
        assertThat(d.firstDivergence()).isEqualTo(new TraceDiff.Divergence(DiffClass.CHANGED, 11, 4, 25));
        assertThat(d.blockDifferences()).singleElement().satisfies(bd -> {
            assertThat(bd.block()).isEqualTo(1);
            assertThat(bd.seqsA()).containsExactly(11);
            assertThat(bd.seqsB()).containsExactly(4);
        });
    }

    /** Causes of events after index 4 that point at 4 or later move up by one (the inserted lock). */
    private static List<String> shift(List<String> events) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"cause\":(\\d+)").matcher(e);
            if (i > 4 && m.find() && Integer.parseInt(m.group(1)) >= 4) {
                e = m.replaceFirst("\"cause\":" + (Integer.parseInt(m.group(1)) + 1));
            }
            out.add(e);
        }
        return out;
    }

    @Test
    void identitiesDoNotDependOnCausesBeingThereForTracesOfOtherTools() throws Exception {
        List<String> noCauses = new ArrayList<>();
        for (String e : HandMadeTraces.base()) {
            noCauses.add(e.replaceAll(",\"cause\":\\d+", ""));
        }
        List<String> withExtra = HandMadeTraces.insert(
                noCauses,
                3,
                "\"t\":15,\"block\":1,\"node\":0,\"actor\":\"prefetch@n0\",\"kind\":\"PREFETCH_FILL\",\"field\":\"cacheState\",\"old\":\"EMPTY\",\"new\":\"FILLING\"");

        TraceDiff d = TraceDiff.compare(hand("a.jsonl", noCauses), hand("b.jsonl", withExtra));

        assertThat(d.count(DiffClass.ONLY_IN_B)).isEqualTo(1);
        assertThat(d.count(DiffClass.SAME)).isEqualTo(noCauses.size());
    }

    @Test
    void twoReadsWhoseChecksSwapOrderStayPairedWithTheirOwnTransactions() throws Exception {
        List<String> swapped = HandMadeTraces.twoReadsOfOneBlock(true);
        // One real difference after the swap: B's write takes the lock for another write id.
        swapped.set(9, swapped.get(9).replace("\"new\":3", "\"new\":4"));

        TraceDiff d =
                TraceDiff.compare(hand("a.jsonl", HandMadeTraces.twoReadsOfOneBlock(false)), hand("b.jsonl", swapped));

        // Ground truth: A's check and result of transaction 7 (4, 6) are B's 5 and 7, and 8's are 4, 6.
        assertThat(d.partnerOfA(4)).isEqualTo(5);
        assertThat(d.partnerOfA(5)).isEqualTo(4);
        assertThat(d.partnerOfA(6)).isEqualTo(7);
        assertThat(d.partnerOfA(7)).isEqualTo(6);
        for (int i = 4; i <= 7; i++) {
            assertThat(d.classOfA(i)).as("event %d", i).isEqualTo(DiffClass.RETIMED);
        }
        assertThat(d.count(DiffClass.RETIMED)).isEqualTo(4);
        assertThat(d.count(DiffClass.CHANGED)).isEqualTo(1);
        assertThat(d.count(DiffClass.ONLY_IN_A) + d.count(DiffClass.ONLY_IN_B)).isZero();
        // The runs agree up to the lock, not up to the swapped checks.
        assertThat(d.firstDivergence()).isEqualTo(new TraceDiff.Divergence(DiffClass.CHANGED, 9, 9, 90));
    }

    @Test
    void twoWritesWhoseAcksArriveInTheOtherOrderStayPairedWithTheirOwnWrites() throws Exception {
        List<String> a = new ArrayList<>();
        a.add("\"t\":0,\"block\":1,\"node\":0,\"actor\":\"client-1\",\"kind\":\"WRITE_ISSUE\",\"arg\":1");
        a.add("\"t\":5,\"block\":1,\"node\":0,\"actor\":\"client-2\",\"kind\":\"WRITE_ISSUE\",\"arg\":2");
        String ack1 = "\"block\":1,\"node\":0,\"actor\":\"ack@n0\",\"kind\":\"WRITE_ACK\",\"cause\":0,\"arg\":300";
        String ack2 = "\"block\":1,\"node\":0,\"actor\":\"ack@n0\",\"kind\":\"WRITE_ACK\",\"cause\":1,\"arg\":900";
        List<String> b = new ArrayList<>(a);
        a.add("\"t\":400," + ack1);
        a.add("\"t\":1000," + ack2);
        b.add("\"t\":400," + ack2);
        b.add("\"t\":1000," + ack1);

        TraceDiff d = TraceDiff.compare(hand("a.jsonl", a), hand("b.jsonl", b));

        assertThat(d.partnerOfA(2)).isEqualTo(3);
        assertThat(d.partnerOfA(3)).isEqualTo(2);
        assertThat(d.count(DiffClass.RETIMED)).isEqualTo(2);
        assertThat(d.behavesTheSame()).isTrue();
        assertThat(d.firstDivergence()).isNull();
    }

    @Test
    void withoutCausesTransactionIdsStillTellSwappedResultsApartAndTheRestFallsBackToOrder() throws Exception {
        List<String> a = new ArrayList<>();
        for (String e : HandMadeTraces.twoReadsOfOneBlock(false)) {
            a.add(e.replaceAll(",\"cause\":\\d+", ""));
        }
        List<String> b = new ArrayList<>();
        for (String e : HandMadeTraces.twoReadsOfOneBlock(true)) {
            b.add(e.replaceAll(",\"cause\":\\d+", ""));
        }

        TraceDiff d = TraceDiff.compare(hand("a.jsonl", a), hand("b.jsonl", b));

        // READ_OK carries its transaction id: the results pair by it, across the swap.
        assertThat(d.partnerOfA(6)).isEqualTo(7);
        assertThat(d.partnerOfA(7)).isEqualTo(6);
        assertThat(d.classOfA(6)).isEqualTo(DiffClass.RETIMED);
        // Nothing the format defines tells the two checks apart without causes: they pair in order,
        // and their transaction numbers (arg) differ.
        assertThat(d.partnerOfA(4)).isEqualTo(4);
        assertThat(d.classOfA(4)).isEqualTo(DiffClass.CHANGED);
        assertThat(d.count(DiffClass.ONLY_IN_A) + d.count(DiffClass.ONLY_IN_B)).isZero();
    }

    @Test
    void theSimulatorsRunningTrackerGivesEachEventTheIdentityTheTraceGivesIt() throws Exception {
        // Interventions name events by EventIdentity.of(trace) and the simulator recognises them
        // with the Tracker while it runs: both must agree on every event, swaps and roots included.
        for (Path p : List.of(LEGACY, PATCHED)) {
            Trace t = read(p);
            long[] ids = EventIdentity.of(t);
            EventIdentity.Tracker tracker = new EventIdentity.Tracker();
            for (int i = 0; i < t.size(); i++) {
                long peeked = tracker.peek(t.actor(i), t.kind(i), t.block(i), t.field(i), t.cause(i), t.arg(i));
                long added = tracker.add(t.actor(i), t.kind(i), t.block(i), t.field(i), t.cause(i), t.arg(i));
                assertThat(added).as("%s event %d", p.getFileName(), i).isEqualTo(ids[i]);
                assertThat(peeked).isEqualTo(added);
            }
        }
    }

    @Test
    void identitiesAreAPureFunctionOfTheTraceAndPrintableAsKeys() throws Exception {
        long[] x = EventIdentity.of(read(LEGACY));
        long[] y = EventIdentity.of(read(LEGACY));

        assertThat(x).containsExactly(y);
        assertThat(java.util.Arrays.stream(x).distinct().count()).isEqualTo(x.length);
        assertThat(EventIdentity.parse(EventIdentity.text(x[1245]))).isEqualTo(x[1245]);
        assertThatThrownBy(() -> EventIdentity.parse("xyz")).hasMessageContaining("not an event key");
    }

    @Test
    void tracesOfDifferentTopologiesAreRefusedWithAOneLineReason() throws Exception {
        Trace small = hand("a.jsonl", HandMadeTraces.base());

        assertThatThrownBy(() -> TraceDiff.compare(small, read(LEGACY)))
                .isInstanceOf(IncomparableTracesException.class)
                .hasMessageContaining("different topologies")
                .hasMessageNotContaining("\n");
    }
}
