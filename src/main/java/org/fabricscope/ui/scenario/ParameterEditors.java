package org.fabricscope.ui.scenario;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.fabricscope.sim.ParameterSpec;

/**
 * Type-appropriate editors for scenario parameters: a check box for booleans, a text field that
 * accepts only number characters for numbers. Each editor is bound to its field's text both ways
 * and flagged {@code :invalid}, with the simulator's message as its tooltip, while the value is
 * rejected.
 */
final class ParameterEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private static final Pattern INTEGER_CHARS = Pattern.compile("-?[0-9]*");
    private static final Pattern DECIMAL_CHARS = Pattern.compile("-?[0-9]*([.][0-9]*)?([eE][-+]?[0-9]*)?");

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        ParameterField field = ((ParameterSheetItem) item).field();
        return field.spec().type() == ParameterSpec.Type.BOOLEAN ? booleanEditor(field) : numberEditor(field);
    }

    private static PropertyEditor<?> numberEditor(ParameterField field) {
        TextField text = new TextField();
        text.setId("param-" + field.name());
        text.getStyleClass().add("parameter-editor");
        Pattern allowed = field.spec().type() == ParameterSpec.Type.INTEGER ? INTEGER_CHARS : DECIMAL_CHARS;
        // Refuse characters that can never make a number; range checks are left to the simulator
        // so that its message is the one the user sees.
        UnaryOperator<TextFormatter.Change> filter =
                change -> allowed.matcher(change.getControlNewText()).matches() ? change : null;
        text.setTextFormatter(new TextFormatter<>(filter));
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
