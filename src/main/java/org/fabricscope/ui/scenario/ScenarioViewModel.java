package org.fabricscope.ui.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.TraceHeader;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.BackgroundWork;
import org.fabricscope.ui.support.DialogService;

/**
 * The scenario panel's state: the chosen scenario, every catalogue parameter as editable text, the
 * seed, attempt and patch switches, and whether all of it is valid. Validation is the simulator's
 * own ({@link Scenario#with}, {@link Scenario#fromParameters}), so the messages the user sees are
 * the {@link ScenarioException} messages. When a trace is opened the panel takes its header, so the
 * user can tweak and re-run exactly that run. Lives on the FX thread.
 */
public final class ScenarioViewModel {
    /** Attempts are numbered from 1, as the reproducer search counts them. */
    public static final int FIRST_ATTEMPT = 1;

    private final ScenarioActions actions;
    private final DialogService dialogs;
    private final Executor executor;

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final ObservableList<String> scenarioNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedScenario = new SimpleObjectProperty<>(this, "selectedScenario");
    private final ObservableList<ParameterField> parameters = FXCollections.observableArrayList();
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final StringProperty attempt = new SimpleStringProperty(this, "attempt", "1");
    private final StringProperty maxAttempts = new SimpleStringProperty(this, "maxAttempts", "100");
    private final BooleanProperty reorder = new SimpleBooleanProperty(this, "reorder");
    private final BooleanProperty barrier = new SimpleBooleanProperty(this, "barrier");
    private final BooleanProperty backoff = new SimpleBooleanProperty(this, "backoff");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError", "");
    private final ReadOnlyStringWrapper attemptError = new ReadOnlyStringWrapper(this, "attemptError", "");
    private final ReadOnlyStringWrapper maxAttemptsError = new ReadOnlyStringWrapper(this, "maxAttemptsError", "");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper(this, "validationMessage", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final BooleanBinding canRun;

    private boolean reflecting;
    private Scenario validScenario;

    public ScenarioViewModel(TraceSession session, ScenarioActions actions, DialogService dialogs, Executor executor) {
        this.actions = Objects.requireNonNull(actions);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.executor = Objects.requireNonNull(executor);
        for (String name : Scenario.builtInNames()) {
            try {
                scenarios.put(name, Scenario.builtIn(name));
                scenarioNames.add(name);
            } catch (ScenarioException e) {
                // A built-in that does not load is a simulator bug; leave it out of the chooser
                // rather than refuse to show the panel.
                validationMessage.set(e.getMessage());
            }
        }
        for (ParameterSpec spec : Scenario.catalog()) {
            ParameterField field = new ParameterField(spec);
            field.valueProperty().addListener((obs, o, n) -> validate());
            parameters.add(field);
        }
        ChangeListener<Object> revalidate = (obs, o, n) -> validate();
        seed.addListener(revalidate);
        attempt.addListener(revalidate);
        maxAttempts.addListener(revalidate);
        selectedScenario.addListener((obs, o, n) -> scenarioSelected(n));
        canRun = valid.and(actions.busyProperty().not());
        session.traceProperty().addListener((obs, o, n) -> {
            if (n != null) {
                reflect(n);
            }
        });
        if (session.getTrace() != null) {
            reflect(session.getTrace());
        } else if (!scenarioNames.isEmpty()) {
            selectedScenario.set(scenarioNames.get(0));
        }
    }

    // ---- state

    /** The scenarios to choose from: the built-ins, then any loaded from files or traces. */
    public ObservableList<String> scenarioNames() {
        return scenarioNames;
    }

    public ObjectProperty<String> selectedScenarioProperty() {
        return selectedScenario;
    }

    /** One field per catalogue parameter, in catalogue order. */
    public ObservableList<ParameterField> parameters() {
        return parameters;
    }

    /** The field for {@code name}, if the catalogue has it. */
    public Optional<ParameterField> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The base seed, as text: decimal, or hexadecimal with {@code 0x}. */
    public StringProperty seedProperty() {
        return seed;
    }

    public StringProperty attemptProperty() {
        return attempt;
    }

    /** How many attempts Find reproducer tries. */
    public StringProperty maxAttemptsProperty() {
        return maxAttempts;
    }

    public BooleanProperty reorderProperty() {
        return reorder;
    }

    public BooleanProperty barrierProperty() {
        return barrier;
    }

    public BooleanProperty backoffProperty() {
        return backoff;
    }

    /** What is wrong with the seed, or empty. */
    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError.getReadOnlyProperty();
    }

    /** What is wrong with the attempt, or empty. */
    public ReadOnlyStringProperty attemptErrorProperty() {
        return attemptError.getReadOnlyProperty();
    }

    /** What is wrong with max attempts, or empty. */
    public ReadOnlyStringProperty maxAttemptsErrorProperty() {
        return maxAttemptsError.getReadOnlyProperty();
    }

    /** Every problem with the current input, one a line; empty when valid. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Valid and nothing else running: Run and Find reproducer are enabled. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public PatchSwitches patch() {
        return new PatchSwitches(reorder.get(), barrier.get(), backoff.get());
    }

    /** The request the current input describes, or empty while anything is invalid. */
    public Optional<RunRequest> request() {
        if (!valid.get() || validScenario == null) {
            return Optional.empty();
        }
        return Optional.of(new RunRequest(
                validScenario,
                parseSeed(seed.get()),
                Integer.parseInt(attempt.get().trim()),
                patch()));
    }

    // ---- commands

    /** Runs the attempt described by the panel. */
    public void run() {
        if (canRun.get()) {
            request().ifPresent(actions::run);
        }
    }

