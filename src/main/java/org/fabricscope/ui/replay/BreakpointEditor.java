package org.fabricscope.ui.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.replay.StateCondition;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * A small form that adds a breakpoint (kind, block, actor, field, value; each may stay "any";
 * whether the value is set or read; a condition on the block's state; a sequence) and the list of
 * breakpoints, each with a check box that disables it without deleting it, and a Remove button.
 * Edits {@link ReplayViewModel#breakpoints()}.
 */
final class BreakpointEditor extends VBox {
    static final String ANY = "any";
    static final String NONE = "none";
    /** The access choices, in the order shown; the first is the default. */
    static final List<String> ACCESS = List.of("sets it (a write)", "reads it (a verifier check)", "sets or reads it");

    private final ReplayViewModel viewModel;
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField block = new TextField();
    private final ComboBox<String> actor = new ComboBox<>();
    private final ComboBox<String> field = new ComboBox<>();
    private final TextField value = new TextField();
    private final ComboBox<String> access = new ComboBox<>(FXCollections.observableArrayList(ACCESS));
    private final TextField condition = new TextField();
    private final ComboBox<String> after = new ComboBox<>();
    private final ComboBox<String> before = new ComboBox<>();
    private final Label error = new Label();
    private final ListView<Breakpoint> list;

    BreakpointEditor(ReplayViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("breakpoint-editor");
        setSpacing(8);
        setPadding(new Insets(10));

        List<String> kinds = new ArrayList<>();
        kinds.add(ANY);
        for (EventKind k : EventKind.values()) {
            kinds.add(k.name());
        }
        kind.setItems(FXCollections.observableArrayList(kinds));
        kind.getSelectionModel().select(EventKind.FPRE004.name());
        kind.setId("breakpoint-kind");

        List<String> fields = new ArrayList<>();
        fields.add(ANY);
        for (Field f : Field.values()) {
            fields.add(f.jsonName());
        }
        field.setItems(FXCollections.observableArrayList(fields));
        field.getSelectionModel().select(ANY);
        field.setId("breakpoint-field");

        actor.setEditable(true);
        actor.setPromptText(ANY);
        actor.setId("breakpoint-actor");
        fillActors();
        viewModel.session().traceProperty().addListener((obs, old, now) -> fillActors());

        block.setPromptText(ANY);
        block.setId("breakpoint-block");
        value.setPromptText(ANY);
        value.setId("breakpoint-value");
        value.setTooltip(new Tooltip("New value (or value read): READY, true, 17 …"));

        access.setId("breakpoint-access");
        access.getSelectionModel().selectFirst();
        access.setTooltip(new Tooltip("A write: an event that changes the field to the value (a state change). "
                + "A read: the verifier's check that saw the value. Both: either."));
        access.disableProperty().bind(field.valueProperty().isEqualTo(ANY));

        condition.setId("breakpoint-condition");
        condition.setPromptText("cacheState=READY && lastWritePending");
        condition.setTooltip(new Tooltip("Stop only when the block's state after the event meets this: field=value, "
                + "field!=value, a true/false field alone or with !, joined by &&"));

        List<String> sequenceKinds = new ArrayList<>();
        sequenceKinds.add(NONE);
        for (EventKind k : EventKind.values()) {
            sequenceKinds.add(k.name());
        }
        after.setItems(FXCollections.observableArrayList(sequenceKinds));
        after.getSelectionModel().select(NONE);
        after.setId("breakpoint-after");
        after.setTooltip(new Tooltip("Stop only after an event of this kind on the same block (e.g. WRITE_LOCK)"));
        before.setItems(FXCollections.observableArrayList(sequenceKinds));
        before.getSelectionModel().select(NONE);
        before.setId("breakpoint-before");
        before.setTooltip(new Tooltip("… and before the next event of this kind on the block (e.g. WRITE_RELEASE)"));
        before.disableProperty().bind(after.valueProperty().isEqualTo(NONE));

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Kind"), kind, new Label("Block"), block);
        form.addRow(1, new Label("Actor"), actor, new Label("Field"), field);
        form.addRow(2, new Label("Value"), value, new Label("which"), access);
        form.addRow(3, new Label("When"), condition);
        GridPane.setColumnSpan(condition, 3);
        form.addRow(4, new Label("After"), after, new Label("before"), before);
        Button add = new Button("Add breakpoint");
        add.setId("breakpoint-add");
        add.setDefaultButton(true);
        add.setOnAction(e -> add());
        error.getStyleClass().add("error-text");
        error.setWrapText(true);

        list = new ListView<>(viewModel.breakpoints());
        list.setId("breakpoint-list");
        list.setPrefHeight(140);
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox on = new CheckBox();

            {
                on.setTooltip(new Tooltip("Clear to disable this breakpoint without deleting it"));
                on.setOnAction(e -> {
                    Breakpoint b = getItem();
                    int i = getIndex();
                    if (b != null && i >= 0 && i < viewModel.breakpoints().size()) {
                        viewModel.breakpoints().set(i, b.withEnabled(on.isSelected()));
                    }
                });
            }

            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                if (empty || b == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                on.setSelected(b.enabled());
                on.setId("breakpoint-enabled-" + getIndex());
                setGraphic(on);
                setText((getIndex() + 1) + ". " + b.describe());
                setTooltip(new Tooltip(b.toSpec()));
            }
        });
        list.setPlaceholder(new Label("No breakpoints: playback runs to the end."));
        list.setPrefWidth(520);
        Button remove = new Button("Remove");
        remove.setId("breakpoint-remove");
        remove.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(
                e -> viewModel.breakpoints().remove(list.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(6, add, remove);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(form, buttons, error, new Label("Breakpoints (clear a box to disable one)"), list);
    }

    private void fillActors() {
        List<String> names = new ArrayList<>();
        LoadedTrace loaded = viewModel.session().getTrace();
        if (loaded != null) {
            Trace t = loaded.trace();
            for (int i = 0; i < t.actorCount(); i++) {
                names.add(t.actorName(i));
            }
            names.sort(null);
        }
        actor.setItems(FXCollections.observableArrayList(names));
    }

    /** Builds a breakpoint from the form; says what is wrong instead of adding a bad one. */
    void add() {
        try {
            Breakpoint entry = parse();
            int disabled = viewModel.breakpoints().indexOf(entry.withEnabled(false));
            if (disabled >= 0) {
                // The same breakpoint, switched off: adding it again switches it back on.
                viewModel.breakpoints().set(disabled, entry);
            } else if (!viewModel.breakpoints().contains(entry)) {
                viewModel.breakpoints().add(entry);
            }
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private Breakpoint parse() {
        String k = kind.getValue();
        EventKind eventKind = k == null || k.equals(ANY) ? null : EventKind.valueOf(k);
        int blockId = -1;
        String blockText = block.getText().trim();
        if (!blockText.isEmpty() && !blockText.equalsIgnoreCase(ANY)) {
            try {
                blockId = Integer.parseInt(blockText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Block is a block number, not '" + blockText + "'.");
            }
            if (blockId < 0) {
                throw new IllegalArgumentException("Block numbers start at 0.");
            }
        }
        String actorText = actor.getEditor().getText();
        String actorName =
                actorText == null || actorText.isBlank() || actorText.trim().equalsIgnoreCase(ANY)
                        ? null
                        : actorText.trim();
        String f = field.getValue();
        Field eventField = f == null || f.equals(ANY) ? null : Field.ofJsonName(f);
        Integer eventValue = null;
        String valueText = value.getText().trim();
        if (!valueText.isEmpty() && !valueText.equalsIgnoreCase(ANY)) {
            if (eventField == null) {
                throw new IllegalArgumentException("Choose a field for the value " + valueText + ".");
            }
            eventValue = Breakpoint.parseValue(eventField, valueText);
        }
        Breakpoint.Access how = switch (ACCESS.indexOf(access.getValue())) {
            case 1 -> Breakpoint.Access.READS;
            case 2 -> Breakpoint.Access.ANY;
            default -> Breakpoint.Access.WRITES;
        };
        String conditionText =
                condition.getText() == null ? "" : condition.getText().trim();
        StateCondition state = null;
        if (!conditionText.isEmpty()) {
            try {
                state = StateCondition.parse(conditionText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("When: " + e.getMessage(), e);
            }
        }
        EventKind first = sequenceKind(after.getValue());
        EventKind end = first == null ? null : sequenceKind(before.getValue());
        if (first != null && eventKind == null) {
            throw new IllegalArgumentException("Choose the kind of event that follows the " + first + ".");
        }
        if (first != null && first == end) {
            throw new IllegalArgumentException("After and before must be different kinds.");
        }
        return new Breakpoint(eventKind, blockId, actorName, eventField, eventValue, how, state, first, end, true);
    }

    private static EventKind sequenceKind(String name) {
        return name == null || name.equals(NONE) ? null : EventKind.valueOf(name);
    }
}
