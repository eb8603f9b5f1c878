package org.fabricscope.sim.core;

/**
 * Where an exploring run gets the values an ordinary run draws at random: the timing draws of
 * every actor's stream ({@link SplitMix64#uniform}, {@link SplitMix64#exponential}) and the order
 * of timers due at the same instant. Installed on the root stream of a run, it is inherited by
 * every stream split from it, so actors need not know whether they are explored. Null in ordinary
 * runs, which then draw and order exactly as before.
 */
public interface Choices {
    /** A number for a newly split stream (1, 2, ... in split order), to tell draw sites apart. */
    int newStream();

    /**
     * The value of a uniform draw in [min, max] (min &lt; max) on stream {@code stream}; {@code
     * drawn} is what the ordinary run would have drawn (the stream has advanced as usual).
     */
    long uniform(int stream, long min, long max, long drawn);

    /** The value of an exponential draw of mean {@code mean}; {@code drawn} as for uniform. */
    long exponential(int stream, double mean, long drawn);

    /**
     * Which of {@code count} (at least 2) timers due at the same instant fires next: an index in
     * scheduling order, 0 being what the ordinary run does.
     */
    int tie(int count);

    /**
     * Called before each timer fires, with the events so far and the pending timers; returns false to end the run here
     * (an explorer that has already explored everything that can follow).
     */
    boolean beforeTimer(long nowMicros, int events, EventQueue queue);
}
