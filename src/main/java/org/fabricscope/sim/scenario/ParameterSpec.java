package org.fabricscope.sim.scenario;

/**
 * One scenario parameter as the catalogue describes it: name (unit last, e.g.
 * {@code ackJitterMicrosMax}), unit, type, allowed range and a one-line description.
 */
public record ParameterSpec(String name, String unit, Type type, double min, double max, String description) {
    public enum Type {
        INTEGER,
        DECIMAL,
        BOOLEAN
    }
}
