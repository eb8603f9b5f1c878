package org.fabricscope.ui.replay;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;

/**
 * A small form that adds a breakpoint (kind, block, actor, field, value; each may stay "any") and
 * the list of active breakpoints with a Remove button. Edits {@link ReplayViewModel#breakpoints()}.
 */
final class BreakpointEditor extends VBox {
    static final String ANY = "any";

    private final ReplayViewModel viewModel;
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField block = new TextField();
    private final ComboBox<String> actor = new ComboBox<>();
    private final ComboBox<String> field = new ComboBox<>();
    private final TextField value = new TextField();
    private final Label error = new Label();
    private final ListView<BreakpointEntry> list;

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

        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Kind"), kind, new Label("Block"), block);
        form.addRow(1, new Label("Actor"), actor, new Label("Field"), field);
        form.addRow(2, new Label("Value"), value);
        Button add = new Button("Add breakpoint");
        add.setId("breakpoint-add");
        add.setDefaultButton(true);
        add.setOnAction(e -> add());
        error.getStyleClass().add("error-text");
        error.setWrapText(true);

        list = new ListView<>(viewModel.breakpoints());
        list.setId("breakpoint-list");
        list.setPrefHeight(140);
        list.setPlaceholder(new Label("No breakpoints: playback runs to the end."));
        Button remove = new Button("Remove");
        remove.setId("breakpoint-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> viewModel.breakpoints().remove(list.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(6, add, remove);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(form, buttons, error, new Label("Active breakpoints"), list);
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
            BreakpointEntry entry = parse();
            if (!viewModel.breakpoints().contains(entry)) {
                viewModel.breakpoints().add(entry);
            }
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private BreakpointEntry parse() {
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
        String actorName = actorText == null || actorText.isBlank() || actorText.trim().equalsIgnoreCase(ANY) ? null : actorText.trim();
        String f = field.getValue();
        Field eventField = f == null || f.equals(ANY) ? null : Field.ofJsonName(f);
        Integer eventValue = null;
        String valueText = value.getText().trim();
        if (!valueText.isEmpty() && !valueText.equalsIgnoreCase(ANY)) {
            if (eventField == null) {
                throw new IllegalArgumentException("Choose a field for the value " + valueText + ".");
            }
            eventValue = BreakpointEntry.parseValue(eventField, valueText);
        }
        return new BreakpointEntry(eventKind, blockId, actorName, eventField, eventValue);
    }
}
