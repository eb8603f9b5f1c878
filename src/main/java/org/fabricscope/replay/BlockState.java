package org.fabricscope.replay;

import java.util.Arrays;
import org.fabricscope.trace.Field;

/** The metadata record of one block at one step: one int per {@link Field}, by ordinal. */
public final class BlockState {
    private final int block;
    private final int[] values;

    public BlockState(int block, int[] values) {
        if (values.length != Field.count()) {
            throw new IllegalArgumentException("expected " + Field.count() + " values, got " + values.length);
        }
        this.block = block;
        this.values = values.clone();
    }

    public int block() {
        return block;
    }

    public int get(Field f) {
        return values[f.ordinal()];
    }

    /** The value formatted for people, e.g. {@code READY}. */
    public String format(Field f) {
        return f.format(get(f));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockState other && other.block == block && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * block + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("block ").append(block).append(" {");
        for (Field f : Field.values()) {
            sb.append(' ').append(f.jsonName()).append('=').append(format(f));
        }
        return sb.append(" }").toString();
    }
}
