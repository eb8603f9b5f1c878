package org.fabricscope.trace;

import java.util.List;

/**
 * The fields of one block's metadata record. Every change of a field is a trace event.
 *
 * <p>Values are stored as {@code int}: enums by ordinal, booleans as 0/1, versions, checksums,
 * extents and write ids as themselves. Every field starts at 0 (the first constant of an enum);
 * the simulator records the real initial values as {@link EventKind#BLOCK_INIT} events at time 0.
 */
public enum Field {
    /** Committed data version on the media. */
    VERSION("version", ValueType.INT, null),
    /** Metadata checksum of the committed version. */
    CHECKSUM("checksum", ValueType.INT, null),
    /** Set by a write when it takes the lock; cleared when its completion ACK releases it. */
    LAST_WRITE_PENDING("lastWritePending", ValueType.BOOL, null),
    /** Id of the write holding the transient write lock; 0 when no write holds it. */
    LOCK_HOLDER("lockHolder", ValueType.INT, null),
    /** State of the block's cache buffer, see {@link CacheState}. */
    CACHE_STATE("cacheState", ValueType.ENUM, CacheState.class),
    /** Data version the cache buffer holds. */
    CACHE_VERSION("cacheVersion", ValueType.INT, null),
    /** Compaction state, see {@link CompactionState}. */
    COMPACTION("compaction", ValueType.ENUM, CompactionState.class),
    /** Extent (physical location) the block currently lives in. */
    EXTENT("extent", ValueType.INT, null),
    /** Health of the block's storage, see {@link Health}. */
    HEALTH("health", ValueType.ENUM, Health.class);

    /** How a field's int value is to be read. */
    public enum ValueType {
        INT,
        BOOL,
        ENUM
    }

    private static final Field[] VALUES = values();

    private final String jsonName;
    private final ValueType type;
    private final List<String> enumNames;

    Field(String jsonName, ValueType type, Class<? extends Enum<?>> enumType) {
        this.jsonName = jsonName;
        this.type = type;
        if (enumType == null) {
            this.enumNames = List.of();
        } else {
            Enum<?>[] constants = enumType.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = constants[i].name();
            }
            this.enumNames = List.of(names);
        }
    }

    /** The name used in trace files, e.g. {@code lastWritePending}. */
    public String jsonName() {
        return jsonName;
    }

    public ValueType type() {
        return type;
    }

    /** For {@link ValueType#ENUM} fields, the constant names in ordinal order; else empty. */
    public List<String> enumNames() {
        return enumNames;
    }

    /** A human-readable form of a value of this field, e.g. {@code READY}, {@code true}, {@code 17}. */
    public String format(int value) {
        switch (type) {
            case BOOL:
                return value != 0 ? "true" : "false";
            case ENUM:
                return value >= 0 && value < enumNames.size() ? enumNames.get(value) : "?" + value;
            default:
                return Integer.toString(value);
        }
    }

    /** The field with this ordinal; {@code null} for -1 (no field). */
    public static Field ofOrdinal(int ordinal) {
        return ordinal < 0 ? null : VALUES[ordinal];
    }

    /** The field with this file name, or {@code null}. */
    public static Field ofJsonName(String name) {
        for (Field f : VALUES) {
            if (f.jsonName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    public static int count() {
        return VALUES.length;
    }
}
