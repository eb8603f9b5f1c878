package org.fabricscope.ui.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.util.StringConverter;
import org.fabricscope.ui.session.TraceSession;

/**
 * The replay toolbar: step, next/previous transition of the block, verifier check and FPRE004
 * (with a prominent "Run to next FPRE004"), the step/time readout, go to, play/pause at a chosen
 * speed, and the breakpoint editor. Every control's tooltip names its shortcut. Thin: every action
 * delegates to {@link ReplayViewModel}; its messages (why a command did nothing, which breakpoint
 * stopped the replay) are for the window's status bar.
 *
 * <p>A flow of groups, not a {@link javafx.scene.control.ToolBar}: a tool bar hides what does not
 * fit behind an overflow menu, and the readout and "Run to next FPRE004" must always show. When
 * the window is narrow, the later groups (play, go to, breakpoints) wrap onto a second row.
 */
public class ReplayControlsView extends FlowPane {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    /** A key, what it does, and the command it runs. */
    private record Shortcut(KeyCombination combination, String keys, String action, Runnable command) {}

    private final ReplayViewModel viewModel;
    private final List<Shortcut> shortcuts = new ArrayList<>();
    private final TextField goToField = new TextField();
    private Dialog<Void> breakpointDialog;
    private EventHandler<KeyEvent> installedFilter;

