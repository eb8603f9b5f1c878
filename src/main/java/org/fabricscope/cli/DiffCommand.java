package org.fabricscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.diff.DiffClass;
import org.fabricscope.diff.IncomparableTracesException;
import org.fabricscope.diff.TraceDiff;
import org.fabricscope.diff.TraceDiff.BlockDifference;
import org.fabricscope.diff.TraceDiff.Divergence;
import org.fabricscope.diff.TraceDiff.ReadDifference;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.trace.EventIdentity;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.trace.io.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: two runs aligned event by event ({@link TraceDiff}): the first divergence, counts
 * per class, the differences in outcome and the block transitions that differ. Exit 0 when the
 * runs behave the same (retimed events allowed), 1 when they differ, 2 on error.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two traces event by event: the first divergence (\"the runs agree up to here\"), how many events",
            "are same, retimed, changed, only in A, only in B, FPRE004 raised in one run and not the other, reads",
            "whose result differs, and per block the state transitions that differ. Events are paired by their",
            "identity (see TRACE_FORMAT.md), not by step number. Exit 0 the runs behave the same (retimed events",
            "allowed), 1 they differ, 2 error (unreadable or incomparable traces)."
        })
final class DiffCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first trace (JSON Lines).")
    Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The second trace (JSON Lines).")
    Path fileB;

    @Option(names = "--json", description = "One JSON object (stable field names) instead of text.")
    boolean json;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description =
                    "At most N entries per list (reads, blocks, transitions per block). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new UserException("--limit must be 0 or more, got " + limit);
        }
        PrintWriter err = spec.commandLine().getErr();
        Trace a;
        Trace b;
        try {
            a = TraceReader.read(fileA, Progress.NONE);
            b = TraceReader.read(fileB, Progress.NONE);
        } catch (TraceFormatException e) {
            err.println(e.getMessage());
            err.flush();
            return FabricScopeCli.EXIT_ERROR;
        }
        TraceDiff diff;
        try {
            diff = TraceDiff.compare(a, b);
        } catch (IncomparableTracesException e) {
            err.println("fabricscope: cannot compare " + PrintableText.of(fileA.toString()) + " with "
                    + PrintableText.of(fileB.toString()) + ": " + e.getMessage());
            err.flush();
            return FabricScopeCli.EXIT_ERROR;
        }
        if (json) {
            Json.print(spec.commandLine().getOut(), g -> writeJson(g, diff));
        } else {
            printText(spec.commandLine().getOut(), diff);
        }
        return diff.behavesTheSame() ? 0 : FabricScopeCli.EXIT_NEGATIVE;
    }

    // ---- text ----

    private void printText(PrintWriter out, TraceDiff d) {
        Trace a = d.a();
        Trace b = d.b();
        out.println("A: " + PrintableText.of(fileA.toString()) + "  (" + describe(a) + ")");
        out.println("B: " + PrintableText.of(fileB.toString()) + "  (" + describe(b) + ")");
        String counts = String.format(
                Locale.ROOT,
                "same %,d, retimed %,d, changed %,d, only in A %,d, only in B %,d",
                d.count(DiffClass.SAME),
                d.count(DiffClass.RETIMED),
                d.count(DiffClass.CHANGED),
                d.count(DiffClass.ONLY_IN_A),
                d.count(DiffClass.ONLY_IN_B));
        if (d.behavesTheSame()) {
            out.println("no difference: the runs behave the same"
                    + (d.count(DiffClass.RETIMED) > 0
                            ? " (" + String.format(Locale.ROOT, "%,d", d.count(DiffClass.RETIMED))
                                    + " events happen at other times)"
                            : ""));
            out.println("events: " + counts);
            out.flush();
            return;
        }
        Divergence f = d.firstDivergence();
        out.println("the runs differ; they agree up to " + EventText.millis(f.timeMicros()));
        out.println();
        out.println("first divergence (" + words(f.diffClass()) + ") at " + EventText.millis(f.timeMicros()) + ":");
        out.println("  A: " + (f.seqA() >= 0 ? event(a, f.seqA()) : "(none: A has no such event)"));
        out.println("  B: " + (f.seqB() >= 0 ? event(b, f.seqB()) : "(none: B has no such event)"));
        out.println();
        out.println("events: " + counts);
        out.println();
        int fa = TraceDiff.fpre004Count(a);
        int fb = TraceDiff.fpre004Count(b);
        int[] onlyA = d.fpre004OnlyInA();
        int[] onlyB = d.fpre004OnlyInB();
        out.println("FPRE004: " + fa + " in A, " + fb + " in B"
                + (onlyA.length + onlyB.length == 0
                        ? ""
                        : ", " + onlyA.length + " only in A, " + onlyB.length + " only in B"));
        for (int i = 0; i < Math.min(limit, onlyA.length); i++) {
            out.println("  only in A: " + event(a, onlyA[i]));
        }
        more(out, onlyA.length, "FPRE004 only in A");
        for (int i = 0; i < Math.min(limit, onlyB.length); i++) {
            out.println("  only in B: " + event(b, onlyB[i]));
        }
        more(out, onlyB.length, "FPRE004 only in B");
        List<ReadDifference> reads = d.readDifferences();
        out.println("reads whose result differs: " + reads.size());
        for (int i = 0; i < Math.min(limit, reads.size()); i++) {
            ReadDifference r = reads.get(i);
            out.println("  txn " + r.txn() + ": A "
                    + result(a, r.resultA() == null ? null : r.resultA().name(), r.seqA()) + ", B "
                    + result(b, r.resultB() == null ? null : r.resultB().name(), r.seqB()));
        }
        more(out, reads.size());
        List<BlockDifference> blocks = d.blockDifferences();
        out.println("blocks whose transitions differ: " + blocks.size());
        for (int i = 0; i < Math.min(limit, blocks.size()); i++) {
            BlockDifference bd = blocks.get(i);
            out.println("  block " + bd.block() + ": " + bd.seqsA().length + " in A, " + bd.seqsB().length + " in B");
            transitions(out, d, "A", a, bd.seqsA());
            transitions(out, d, "B", b, bd.seqsB());
        }
        more(out, blocks.size());
        out.flush();
    }

    private void transitions(PrintWriter out, TraceDiff d, String side, Trace t, int[] seqs) {
        for (int i = 0; i < Math.min(limit, seqs.length); i++) {
            DiffClass c = side.equals("A") ? d.classOfA(seqs[i]) : d.classOfB(seqs[i]);
            out.println("    " + side + " " + words(c) + ": " + event(t, seqs[i]));
        }
        if (seqs.length > limit) {
            out.println("    " + side + " … " + (seqs.length - limit) + " more");
        }
    }

    private void more(PrintWriter out, int size) {
        if (size > limit) {
            out.println("  … " + (size - limit) + " more (--limit N shows more)");
        }
    }

    private void more(PrintWriter out, int size, String what) {
        if (size > limit) {
            out.println("  … " + (size - limit) + " more " + what + " (--limit N shows more)");
        }
    }

    private static String result(Trace t, String kind, int seq) {
        return kind == null ? "no result" : kind + " (#" + seq + " at " + EventText.millis(t.timeMicros(seq)) + ")";
    }

    private static String words(DiffClass c) {
        return c.jsonName().replace('_', ' ').replace(" a", " A").replace(" b", " B");
    }

    private static String describe(Trace t) {
        TraceHeader h = t.header();
        return h.scenarioName() + ", seed " + h.seed() + ", attempt " + h.attempt() + ", patch " + h.patch() + ", "
                + String.format(Locale.ROOT, "%,d", t.size()) + " events";
    }

    /** Step, time, kind, actor, block, values and arg: everything that identifies the event to a reader. */
    static String event(Trace t, int seq) {
        String arg = EventText.arg(t, seq);
        return PrintableText.of(EventText.oneLine(t, seq)
                + (t.node(seq) >= 0 ? "  node " + t.node(seq) : "")
                + (arg.isEmpty() ? "" : "  " + arg));
    }

    // ---- JSON ----

    private Trace traceA;

    /** Event identities, for the {@code key} field (what {@code simulate --delay KEY=…} takes). */
    private long[] keysA;

    private long[] keysB;

    private void writeJson(JsonGenerator g, TraceDiff d) throws IOException {
        Trace a = d.a();
        Trace b = d.b();
        traceA = a;
        keysA = EventIdentity.of(a);
        keysB = EventIdentity.of(b);
        g.writeStringField("file_a", fileA.toString());
        g.writeStringField("file_b", fileB.toString());
        g.writeNumberField("events_a", a.size());
        g.writeNumberField("events_b", b.size());
        g.writeBooleanField("same", d.behavesTheSame());
        g.writeObjectFieldStart("counts");
        for (DiffClass c : DiffClass.values()) {
            g.writeNumberField(c.jsonName(), d.count(c));
        }
        g.writeEndObject();
        Divergence f = d.firstDivergence();
        if (f == null) {
            g.writeNullField("first_divergence");
        } else {
            g.writeObjectFieldStart("first_divergence");
            g.writeStringField("class", f.diffClass().jsonName());
            g.writeNumberField("time_us", f.timeMicros());
            g.writeFieldName("a");
            eventJson(g, a, f.seqA());
            g.writeFieldName("b");
            eventJson(g, b, f.seqB());
            g.writeEndObject();
        }
        g.writeNumberField("fpre004_a", TraceDiff.fpre004Count(a));
        g.writeNumberField("fpre004_b", TraceDiff.fpre004Count(b));
        g.writeArrayFieldStart("fpre004_only_in_a");
        for (int s : d.fpre004OnlyInA()) {
            eventJson(g, a, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("fpre004_only_in_b");
        for (int s : d.fpre004OnlyInB()) {
            eventJson(g, b, s);
        }
        g.writeEndArray();
        List<ReadDifference> reads = d.readDifferences();
        g.writeNumberField("read_differences_total", reads.size());
        g.writeArrayFieldStart("read_differences");
        for (int i = 0; i < Math.min(limit, reads.size()); i++) {
            ReadDifference r = reads.get(i);
            g.writeStartObject();
            g.writeNumberField("txn", r.txn());
            g.writeStringField(
                    "result_a", r.resultA() == null ? null : r.resultA().name());
            g.writeNumberField("step_a", r.seqA());
            g.writeStringField(
                    "result_b", r.resultB() == null ? null : r.resultB().name());
            g.writeNumberField("step_b", r.seqB());
            g.writeEndObject();
        }
        g.writeEndArray();
        List<BlockDifference> blocks = d.blockDifferences();
        g.writeNumberField("block_differences_total", blocks.size());
        g.writeArrayFieldStart("block_differences");
        for (int i = 0; i < Math.min(limit, blocks.size()); i++) {
            BlockDifference bd = blocks.get(i);
            g.writeStartObject();
            g.writeNumberField("block", bd.block());
            g.writeNumberField("transitions_a", bd.seqsA().length);
            g.writeNumberField("transitions_b", bd.seqsB().length);
            g.writeArrayFieldStart("a");
            for (int k = 0; k < Math.min(limit, bd.seqsA().length); k++) {
                eventJson(g, a, bd.seqsA()[k], d.classOfA(bd.seqsA()[k]));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("b");
            for (int k = 0; k < Math.min(limit, bd.seqsB().length); k++) {
                eventJson(g, b, bd.seqsB()[k], d.classOfB(bd.seqsB()[k]));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void eventJson(JsonGenerator g, Trace t, int seq) throws IOException {
        eventJson(g, t, seq, null);
    }

    private void eventJson(JsonGenerator g, Trace t, int seq, DiffClass c) throws IOException {
        if (seq < 0) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (c != null) {
            g.writeStringField("class", c.jsonName());
        }
        g.writeNumberField("step", seq);
        g.writeNumberField("time_us", t.timeMicros(seq));
        g.writeNumberField("block", t.block(seq));
        g.writeNumberField("node", t.node(seq));
        g.writeStringField("actor", t.actor(seq));
        g.writeStringField("kind", t.kind(seq).name());
        Field f = t.field(seq);
        if (f != null) {
            g.writeStringField("field", f.jsonName());
            g.writeStringField("old", f.format(t.oldValue(seq)));
            g.writeStringField("new", f.format(t.newValue(seq)));
        }
        g.writeNumberField("arg", t.arg(seq));
        long[] keys = t == traceA ? keysA : keysB;
        g.writeStringField("key", EventIdentity.text(keys[seq]));
        g.writeEndObject();
    }
}
