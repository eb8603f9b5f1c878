package org.fabricscope.ui.scenario;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.fabricscope.sim.scenario.ParameterSpec;

/**
 * Type-appropriate editors for scenario parameters: a check box for booleans, a text field for
 * numbers. Each editor is bound to its field's text both ways and flagged {@code :invalid}, with
 * the simulator's message as its tooltip (and in the panel's validation message), while the value
 * is rejected.
 *
 * <p>A number field takes every keystroke and lets the simulator judge the text: a filter that
 * dropped the characters a whole number cannot hold turned "7.5" silently into 75, and refused
 * the units the simulator accepts ({@code 7.3ms}). Now "7.5" stays as typed, is refused, and says
 * why; Run stays disabled until it is fixed.
 */
final class ParameterEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        ParameterField field = ((ParameterSheetItem) item).field();
        return field.spec().type() == ParameterSpec.Type.BOOLEAN ? booleanEditor(field) : numberEditor(field);
    }

    private static PropertyEditor<?> numberEditor(ParameterField field) {
        TextField text = new TextField();
        text.setId("param-" + field.name());
        text.getStyleClass().add("parameter-editor");
        text.textProperty().bindBidirectional(field.valueProperty());
        flagErrors(text, field);
        return new PropertyEditor<String>() {
            @Override
            public Node getEditor() {
                return text;
            }

            @Override
            public String getValue() {
                return text.getText();
            }

            @Override
            public void setValue(String value) {
                text.setText(value);
            }
        };
    }

    private static PropertyEditor<?> booleanEditor(ParameterField field) {
        CheckBox box = new CheckBox();
        box.setId("param-" + field.name());
        box.setSelected(Boolean.parseBoolean(field.getValue()));
        box.selectedProperty().addListener((obs, o, n) -> field.valueProperty().set(Boolean.toString(n)));
        // The sheet rebuilds editors when filtered; a weak listener, kept alive by the box, lets
        // an abandoned editor be collected.
        ChangeListener<String> follow = (obs, o, n) -> box.setSelected(Boolean.parseBoolean(n));
        box.getProperties().put(ParameterEditors.class, follow);
        field.valueProperty().addListener(new WeakChangeListener<>(follow));
        flagErrors(box, field);
        return new PropertyEditor<Object>() {
            @Override
            public Node getEditor() {
                return box;
            }

            @Override
            public Object getValue() {
                return box.isSelected();
            }

            @Override
            public void setValue(Object value) {
                box.setSelected(value != null && Boolean.parseBoolean(value.toString()));
            }
        };
    }

    private static void flagErrors(javafx.scene.control.Control editor, ParameterField field) {
        Tooltip tip = new Tooltip(field.descriptionWithRange());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        editor.setTooltip(tip);
        Runnable update = () -> {
            String error = field.errorProperty().get();
            editor.pseudoClassStateChanged(INVALID, !error.isEmpty());
            tip.setText(error.isEmpty() ? field.descriptionWithRange() : error);
        };
        ChangeListener<String> onError = (obs, o, n) -> update.run();
        editor.getProperties().put(PseudoClass.class, onError);
        field.errorProperty().addListener(new WeakChangeListener<>(onError));
        update.run();
    }
}