    public ReplayControlsView(TraceSession session) {
        this.viewModel = new ReplayViewModel(session);
        getStyleClass().add("replay-controls");
        getStylesheets().add(stylesheet());

        shortcut(KeyCode.RIGHT, null, "→", "Step forward one event", viewModel::stepForward);
        shortcut(KeyCode.LEFT, null, "←", "Step back one event", viewModel::stepBack);
        shortcut(
                KeyCode.RIGHT,
                KeyCombination.SHIFT_DOWN,
                "Shift+→",
                "Next transition of the block",
                viewModel::nextTransition);
        shortcut(
                KeyCode.LEFT,
                KeyCombination.SHIFT_DOWN,
                "Shift+←",
                "Previous transition of the block",
                viewModel::previousTransition);
        shortcut(KeyCode.C, null, "C", "Next verifier check", viewModel::nextCheck);
        shortcut(KeyCode.C, KeyCombination.SHIFT_DOWN, "Shift+C", "Previous verifier check", viewModel::previousCheck);
        shortcut(KeyCode.RIGHT, KeyCombination.ALT_DOWN, "Alt+→", "Next verifier check", viewModel::nextCheck);
        shortcut(KeyCode.LEFT, KeyCombination.ALT_DOWN, "Alt+←", "Previous verifier check", viewModel::previousCheck);
        shortcut(KeyCode.F, null, "F", "Run to next FPRE004", viewModel::nextFpre004);
        shortcut(KeyCode.F, KeyCombination.SHIFT_DOWN, "Shift+F", "Previous FPRE004", viewModel::previousFpre004);
        shortcut(KeyCode.HOME, null, "Home", "Jump to the first event", viewModel::goToStart);
        shortcut(KeyCode.END, null, "End", "Jump to the last event", viewModel::goToEnd);
        shortcut(KeyCode.G, KeyCombination.SHORTCUT_DOWN, "Ctrl+G", "Go to step or time", this::focusGoTo);
        shortcut(KeyCode.SPACE, null, "Space", "Play / pause", viewModel::togglePlay);
        shortcut(KeyCode.CLOSE_BRACKET, null, "]", "Play faster", viewModel::faster);
        shortcut(KeyCode.OPEN_BRACKET, null, "[", "Play slower", viewModel::slower);
        shortcut(KeyCode.F8, null, "F8", "Continue to the next breakpoint", viewModel::runToNextBreakpoint);
        shortcut(
                KeyCode.F8,
                KeyCombination.SHIFT_DOWN,
                "Shift+F8",
                "Back to the previous breakpoint hit",
                viewModel::previousBreakpoint);
        shortcut(KeyCode.B, KeyCombination.SHORTCUT_DOWN, "Ctrl+B", "Edit breakpoints", this::showBreakpoints);

        Button start = button(
                "start", "|◀", "Jump to the first event", "Home", viewModel.hasTraceProperty(), viewModel::goToStart);
        Button back = button(
                "step-back", "◀", "Step back one event", "←", viewModel.canStepBackProperty(), viewModel::stepBack);
        Button forward = button(
                "step-forward",
                "▶",
                "Step forward one event",
                "→",
                viewModel.canStepForwardProperty(),
                viewModel::stepForward);
        Button end =
                button("end", "▶|", "Jump to the last event", "End", viewModel.hasTraceProperty(), viewModel::goToEnd);
        Button prevTransition = button(
                "prev-transition",
                "◀ T",
                "Previous transition of the selected block (or the current event's block)",
                "Shift+←",
                viewModel.canPreviousTransitionProperty(),
                viewModel::previousTransition);
        Button nextTransition = button(
                "next-transition",
                "T ▶",
                "Next transition of the selected block (or the current event's block)",
                "Shift+→",
                viewModel.canNextTransitionProperty(),
                viewModel::nextTransition);
        Button prevCheck = button(
                "prev-check",
                "◀ Check",
                "Previous verifier check",
                "Shift+C or Alt+←",
                viewModel.canPreviousCheckProperty(),
                viewModel::previousCheck);
        Button nextCheck = button(
                "next-check",
                "Check ▶",
                "Next verifier check",
                "C or Alt+→",
                viewModel.canNextCheckProperty(),
                viewModel::nextCheck);
        Button prevFpre = button(
                "prev-fpre004",
                "◀ FPRE004",
                "Previous FPRE004",
                "Shift+F",
                viewModel.canPreviousFpre004Property(),
                viewModel::previousFpre004);
        Button nextFpre = button(
                "next-fpre004",
                "Run to next FPRE004 ▶",
                "Run to next FPRE004",
                "F",
                viewModel.canNextFpre004Property(),
                viewModel::nextFpre004);
        nextFpre.getStyleClass().add("run-to-fpre004");

        Button play = new Button();
        play.setId("play");
        play.textProperty()
                .bind(Bindings.when(viewModel.playingProperty())
                        .then("❚❚ Pause")
                        .otherwise("▶ Play"));
        play.setTooltip(new Tooltip("Play / pause, stopping at breakpoints (Space)"));
        play.disableProperty()
                .bind(viewModel
                        .canStepForwardProperty()
                        .not()
                        .and(viewModel.playingProperty().not()));
        play.setOnAction(e -> viewModel.togglePlay());

        ComboBox<Integer> speed = new ComboBox<>(FXCollections.observableArrayList(ReplayViewModel.SPEEDS));
        speed.setId("speed");
        speed.setTooltip(new Tooltip("Playback speed, events per second ([ slower, ] faster)"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n + " ev/s";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("ev/s", "").trim());
            }
        });
        speed.setValue((int) viewModel.eventsPerSecondProperty().get());
        speed.setPrefWidth(105);
        speed.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.eventsPerSecondProperty().get()) {
                viewModel.eventsPerSecondProperty().set(now);
            }
        });
        viewModel.eventsPerSecondProperty().addListener((obs, old, now) -> speed.setValue(now.intValue()));

        goToField.setId("go-to");
        goToField.setPromptText("Go to: 1234 or 12.5ms");
        goToField.setPrefColumnCount(9);
        goToField.setTooltip(new Tooltip("Go to a step (1234) or a time (12.5ms, 300us, 1.2s) (Ctrl+G, then Enter)"));
        goToField.disableProperty().bind(viewModel.hasTraceProperty().not());
        goToField.setOnAction(e -> {
            boolean ok = viewModel.goTo(goToField.getText()) == null;
            goToField.pseudoClassStateChanged(ERROR, !ok);
            if (ok) {
                goToField.getParent().requestFocus();
            }
        });
        goToField.textProperty().addListener((obs, old, now) -> goToField.pseudoClassStateChanged(ERROR, false));

        Button breakpoints = new Button();
        breakpoints.setId("breakpoints");
        breakpoints.textProperty().bind(Bindings.size(viewModel.breakpoints()).asString("Breakpoints (%d)…"));
        breakpoints.setFocusTraversable(false);
        breakpoints.setTooltip(
                new Tooltip(
                        "Edit breakpoints; playback stops on a match (Ctrl+B). F8 continues to the next hit, Shift+F8 goes back to the previous."));
        breakpoints.setOnAction(e -> showBreakpoints());

        Label position = new Label();
        position.setId("replay-position");
        position.textProperty().bind(viewModel.positionProperty());

        position.getStyleClass().add("replay-position");
        // As wide as the text can get on this trace: a readout that grew while stepping would move
        // the controls after it, or wrap them onto the other row.
        Runnable fixWidth = () -> {
            Text widest = new Text(viewModel.widestPosition());
            widest.setFont(position.getFont());
            double w = Math.ceil(widest.getLayoutBounds().getWidth())
                    + position.snappedLeftInset()
                    + position.snappedRightInset()
                    + 2;
            position.setMinWidth(w);
            position.setPrefWidth(w);
        };
        session.traceProperty().addListener((obs, old, now) -> fixWidth.run());
        position.fontProperty().addListener((obs, old, now) -> fixWidth.run());
        fixWidth.run();
        position.setTooltip(new Tooltip("The cursor: step number of the event / last step, and its simulated time"));
        setHgap(10);
        setVgap(2);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 6, 3, 6));
        // Minimum width of one group, so the row never shrinks below its widest group.
        setMinWidth(Region.USE_COMPUTED_SIZE);
        getChildren()
                .addAll(
                        group(start, back, forward, end),
                        group(prevTransition, nextTransition),
                        group(prevCheck, nextCheck),
                        group(prevFpre, nextFpre),
                        group(position),
                        group(play, speed),
                        group(goToField, breakpoints));
    }

    /** The view model behind this toolbar (for the shell's menus). */
    public ReplayViewModel viewModel() {
        return viewModel;
    }

    /**
     * Installs this view's keyboard shortcuts on the scene, as an event filter that leaves keys
     * alone while a text input has the focus (typing "F" in a filter box must not jump).
     */
    public void installShortcuts(Scene scene) {
        if (installedFilter != null) {
            return;
        }
        installedFilter = event -> {
            boolean typing =
                    event.getTarget() instanceof TextInputControl || scene.getFocusOwner() instanceof TextInputControl;
            for (Shortcut s : shortcuts) {
                if (s.combination().match(event)) {
                    if (typing && !s.combination().getShortcut().equals(KeyCombination.ModifierValue.DOWN)) {
                        return;
                    }
                    s.command().run();
                    event.consume();
                    return;
                }
            }
        };
        scene.addEventFilter(KeyEvent.KEY_PRESSED, installedFilter);
    }

    /** The shortcuts this view installs, for Help ▸ Keys: each "KEY — action". */
    public List<String> shortcutDescriptions() {
        List<String> lines = new ArrayList<>();
        for (Shortcut s : shortcuts) {
            lines.add(s.keys() + " — " + s.action());
        }
        return lines;
    }

    /** Ctrl+G: focuses the go-to field with its text selected, ready for typing. */
    public void focusGoTo() {
        goToField.requestFocus();
        goToField.selectAll();
    }

    /** Shows the breakpoint editor (non-modal, so the trace can be stepped while it is open). */
    public void showBreakpoints() {
        if (breakpointDialog == null) {
            breakpointDialog = new Dialog<>();
            breakpointDialog.setTitle("Breakpoints");
            breakpointDialog.initModality(Modality.NONE);
            if (getScene() != null && getScene().getWindow() != null) {
                breakpointDialog.initOwner(getScene().getWindow());
            }
            breakpointDialog.getDialogPane().setContent(new BreakpointEditor(viewModel));
            breakpointDialog.getDialogPane().getStylesheets().add(stylesheet());
            breakpointDialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        }
        breakpointDialog.show();
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(2, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("replay-group");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private void shortcut(
            KeyCode code, KeyCombination.Modifier modifier, String keys, String action, Runnable command) {
        KeyCombination combination =
                modifier == null ? new KeyCodeCombination(code) : new KeyCodeCombination(code, modifier);
        shortcuts.add(new Shortcut(combination, keys, action, command));
    }

    private static Button button(
            String id, String text, String action, String keys, ObservableBooleanValue enabled, Runnable command) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(action + " (" + keys + ")"));
        b.disableProperty().bind(Bindings.not(enabled));
        b.setOnAction(e -> command.run());
        // Buttons must not take the keyboard focus: Space and the arrows belong to the replay.
        b.setFocusTraversable(false);
        return b;
    }

    static String stylesheet() {
        return ReplayControlsView.class.getResource("/styles/panels.css").toExternalForm();
    }
}
