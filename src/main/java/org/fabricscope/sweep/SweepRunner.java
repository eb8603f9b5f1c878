package org.fabricscope.sweep;

import org.fabricscope.trace.Progress;

/**
 * Runs a sweep's work units somewhere (threads here, a Spark cluster) and reduces them with {@link
 * SweepEngine#reduce}. Every runner gives the same {@link SweepResult} for the same definition.
 */
public interface SweepRunner {
    /**
     * @param progress work units done out of all of them; cancelling it stops the sweep with
     *     {@link org.fabricscope.trace.CancelledException}
     */
    SweepResult run(SweepDefinition definition, Progress progress);
}
