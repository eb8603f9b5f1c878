package org.fabricscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fabricscope.present.Fpre004Text;
import org.fabricscope.present.Fpre004Text.SwitchNote;
import org.fabricscope.present.StoryText;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.replay.explain.Fpre004Explanation.CheckRead;
import org.fabricscope.replay.explain.Fpre004Explanation.PatchedRead;
import org.fabricscope.replay.explain.Fpre004Explanation.SlippedEvent;
import org.fabricscope.replay.explain.StoryStep;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PrintableText;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain}: why an FPRE004 happened, from a trace file, for CI logs and bug reports. It
 * prints the same explanation the GUI's Explainer shows (the one {@link Fpre004Explanation} model),
 * as text or as one JSON object whose field names are stable.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explain an FPRE004 of a trace: the mechanism (stored inconsistency or torn read), the verifier's checks,",
            "what slipped in between, how the pair got its values, and what the patched order would have read.",
            "Explains the first FPRE004 unless --fpre004 or --step says which. Exit 0 explained, 1 the trace has no",
            "such FPRE004, 2 error."
        })
final class ExplainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "The trace file (JSON Lines).")
    Path file;

    static final class Which {
        @Option(names = "--fpre004", paramLabel = "N", description = "The N-th FPRE004 of the trace (1-based).")
        Integer nth;

        @Option(names = "--step", paramLabel = "N", description = "The FPRE004 at step (sequence number) N.")
        Integer step;
    }

    @ArgGroup(exclusive = true)
    Which which;

    @Option(names = "--json", description = "One JSON object (stable field names) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Trace trace;
        try {
            trace = TraceReader.read(file, Progress.NONE);
        } catch (TraceFormatException e) {
            // FILE:LINE: message, bare as validate prints it, so editors and CI logs can jump to it.
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return FabricScopeCli.EXIT_ERROR;
        }
        TraceIndex index = TraceIndex.build(trace, Progress.NONE);
        List<Integer> all = Fpre004Explanation.fpre004Seqs(index);
        PrintWriter err = spec.commandLine().getErr();
        int seq;
        if (which != null && which.step != null) {
            seq = which.step;
            if (seq < 0 || seq >= trace.size() || trace.kind(seq) != EventKind.FPRE004) {
                err.println(
                        PrintableText.of(file.toString()) + ": step " + seq + " is not an FPRE004" + nearest(all, seq));
                err.flush();
                return FabricScopeCli.EXIT_NEGATIVE;
            }
        } else {
            int n = which != null && which.nth != null ? which.nth : 1;
            if (n < 1) {
                throw new UserException("--fpre004 counts from 1, got " + n);
            }
            if (n > all.size()) {
                err.println(PrintableText.of(file.toString()) + ": "
                        + (all.isEmpty()
                                ? "the trace has no FPRE004"
                                : "the trace has " + all.size() + " FPRE004, not " + n));
                err.flush();
                return FabricScopeCli.EXIT_NEGATIVE;
            }
            seq = all.get(n - 1);
        }
        Fpre004Explanation e = Fpre004Explanation.explain(index, seq);
        int ordinal = all.indexOf(seq) + 1;
        if (json) {
            Json.print(spec.commandLine().getOut(), g -> writeJson(g, trace, e, ordinal, all.size()));
        } else {
            printText(spec.commandLine().getOut(), trace, e, ordinal, all.size());
        }
        return 0;
    }

    private static String nearest(List<Integer> all, int step) {
        int before = -1;
        int after = -1;
        for (int s : all) {
            if (s < step) {
                before = s;
            } else if (s > step && after < 0) {
                after = s;
            }
        }
        if (before < 0 && after < 0) {
            return " (the trace has no FPRE004)";
        }
        return " (nearest FPRE004: " + (before >= 0 ? "step " + before : "")
                + (before >= 0 && after >= 0 ? " and " : "") + (after >= 0 ? "step " + after : "") + ")";
    }

    private void printText(PrintWriter out, Trace trace, Fpre004Explanation e, int ordinal, int total) {
        Fpre004Text words = Fpre004Text.of(e);
        line(
                out,
                "FPRE004 #" + e.fpreSeq() + " (" + ordinal + " of " + total + ") on block " + e.block() + " at "
                        + EventText.millis(e.timeMicros())
                        + (e.transactionId() != 0 ? ", txn " + e.transactionId() : "") + ", by "
                        + e.verifierActor());
        line(out, "  " + Fpre004Explanation.FPRE004_DEFINITION);
        line(out, "");
        line(out, words.headline());
        line(out, "  " + e.mechanism().definition());
        line(out, "");
        line(out, words.summary());
        line(out, "");
        line(out, "Inconsistent pair: " + words.inconsistency());
        line(out, "");
        line(out, "The verifier's checks, in the order it made them:");
        if (e.verifyBeginSeq() >= 0) {
            line(
                    out,
                    "  " + step(e.verifyBeginSeq()) + EventText.millis(trace.timeMicros(e.verifyBeginSeq()))
                            + "  VERIFY_BEGIN");
        }
        int n = 1;
        for (CheckRead c : e.checks()) {
            line(
                    out,
                    "  " + step(c.seq()) + EventText.millis(c.timeMicros()) + "  " + n++ + ". read "
                            + c.field().jsonName() + " = " + c.field().format(c.value()));
        }
        line(out, "  " + step(e.fpreSeq()) + EventText.millis(e.timeMicros()) + "  FPRE004");
        line(out, "");
        line(out, "Slipped in between, from other actors on the block:");
        if (e.slipped().isEmpty()) {
            line(out, "  nothing");
        }
        for (SlippedEvent s : e.slipped()) {
            line(
                    out,
                    "  " + step(s.seq()) + EventText.millis(s.timeMicros()) + "  " + s.actor() + "  " + s.kind()
                            + (s.change().isEmpty() ? "" : "  " + s.change()));
        }
        line(out, "");
        line(out, "How the pair got its values:");
        for (StoryStep f : e.story()) {
            line(out, "  " + (f.seq() >= 0 ? step(f.seq()) : "") + StoryText.sentence(f));
        }
        line(out, "");
        line(out, "What the patched order would have read:");
        int i = 1;
        for (PatchedRead r : e.patchedReads()) {
            line(out, "  " + i++ + ". " + r.describe());
        }
        line(out, "  " + words.patchedVerdict());
        line(out, "");
        line(out, "The patch's switches:");
        for (SwitchNote s : words.switchNotes()) {
            line(out, "  " + s.name() + ": " + s.changes() + " " + s.here());
        }
        out.flush();
    }

    private static String step(int seq) {
        return "#" + seq + "  ";
    }

    /** Every text may hold names from the file: control characters are escaped before they reach a terminal. */
    private static void line(PrintWriter out, String text) {
        out.println(PrintableText.of(text));
    }

    private void writeJson(JsonGenerator g, Trace trace, Fpre004Explanation e, int ordinal, int total)
            throws IOException {
        Fpre004Text words = Fpre004Text.of(e);
        g.writeStringField("file", file.toString());
        g.writeNumberField("fpre004_count", total);
        g.writeNumberField("ordinal", ordinal);
        g.writeNumberField("step", e.fpreSeq());
        g.writeNumberField("time_us", e.timeMicros());
        g.writeNumberField("block", e.block());
        g.writeNumberField("txn", e.transactionId());
        g.writeStringField("verifier", e.verifierActor());
        g.writeStringField("mechanism", e.mechanism().jsonName());
        g.writeStringField("pair_kind", e.pairKind().jsonName());
        g.writeStringField("headline", words.headline());
        g.writeStringField("summary", words.summary());
        g.writeStringField("inconsistency", words.inconsistency());
        g.writeNumberField("write", e.writeId());
        g.writeNumberField("tear_step", e.tearSeq());
        g.writeNumberField("completing_step", e.completingSeq());
        g.writeNumberField("ack_time_us", e.ackTimeMicros());
        g.writeNumberField("ack_jitter_us", e.ackJitterMicros());
        g.writeNumberField("verify_begin_step", e.verifyBeginSeq());
        g.writeArrayFieldStart("checks");
        for (CheckRead c : e.checks()) {
            g.writeStartObject();
            g.writeNumberField("step", c.seq());
            g.writeNumberField("time_us", c.timeMicros());
            g.writeStringField("field", c.field().jsonName());
            g.writeStringField("value", c.field().format(c.value()));
            g.writeEndObject();
        }
        g.writeEndArray();
        if (e.window() != null) {
            g.writeObjectFieldStart("window");
            g.writeNumberField("first_broken_step", e.window().firstBrokenSeq());
            g.writeBooleanField("broken_at_first_read", e.window().brokenAtFirstRead());
            g.writeBooleanField("broken_at_exposing_read", e.window().brokenAtExposingRead());
            g.writeStringField("state_at_first_read", e.window().atFirstRead().toString());
            g.writeStringField(
                    "state_at_exposing_read", e.window().atExposingRead().toString());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("slipped");
        for (SlippedEvent s : e.slipped()) {
            g.writeStartObject();
            g.writeNumberField("step", s.seq());
            g.writeNumberField("time_us", s.timeMicros());
            g.writeStringField("actor", s.actor());
            g.writeStringField("kind", s.kind().name());
            g.writeStringField("change", s.change());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("story");
        for (StoryStep f : e.story()) {
            g.writeStartObject();
            g.writeNumberField("step", f.seq());
            g.writeNumberField("time_us", f.timeMicros());
            g.writeStringField("text", StoryText.sentence(f));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("patched_reads");
        for (PatchedRead r : e.patchedReads()) {
            g.writeStartObject();
            g.writeNumberField("time_us", r.timeMicros());
            g.writeStringField("field", r.field().jsonName());
            g.writeStringField("value", r.field().format(r.value()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField(
                "patched_outcome",
                e.patchedOutcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        g.writeStringField("patched_verdict", words.patchedVerdict());
        g.writeArrayFieldStart("switches");
        for (SwitchNote s : words.switchNotes()) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("changes", s.changes());
            g.writeStringField("here", s.here());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
