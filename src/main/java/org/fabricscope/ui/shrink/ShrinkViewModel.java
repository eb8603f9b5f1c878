package org.fabricscope.ui.shrink;

import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.fabricscope.replay.TraceIndex;
import org.fabricscope.shrink.Shrinker;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.DialogService;

/**
 * The "Shrink this reproducer" command: shrinks the open trace's run (its scenario, seed, attempt
 * and patch, from the header) as the window's one background command, with progress and Cancel;
 * then opens the shrunk trace with the cursor on its FPRE004 (so the Explainer tells its story) and
 * says what changed, in the status bar and a dialog.
 */
public final class ShrinkViewModel {
    /** How the window runs a background command (its progress bar, Cancel, one at a time). */
    public interface Background {
        <T> Task<T> start(
                String title,
                org.fabricscope.ui.support.BackgroundWork.Job<T> job,
                java.util.function.Consumer<T> onSuccess,
                java.util.function.Consumer<Throwable> onFailure,
                String cancelled);

        /** Opens a trace that has no file yet (a simulated one). */
        void openSimulated(LoadedTrace loaded);

        /** Says something in the status bar. */
        void report(String message);
    }

    private final TraceSession session;
    private final Background window;
    private final DialogService dialogs;
    private final BooleanBinding canShrink;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private IntConsumer onOpened = seq -> {};

    public ShrinkViewModel(
            TraceSession session, Background window, DialogService dialogs, ReadOnlyBooleanProperty busy) {
        this.session = Objects.requireNonNull(session);
        this.window = Objects.requireNonNull(window);
        this.dialogs = Objects.requireNonNull(dialogs);
        canShrink = Bindings.createBooleanBinding(
                        () -> {
                            LoadedTrace t = session.getTrace();
                            return t != null && t.index().countOfKind(EventKind.FPRE004) > 0;
                        },
                        session.traceProperty())
                .and(busy.not());
    }

    /** True when a trace with an FPRE004 is open and no other command runs. */
    public BooleanBinding canShrinkProperty() {
        return canShrink;
    }

    /** The last shrink's outcome in a few lines (before/after figures, what was removed), or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Called with the FPRE004's step once the shrunk trace is open (the shell focuses the timeline). */
    public void setOnOpened(IntConsumer onOpened) {
        this.onOpened = Objects.requireNonNull(onOpened);
    }

    /** Shrinks the open trace's run in the background; null if there is nothing to shrink. */
    public Task<Shrunk> shrink() {
        LoadedTrace loaded = session.getTrace();
        if (loaded == null || loaded.index().countOfKind(EventKind.FPRE004) == 0) {
            window.report("Nothing to shrink: the open trace has no FPRE004.");
            return null;
        }
        TraceHeader h = loaded.trace().header();
        if (!h.interventions().isEmpty()) {
            dialogs.showError(
                    "Cannot shrink this trace",
                    "A what-if trace (with interventions) cannot be re-run from its scenario; shrink the run it was"
                            + " forked from.");
            return null;
        }
        if (h.schedule() != null) {
            dialogs.showError(
                    "Cannot shrink this trace",
                    "This trace is one schedule of an exploration: its choices fit only this run, so it cannot be"
                            + " re-run from its scenario. It is already as small as its bounds allow.");
            return null;
        }
        Scenario scenario;
        try {
            scenario = Scenario.fromParameters(h.scenarioName(), h.parameters());
        } catch (ScenarioException e) {
            dialogs.showError("Cannot shrink this trace", e.getMessage());
            return null;
        }
        String what = scenario.name() + " seed " + h.seed() + " attempt " + h.attempt();
        return window.start(
                "Shrinking " + what + "…",
                p -> {
                    Shrinker.Result r = Shrinker.shrink(scenario, h.seed(), h.attempt(), h.patch(), p);
                    p.checkCancelled();
                    return new Shrunk(r, new LoadedTrace(null, r.trace(), TraceIndex.build(r.trace(), p)));
                },
                done -> {
                    window.openSimulated(done.loaded());
                    session.goToEvent(done.result().fpreSeq());
                    onOpened.accept(done.result().fpreSeq());
                    summary.set(describe(done.result()));
                    window.report(headline(done.result()));
                    dialogs.showInformation("Shrunk reproducer", summary.get());
                },
                error -> {
                    String message = error instanceof Shrinker.NoFpre004Exception
                            ? error.getMessage()
                            : String.valueOf(error.getMessage());
                    window.report("Shrink failed: " + message);
                    dialogs.showError("Shrink failed", message);
                },
                "Cancelled the shrink; the previous trace stays open.");
    }

    /** A shrink's result and its trace, indexed. */
    public record Shrunk(Shrinker.Result result, LoadedTrace loaded) {}

    /** One line for the status bar. */
    static String headline(Shrinker.Result r) {
        return String.format(
                Locale.ROOT,
                "Shrunk to %,d events (from %,d) in %d candidate runs; same FPRE004: %s.",
                r.after().events(),
                r.before().events(),
                r.candidateRuns(),
                r.signature());
    }

    /** The dialog's text: figures before and after, and what was removed. */
    public static String describe(Shrinker.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s, seed %d, attempt %d: the same FPRE004 (%s) in a scenario named %s.%n%n",
                r.original().name(),
                r.seed(),
                r.attempt(),
                r.signature(),
                r.shrunk().name()));
        sb.append(String.format(
                Locale.ROOT,
                "Events %,d → %,d; blocks %,d → %,d; actors %d → %d; duration %.3f ms → %.3f ms.%n",
                r.before().events(),
                r.after().events(),
                r.before().blocks(),
                r.after().blocks(),
                r.before().actors(),
                r.after().actors(),
                r.before().durationMicros() / 1000.0,
                r.after().durationMicros() / 1000.0));
        sb.append(String.format(Locale.ROOT, "%d candidate runs.%n%nRemoved:%n", r.candidateRuns()));
        for (String line : r.removed()) {
            sb.append("  • ").append(line).append('\n');
        }
        sb.append("\nThe scenario panel shows the shrunk scenario; File › Save As keeps its trace.");
        return sb.toString();
    }
}
