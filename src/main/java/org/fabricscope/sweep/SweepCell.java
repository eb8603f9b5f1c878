package org.fabricscope.sweep;

import java.util.Map;
import org.fabricscope.trace.PatchSwitches;

/**
 * One cell of a sweep's grid: a value of every axis and a patch configuration.
 *
 * @param index position in {@link SweepDefinition#cells()} (0-based)
 * @param values axis parameter to canonical value (a plain number in the parameter's unit), in axis order
 * @param patch the patch switches the cell runs with
 */
public record SweepCell(int index, Map<String, String> values, PatchSwitches patch) {
    public SweepCell {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The value of one axis parameter. */
    public String value(String parameter) {
        String v = values.get(parameter);
        if (v == null) {
            throw new IllegalArgumentException("no axis " + parameter + " in this sweep");
        }
        return v;
    }
}
