package org.fabricscope.ui.explainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.fabricscope.replay.explain.Fpre004Explanation;
import org.fabricscope.sim.experiment.PatchRerun;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;

/**
 * The explainer's state: whether the cursor is on an FPRE004 ({@link #activeProperty()}), the
 * explanation of the last FPRE004 the cursor visited, and the re-runs. Re-runs execute in a
 * background {@link Task} with progress and cancel; their results arrive on the FX thread.
 */
public final class ExplainerViewModel {

    /** Runs the trace's scenario with other switches; the simulator in production, a fake in tests. */
    @FunctionalInterface
    public interface Runner {
        PatchRerun.Outcome run(TraceHeader header, int transactionId, int block, PatchSwitches patch, Progress progress)
                throws ScenarioException;
    }

    /** Runs the real simulator. */
    public static final Runner SIMULATOR =
            (header, txn, block, patch, progress) -> new PatchRerun(header, txn, block).run(patch, progress);

    private static final ExecutorService RERUN_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "explainer-rerun");
        t.setDaemon(true);
        return t;
    });

    private final TraceSession session;
    private final Runner runner;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Fpre004Explanation> explanation =
            new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper rerunStatus = new ReadOnlyStringWrapper(this, "rerunStatus", "");
    private final ReadOnlyObjectWrapper<PatchRerun.Outcome> patchedOutcome =
            new ReadOnlyObjectWrapper<>(this, "patchedOutcome");
    private final ObservableList<PatchRerun.Outcome> switchOutcomes = FXCollections.observableArrayList();
    private Task<?> task;

    public ExplainerViewModel(TraceSession session) {
        this(session, SIMULATOR);
    }

    public ExplainerViewModel(TraceSession session, Runner runner) {
        this.session = session;
        this.runner = runner;
        session.traceProperty().addListener((obs, old, now) -> {
            cancel();
            explanation.set(null);
            clearRuns();
            refresh();
        });
        session.currentStepProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        LoadedTrace loaded = session.getTrace();
        int step = session.getCurrentStep();
        boolean onFpre = loaded != null
                && step >= 0
                && step < loaded.trace().size()
                && loaded.trace().kind(step) == EventKind.FPRE004;
        if (onFpre && (explanation.get() == null || explanation.get().fpreSeq() != step)) {
            Fpre004Explanation next;
            try {
                next = Fpre004Explanation.explain(loaded.index(), step);
            } catch (RuntimeException e) {
                // A trace that breaks the event conventions must not break the cursor's listeners.
                rerunStatus.set("FPRE004 #" + step + " cannot be explained: " + e.getMessage());
                active.set(true);
                return;
            }
            Fpre004Explanation previous = explanation.get();
            explanation.set(next);
            if (previous == null
                    || previous.transactionId() != next.transactionId()
                    || previous.block() != next.block()) {
                patchedOutcome.set(null); // the matching read of another failure is another read
                if (!running.get()) {
                    rerunStatus.set("");
                }
            }
        }
        active.set(onFpre);
        placeholder.set(placeholderFor(loaded));
    }

    /** What the panel says while it has nothing to explain: why, and what to do. */
    private static String placeholderFor(LoadedTrace loaded) {
        if (loaded == null) {
            return "No trace is open. Run a scenario (Ctrl+R) or open a trace (Ctrl+O).";
        }
        int count = loaded.index().countOfKind(EventKind.FPRE004);
        if (count == 0) {
            return "This trace has no FPRE004, so there is nothing to explain. (A patched run, or a run in which the race"
                    + " did not strike: try Find reproducer, Ctrl+Shift+R.)";
        }
        return "Move the cursor onto an FPRE004 (press F; this trace has " + count
                + ") to see why the verifier raised it.";
    }

    /** Moves the cursor to {@code seq} (a check, a slipped event, an origin). */
    public void goToEvent(int seq) {
        session.goToEvent(seq);
    }

    /** Re-runs the same scenario, seed and attempt with every switch of the patch on. */
    private java.util.function.BiConsumer<org.fabricscope.trace.Trace, String> onCompare;

    /** Where "Re-run with patch" sends its trace to be compared with the open one (compare mode). */
    public void setOnCompare(java.util.function.BiConsumer<org.fabricscope.trace.Trace, String> onCompare) {
        this.onCompare = onCompare;
    }

    public void rerunWithPatch() {
        Fpre004Explanation e = explanation.get();
        LoadedTrace loaded = session.getTrace();
        if (e == null || loaded == null || running.get()) {
            return;
        }
        TraceHeader header = loaded.trace().header();
        RerunTask<PatchRerun.Outcome> t = new RerunTask<>() {
            @Override
            protected PatchRerun.Outcome call() throws Exception {
                return runner.run(header, e.transactionId(), e.block(), PatchSwitches.ALL, progressOf(0, 1));
            }
        };
        t.setOnSucceeded(ev -> {
            finish();
            PatchRerun.Outcome o = t.getValue();
            patchedOutcome.set(o);
            rerunStatus.set(describe("Patched", o, e.transactionId()));
            // Its result opens in compare mode against the trace it re-ran.
            if (onCompare != null && o.trace() != null && session.getTrace() == loaded) {
                onCompare.accept(
                        o.trace(), "patched re-run (seed " + header.seed() + ", attempt " + header.attempt() + ")");
            }
        });
        start(
                t,
                "Re-running " + header.scenarioName() + " (seed " + header.seed() + ", attempt " + header.attempt()
                        + ") with the patch…");
    }

    /** Re-runs with each switch alone (reorder, barrier, backoff) and fills {@link #switchOutcomes()}. */
    public void compareSwitches() {
        Fpre004Explanation e = explanation.get();
        LoadedTrace loaded = session.getTrace();
        if (e == null || loaded == null || running.get()) {
            return;
        }
        TraceHeader header = loaded.trace().header();
        List<PatchSwitches> variants = PatchRerun.SINGLE_SWITCHES;
        RerunTask<List<PatchRerun.Outcome>> t = new RerunTask<>() {
            @Override
            protected List<PatchRerun.Outcome> call() throws Exception {
                List<PatchRerun.Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < variants.size(); i++) {
                    if (isCancelled()) {
                        throw new CancelledException();
                    }
                    outcomes.add(runner.run(
                            header, e.transactionId(), e.block(), variants.get(i), progressOf(i, variants.size())));
                }
                return outcomes;
            }
        };
        t.setOnSucceeded(ev -> {
            finish();
            switchOutcomes.setAll(t.getValue());
            long enough =
                    t.getValue().stream().filter(PatchRerun.Outcome::passes).count();
            rerunStatus.set(
                    enough == 0
                            ? "No single switch is enough on this seed: each alone still raised FPRE004."
                            : enough + " of " + variants.size() + " switches alone are enough on this seed.");
        });
        switchOutcomes.clear();
        start(t, "Re-running with each switch alone…");
    }

    /** Stops the running re-run, if any. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void start(Task<?> t, String message) {
        task = t;
        running.set(true);
        progress.set(-1);
        rerunStatus.set(message);
        t.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        t.setOnFailed(ev -> {
            finish();
            Throwable error = t.getException();
            rerunStatus.set(
                    error instanceof CancelledException ? "Re-run cancelled." : "Re-run failed: " + messageOf(error));
        });
        t.setOnCancelled(ev -> {
            finish();
            rerunStatus.set("Re-run cancelled.");
        });
        RERUN_THREAD.execute(t);
    }

    private void finish() {
        task = null;
        running.set(false);
        progress.set(0);
    }

    private void clearRuns() {
        patchedOutcome.set(null);
        switchOutcomes.clear();
        rerunStatus.set("");
    }

    private static String messageOf(Throwable error) {
        if (error instanceof UnsupportedOperationException) {
            return "this build has no simulator to re-run with.";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    /** E.g. "Patched: 0 FPRE004 in 1,200 reads — the check now passes; read txn 501 ended READ_OK." */
    static String describe(String label, PatchRerun.Outcome o, int transactionId) {
        StringBuilder sb = new StringBuilder(label)
                .append(": ")
                .append(String.format("%,d", o.stats().fpre004()))
                .append(" FPRE004 in ")
                .append(String.format("%,d", o.stats().reads()))
                .append(" reads");
        sb.append(o.passes() ? " — the check now passes" : " — FPRE004 still happens");
        if (transactionId != 0) {
            sb.append("; read txn ")
                    .append(transactionId)
                    .append(
                            o.matchingRead() == null
                                    ? " did not complete in the re-run"
                                    : " ended " + o.matchingRead());
        }
        return sb.append('.').toString();
    }

    /** A task whose runs report into its progress and see its cancellation. */
    private abstract static class RerunTask<V> extends Task<V> {
        /** Progress of the {@code i}-th of {@code n} runs, as a {@link Progress} the simulator can call. */
        Progress progressOf(int i, int n) {
            return new Progress() {
                @Override
                public void update(long done, long total) {
                    if (total > 0) {
                        double part = Math.min(1.0, (double) done / total);
                        updateProgress((i + part) / n, 1.0);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return RerunTask.this.isCancelled();
                }
            };
        }
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The explanation of the last FPRE004 the cursor visited, or {@code null}. */
    public ReadOnlyObjectProperty<Fpre004Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** What the panel shows when no FPRE004 is explained: why not, and what to do. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rerunStatusProperty() {
        return rerunStatus.getReadOnlyProperty();
    }

    /** The outcome of the last "Re-run with patch", or {@code null}. */
    public ReadOnlyObjectProperty<PatchRerun.Outcome> patchedOutcomeProperty() {
        return patchedOutcome.getReadOnlyProperty();
    }

    /** One outcome per single switch after "Which switch alone is enough?". */
    public ObservableList<PatchRerun.Outcome> switchOutcomes() {
        return switchOutcomes;
    }
}
