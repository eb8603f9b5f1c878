package org.fabricscope.ui.inspector;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fabricscope.trace.Field;
import org.fabricscope.ui.inspector.InspectorViewModel.EventDetails;
import org.fabricscope.ui.inspector.InspectorViewModel.FieldRow;
import org.fabricscope.ui.session.TraceSession;

/**
 * The selected block's metadata at the cursor: one line per field (name, value, the event that
 * last changed it as a link that moves the cursor there), the fields changed at this step marked
 * with the {@code :changed} pseudo-class, and the current event's details. Labels have ids
 * {@code value-<field>} and {@code last-<field>} (field's file name) for tests and styling.
 */
public class InspectorView extends VBox {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final InspectorViewModel viewModel;
    private final Label[] names = new Label[Field.count()];
    private final Label[] values = new Label[Field.count()];
    private final Hyperlink[] lastChanges = new Hyperlink[Field.count()];
    private final Tooltip[] changedTips = new Tooltip[Field.count()];
    private final Label eventSeq = detail("event-seq");
    private final Label eventTime = detail("event-time");
    private final Label eventKind = detail("event-kind");
    private final Label eventActor = detail("event-actor");
    private final Label eventBlock = detail("event-block");
    private final Label eventChange = detail("event-change");
    private final Hyperlink eventCause = new Hyperlink();
    private final Label eventArg = detail("event-arg");

    public InspectorView(TraceSession session) {
        this.viewModel = new InspectorViewModel(session);
        getStyleClass().add("inspector");
        getStylesheets()
                .add(InspectorView.class.getResource("/styles/panels.css").toExternalForm());
        setPadding(new Insets(8));
        setSpacing(4);

        Label heading = new Label();
        heading.setId("inspector-heading");
        heading.getStyleClass().add("heading");
        heading.setWrapText(true);
        heading.textProperty().bind(viewModel.headingProperty());

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(2);
        fields.addRow(0, title("Field"), title("Value"), title("Last changed by"));
        for (Field f : Field.values()) {
            int i = f.ordinal();
            names[i] = new Label(f.jsonName());
            names[i].setMinWidth(Region.USE_PREF_SIZE);
            names[i].getStyleClass().add("field-name");
            values[i] = new Label();
            values[i].setId("value-" + f.jsonName());
            values[i].getStyleClass().add("field-value");
            values[i].setMinWidth(Region.USE_PREF_SIZE);
            lastChanges[i] = new Hyperlink();
            lastChanges[i].setId("last-" + f.jsonName());
            lastChanges[i].setFocusTraversable(false);
            lastChanges[i].setOnAction(e -> {
                FieldRow row = viewModel.row(f);
                if (row != null) {
                    viewModel.goToEvent(row.lastChangeSeq());
                }
            });
            fields.addRow(i + 1, names[i], values[i], lastChanges[i]);
        }

        GridPane event = new GridPane();
        event.setHgap(10);
        event.setVgap(2);
        eventCause.setId("event-cause");
        eventCause.setFocusTraversable(false);
        eventCause.setOnAction(e -> {
            EventDetails d = viewModel.currentEventProperty().get();
            if (d != null) {
                viewModel.goToEvent(d.causeSeq());
            }
        });
        int r = 0;
        event.addRow(r++, key("Seq"), eventSeq);
        event.addRow(r++, key("Time"), eventTime);
        event.addRow(r++, key("Kind"), eventKind);
        event.addRow(r++, key("Actor"), eventActor);
        event.addRow(r++, key("Block"), eventBlock);
        event.addRow(r++, key("Field"), eventChange);
        event.addRow(r++, key("Cause"), eventCause);
        event.addRow(r, key("Arg"), eventArg);

        VBox content = new VBox(4, heading, fields, title("Current event"), event);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        viewModel.rows().addListener((ListChangeListener<FieldRow>) c -> showRows());
        viewModel.currentEventProperty().addListener((obs, old, now) -> showEvent(now));
        showRows();
        showEvent(viewModel.currentEventProperty().get());
    }

    /** The view model (for tests and the shell). */
    public InspectorViewModel viewModel() {
        return viewModel;
    }

    private void showRows() {
        boolean empty = viewModel.rows().isEmpty();
        for (Field f : Field.values()) {
            int i = f.ordinal();
            FieldRow row = empty ? null : viewModel.rows().get(i);
            values[i].setText(row == null ? "" : row.value());
            if (row != null && row.changedHere()) {
                // One tooltip per field, made once: a Tooltip is a popup window, too dear per step.
                if (changedTips[i] == null) {
                    changedTips[i] = new Tooltip();
                }
                changedTips[i].setText("Changed at this step from " + row.previousValue());
                values[i].setTooltip(changedTips[i]);
            } else {
                values[i].setTooltip(null);
            }
            lastChanges[i].setText(row == null ? "" : row.lastChangeText());
            lastChanges[i].setDisable(row == null || row.lastChangeSeq() < 0);
            boolean changed = row != null && row.changedHere();
            names[i].pseudoClassStateChanged(CHANGED, changed);
            values[i].pseudoClassStateChanged(CHANGED, changed);
        }
    }

    private void showEvent(EventDetails d) {
        eventSeq.setText(d == null ? "—" : "#" + d.seq());
        eventTime.setText(d == null ? "—" : d.time());
        eventKind.setText(d == null ? "—" : d.kind());
        eventActor.setText(d == null ? "—" : d.actor());
        eventBlock.setText(d == null ? "—" : d.block());
        eventChange.setText(d == null ? "—" : d.change());
        eventCause.setText(d == null ? "—" : d.cause());
        eventCause.setDisable(d == null || d.causeSeq() < 0);
        eventArg.setText(d == null ? "—" : d.arg());
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label detail(String id) {
        Label l = new Label("—");
        l.setId(id);
        return l;
    }
}
