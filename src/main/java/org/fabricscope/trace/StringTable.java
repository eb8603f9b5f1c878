package org.fabricscope.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned strings of a trace (actor names). Ids are assigned in order of first use, so the
 * table's order is deterministic; the map is only a lookup, never iterated.
 */
public final class StringTable {
    private final List<String> byId = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    /** The id of {@code s}, adding it if new. */
    public int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int next = byId.size();
        byId.add(s);
        ids.put(s, next);
        return next;
    }

    /** The id of {@code s}, or -1 if it was never interned. */
    public int find(String s) {
        Integer id = ids.get(s);
        return id == null ? -1 : id;
    }

    public String get(int id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }
}