    /** Searches for a reproducer from the panel's scenario, seed and patch. */
    public void findReproducer() {
        if (canRun.get()) {
            request()
                    .ifPresent(r -> actions.findReproducer(
                            r, Integer.parseInt(maxAttempts.get().trim())));
        }
    }

    /** Turns all three patch switches on ("patched"). */
    public void allPatches() {
        setPatch(PatchSwitches.ALL);
    }

    /** Turns all three patch switches off ("legacy"). */
    public void noPatches() {
        setPatch(PatchSwitches.NONE);
    }

    public void setPatch(PatchSwitches p) {
        reorder.set(p.reorder());
        barrier.set(p.barrier());
        backoff.set(p.backoff());
    }

    /** Asks for a scenario file and loads it in the background; it becomes the chosen scenario. */
    public void loadScenarioFile(Path initialDirectory) {
        dialogs.chooseScenarioToOpen(initialDirectory).ifPresent(this::loadScenario);
    }

    /** Loads the scenario in {@code file} in the background; on success it is chosen. */
    public Task<Scenario> loadScenario(Path file) {
        Task<Scenario> task = BackgroundWork.task("Loading " + file.getFileName(), p -> Scenario.load(file));
        task.setOnSucceeded(e -> addAndSelect(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            String message = error instanceof ScenarioException ? error.getMessage() : file + ": " + error.getMessage();
            dialogs.showError("Cannot load scenario " + file.getFileName(), message);
        });
        executor.execute(task);
        return task;
    }

    /**
     * Shows the run {@code loaded} came from: its scenario (added to the chooser if unknown), every
     * parameter, seed, attempt and patch switches.
     */
    public void reflect(LoadedTrace loaded) {
        TraceHeader h = loaded.trace().header();
        reflecting = true;
        try {
            String name = h.scenarioName();
            // A known scenario is the base and the header's values go into the fields below, so
            // re-running a tweaked trace does not pile up near-identical entries in the chooser.
            if (!scenarios.containsKey(name)) {
                try {
                    put(name, Scenario.fromParameters(name, h.parameters()));
                } catch (ScenarioException e) {
                    // A trace from another simulator version may name parameters this one lacks;
                    // still show what can be shown, and let validation say what is wrong.
                    name = scenarioNames.isEmpty() ? null : scenarioNames.get(0);
                }
            }
            selectedScenario.set(name);
            scenarioSelected(name);
            for (ParameterField f : parameters) {
                String v = h.parameters().get(f.name());
                if (v != null) {
                    f.valueProperty().set(v);
                }
            }
            seed.set(Long.toString(h.seed()));
            attempt.set(Integer.toString(h.attempt()));
            setPatch(h.patch());
        } finally {
            reflecting = false;
        }
        validate();
    }

    // ---- internals

    private void addAndSelect(Scenario s) {
        String name = scenarios.containsKey(s.name()) ? uniqueName(s.name() + " (file)") : s.name();
        put(name, s);
        selectedScenario.set(name);
    }

    private void put(String name, Scenario s) {
        scenarios.put(name, s);
        if (!scenarioNames.contains(name)) {
            scenarioNames.add(name);
        }
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 2; scenarios.containsKey(name); i++) {
            name = base + " " + i;
        }
        return name;
    }

    private void scenarioSelected(String name) {
        Scenario s = name == null ? null : scenarios.get(name);
        if (s == null) {
            validate();
            return;
        }
        boolean outer = reflecting;
        reflecting = true;
        try {
            for (ParameterField f : parameters) {
                String v = s.parameters().get(f.name());
                f.valueProperty().set(v == null ? "" : v);
            }
        } finally {
            reflecting = outer;
        }
        validate();
    }

    /** Re-checks everything; cheap enough to run on every keystroke. */
    void validate() {
        if (reflecting) {
            return;
        }
        List<String> problems = new ArrayList<>();
        validScenario = null;
        Scenario base = selectedScenario.get() == null ? null : scenarios.get(selectedScenario.get());
        if (base == null) {
            problems.add("Choose a scenario.");
        }
        boolean fieldsOk = true;
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterField f : parameters) {
            values.put(f.name(), f.getValue());
            if (base == null) {
                f.setError("");
                continue;
            }
            try {
                base.with(f.name(), f.getValue());
                f.setError("");
            } catch (ScenarioException e) {
                f.setError(e.getMessage());
                problems.add(e.getMessage());
                fieldsOk = false;
            }
        }
        if (base != null && fieldsOk) {
            try {
                validScenario = Scenario.fromParameters(base.name(), values);
            } catch (ScenarioException e) {
                problems.add(e.getMessage());
            }
        }
        String seedProblem = "";
        try {
            parseSeed(seed.get());
        } catch (NumberFormatException e) {
            seedProblem = "seed: '" + seed.get() + "' is not a whole number (decimal, or hexadecimal with 0x).";
        }
        seedError.set(seedProblem);
        attemptError.set(checkCount("attempt", attempt.get(), FIRST_ATTEMPT));
        maxAttemptsError.set(checkCount("max attempts", maxAttempts.get(), 1));
        for (String p : List.of(seedError.get(), attemptError.get(), maxAttemptsError.get())) {
            if (!p.isEmpty()) {
                problems.add(p);
            }
        }
        validationMessage.set(String.join("\n", problems));
        valid.set(problems.isEmpty());
    }

    /** The problem with a count typed as {@code text}, or empty. */
    private static String checkCount(String what, String text, int min) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n < min ? what + ": must be at least " + min + ", got " + n + "." : "";
        } catch (NumberFormatException e) {
            return what + ": '" + text + "' is not a whole number.";
        }
    }

    /** Decimal, or hexadecimal with a {@code 0x} prefix (seeds are often written in hex). */
    static long parseSeed(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return Long.parseLong(t);
    }
}
