package org.fabricscope.sim.core;

/** Something an actor does when its timer fires. */
@FunctionalInterface
public interface Action {
    void fire();
}
