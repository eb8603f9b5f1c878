package org.fabricscope.sim.scenario;

/**
 * One scenario parameter as the catalogue describes it: name (unit last, e.g.
 * {@code ackJitterMicrosMax}), unit, type, allowed range and a one-line description.
 */
public record ParameterSpec(String name, String unit, Type type, double min, double max, String description) {
    public enum Type {
        INTEGER,
        DECIMAL,
        BOOLEAN,
        /** A set of operation numbers in [min, max] written as ranges, e.g. {@code 1-40,42}; empty: none. */
        ID_SET
    }
}
