package org.fabricscope.sim.explore;

/**
 * One choice point of an explored run: a timing draw or a tie between timers due at the same
 * instant.
 *
 * @param kind UNIFORM or EXPONENTIAL draw, or TIE
 * @param stream the drawing stream's number in split order (0 for a tie)
 * @param domain how many values it could take
 * @param chosen the index taken (a level, or a timer in scheduling order)
 * @param value the drawn value in µs (for a tie: the chosen index)
 * @param atMicros simulated time at which it was made
 */
public record ChoicePoint(Kind kind, int stream, int domain, int chosen, long value, long atMicros) {
    /** What kind of choice. */
    public enum Kind {
        UNIFORM,
        EXPONENTIAL,
        TIE
    }
}
