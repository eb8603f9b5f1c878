package org.fabricscope.ui.scenario;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fabricscope.sim.scenario.ParameterSpec;

/**
 * One editable scenario parameter: its catalogue entry, the text the user typed (the canonical
 * text form the simulator parses; {@code true}/{@code false} for booleans), and the simulator's
 * complaint about it, empty when valid.
 */
public final class ParameterField {
    private final ParameterSpec spec;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ParameterField(ParameterSpec spec) {
        this.spec = spec;
    }

    public ParameterSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String getValue() {
        return value.get();
    }

    /** The simulator's message about the current value, or empty when valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }

    /** The name with its unit, e.g. {@code ackJitterMicrosMax (µs)}. */
    public String label() {
        String unit = spec.unit();
        return unit == null || unit.isBlank() ? spec.name() : spec.name() + " (" + unit + ")";
    }

    /** The description with the allowed range, e.g. {@code ... Range: 0 to 20000 µs.} */
    public String descriptionWithRange() {
        String d = spec.description() == null ? "" : spec.description().trim();
        if (spec.type() == ParameterSpec.Type.BOOLEAN) {
            return d;
        }
        String unit = spec.unit() == null || spec.unit().isBlank() ? "" : " " + spec.unit();
        String sep = d.isEmpty() || d.endsWith(".") ? " " : ". ";
        return (d + sep + "Range: " + number(spec.min()) + " to " + number(spec.max()) + unit + ".").trim();
    }

    private String number(double v) {
        if (spec.type() == ParameterSpec.Type.INTEGER || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
