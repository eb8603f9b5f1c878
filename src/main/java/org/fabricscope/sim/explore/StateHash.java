package org.fabricscope.sim.explore;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fabricscope.sim.core.Choices;
import org.fabricscope.sim.core.Counters;
import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.EventQueue;
import org.fabricscope.sim.core.FileStats;
import org.fabricscope.sim.core.LatencyHistogram;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceSink;

/**
 * A 128-bit fingerprint of a run's whole state between two timers: the simulated time, the
 * pending timers in firing order, and everything reachable from them (actors, their streams and
 * queues, the fabric's blocks, the values the timers captured), walked by reflection in a fixed
 * order, so no actor has to describe its own state. Two runs with equal fingerprints behave the
 * same from here on, whatever choices follow (up to a hash collision, about 2^-64 per pair).
 *
 * <p>Left out, because they only record or count and never steer the run: the engine (its event
 * count shifts only the numbering of later events), the trace being written, statistics, and the
 * explorer's own choice object. Left in, conservatively: event numbers that timers captured as
 * causes, so two interleavings that differ only in numbering are still told apart.
 */
final class StateHash {
    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private long h1 = 0x243F6A8885A308D3L;
    private long h2 = 0x13198A2E03707344L;
    private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();

    private StateHash() {}

    /** The fingerprint of the state before the next timer fires: two longs. */
    static long[] of(long nowMicros, EventQueue queue) {
        StateHash h = new StateHash();
        h.mixLong(nowMicros);
        queue.forEachPending((at, action) -> {
            h.mixLong(at - nowMicros);
            h.walk(action);
        });
        return new long[] {h.h1, h.h2};
    }

    private void mixLong(long v) {
        h1 = Long.rotateLeft((h1 ^ v) * 0x9E3779B97F4A7C15L, 31);
        h2 = Long.rotateLeft((h2 + v) * 0xC2B2AE3D27D4EB4FL, 27) ^ (h2 >>> 17);
    }

    private void mixString(String s) {
        mixLong(s.length());
        mixLong(s.hashCode());
    }

    private static boolean skipped(Class<?> c) {
        return Engine.class.isAssignableFrom(c)
                || TraceSink.class.isAssignableFrom(c)
                || Progress.class.isAssignableFrom(c)
                || Choices.class.isAssignableFrom(c)
                || c == Counters.class
                || c == FileStats.class
                || c == LatencyHistogram.class;
    }

    private void walk(Object o) {
        if (o == null) {
            mixLong(0x5EED);
            return;
        }
        Class<?> c = o.getClass();
        if (skipped(c)) {
            mixLong(1);
            return;
        }
        if (o instanceof String s) {
            mixString(s);
            return;
        }
        if (o instanceof Number n) {
            mixLong(n.longValue());
            return;
        }
        if (o instanceof Boolean b) {
            mixLong(b ? 3 : 2);
            return;
        }
        if (o instanceof Character ch) {
            mixLong(ch);
            return;
        }
        if (o instanceof Enum<?> e) {
            mixLong(e.ordinal());
            return;
        }
        Integer before = seen.get(o);
        if (before != null) {
            mixLong(-before - 7);
            return;
        }
        seen.put(o, seen.size());
        mixString(c.getName()); // a lambda's hidden class name is unique per lambda site within the JVM
        if (c.isArray()) {
            int n = Array.getLength(o);
            mixLong(n);
            Class<?> t = c.getComponentType();
            if (t == int.class) {
                for (int v : (int[]) o) {
                    mixLong(v);
                }
            } else if (t == long.class) {
                for (long v : (long[]) o) {
                    mixLong(v);
                }
            } else if (t == boolean.class) {
                for (boolean v : (boolean[]) o) {
                    mixLong(v ? 1 : 0);
                }
            } else if (t.isPrimitive()) {
                for (int i = 0; i < n; i++) {
                    walk(Array.get(o, i));
                }
            } else {
                for (Object v : (Object[]) o) {
                    walk(v);
                }
            }
            return;
        }
        if (o instanceof Collection<?> col) {
            mixLong(col.size());
            for (Object v : col) {
                walk(v);
            }
            return;
        }
        if (c.getName().startsWith("java.")) {
            // A JDK object other than a collection: its identity class is all that can be read.
            return;
        }
        for (Field f : fields(c)) {
            try {
                Class<?> t = f.getType();
                if (t == int.class) {
                    mixLong(f.getInt(o));
                } else if (t == long.class) {
                    mixLong(f.getLong(o));
                } else if (t == boolean.class) {
                    mixLong(f.getBoolean(o) ? 1 : 0);
                } else if (t == double.class) {
                    mixLong(Double.doubleToLongBits(f.getDouble(o)));
                } else {
                    walk(f.get(o));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f + " for the state hash", e);
            }
        }
    }

    /** Instance fields of {@code c} and its superclasses, in a fixed order (class, then name). */
    private static Field[] fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                Field[] declared = x.getDeclaredFields();
                Arrays.sort(declared, Comparator.comparing(Field::getName));
                for (Field f : declared) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return out.toArray(new Field[0]);
        });
    }
}
