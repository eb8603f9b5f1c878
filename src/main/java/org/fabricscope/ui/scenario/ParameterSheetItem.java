package org.fabricscope.ui.scenario;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.fabricscope.sim.scenario.ParameterSpec;

/** Shows one {@link ParameterField} as a row of the ControlsFX {@link PropertySheet}. */
final class ParameterSheetItem implements PropertySheet.Item {
    private final ParameterField field;

    ParameterSheetItem(ParameterField field) {
        this.field = field;
    }

    ParameterField field() {
        return field;
    }

    @Override
    public Class<?> getType() {
        return field.spec().type() == ParameterSpec.Type.BOOLEAN ? Boolean.class : String.class;
    }

    @Override
    public String getCategory() {
        return "Parameters";
    }

    @Override
    public String getName() {
        return field.label();
    }

    @Override
    public String getDescription() {
        return field.descriptionWithRange();
    }

    @Override
    public Object getValue() {
        return field.getValue();
    }

    @Override
    public void setValue(Object value) {
        field.valueProperty().set(value == null ? "" : value.toString());
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(field.valueProperty());
    }
}
