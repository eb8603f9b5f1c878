package org.fabricscope.trace;

/**
 * Where the simulator sends events. {@link TraceBuilder} keeps them; a counting sink lets long
 * soaks run without keeping anything.
 */
public interface TraceSink {
    /**
     * Records one event and returns its sequence number (0, 1, 2, … in call order).
     *
     * @param timeMicros simulated time, never less than the previous event's
     * @param block the block, or -1
     * @param node the node, or -1
     * @param actor the actor's name (e.g. {@code prefetch@n1}); interned
     * @param kind what happened
     * @param field the field changed or read, or {@code null}
     * @param oldValue the field's value before (for a check: the value read)
     * @param newValue the field's value after (for a check: the value read)
     * @param cause sequence number of the causing event, or -1; always less than this event's
     * @param arg kind-specific argument (jitter, transaction id, …), 0 if none
     */
    int event(
            long timeMicros,
            int block,
            int node,
            String actor,
            EventKind kind,
            Field field,
            int oldValue,
            int newValue,
            int cause,
            int arg);

    /** Number of events recorded so far. */
    int size();
}
