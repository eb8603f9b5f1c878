package org.fabricscope.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fabricscope.trace.Field;

/**
 * A condition on a block's metadata, such as {@code cacheState=READY && lastWritePending}: terms
 * joined by {@code &&}, all of which must hold. A breakpoint evaluates it on the block's true
 * state after the step ({@link TraceIndex#stateAt}), not on the values the event carries.
 *
 * <p>Terms: {@code field=value} (also {@code ==}), {@code field!=value}, and for true/false fields
 * {@code field} and {@code !field}. Values are written as {@link Breakpoint#parseValue} reads them
 * ({@code READY}, {@code true}, {@code 17}); field names are the trace format's.
 *
 * @param terms the terms, in the order written; at least one
 */
public record StateCondition(List<Term> terms) {
    /**
     * One comparison.
     *
     * @param field the block field
     * @param value its value, as stored (enum ordinal, 0/1 for booleans)
     * @param equal {@code true} for {@code =}, {@code false} for {@code !=}
     */
    public record Term(Field field, int value, boolean equal) {
        public Term {
            Objects.requireNonNull(field, "field");
            // One form per meaning, so that equal conditions compare equal: "lastWritePending=false"
            // is stored as "!lastWritePending".
            if (field.type() == Field.ValueType.BOOL && value == 0) {
                value = 1;
                equal = !equal;
            }
        }

        boolean holds(BlockState state) {
            return (state.get(field) == value) == equal;
        }

        /** The canonical text: {@code lastWritePending}, {@code !lastWritePending}, {@code cacheState=READY}. */
        @Override
        public String toString() {
            if (field.type() == Field.ValueType.BOOL && (value == 0 || value == 1)) {
                return (value == 1) == equal ? field.jsonName() : "!" + field.jsonName();
            }
            return field.jsonName() + (equal ? "=" : "!=") + field.format(value);
        }
    }

    public StateCondition {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one term");
        }
    }

    /**
     * Parses a condition as people write it.
     *
     * @throws IllegalArgumentException saying which term is wrong and what is expected
     */
    public static StateCondition parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(
                    "The condition is empty; write e.g. cacheState=READY && lastWritePending.");
        }
        if (t.contains("||")) {
            throw new IllegalArgumentException("'" + t + "': only && joins terms, one comparison each; for 'or', add a "
                    + "breakpoint per alternative.");
        }
        List<Term> terms = new ArrayList<>();
        for (String part : t.split("&&", -1)) {
            terms.add(parseTerm(part.trim(), t));
        }
        return new StateCondition(terms);
    }

    private static Term parseTerm(String term, String whole) {
        if (term.isEmpty()) {
            throw new IllegalArgumentException("Empty term in '" + whole + "': each side of && needs a condition.");
        }
        int ne = term.indexOf("!=");
        int eq = term.indexOf('=');
        if (ne >= 0 || eq >= 0) {
            boolean equal = ne < 0;
            int at = equal ? eq : ne;
            int valueAt = equal ? (term.startsWith("==", eq) ? eq + 2 : eq + 1) : ne + 2;
            Field field = field(term.substring(0, at).trim(), term);
            String valueText = term.substring(valueAt).trim();
            if (valueText.isEmpty()) {
                throw new IllegalArgumentException(
                        "'" + term + "' needs a value after the " + (equal ? "=" : "!=") + ".");
            }
            if (valueText.contains("=") || valueText.contains("!")) {
                throw new IllegalArgumentException("'" + term + "' is not one comparison; join terms with &&.");
            }
            return new Term(field, Breakpoint.parseValue(field, valueText), equal);
        }
        boolean negated = term.startsWith("!");
        Field field = field((negated ? term.substring(1) : term).trim(), term);
        if (field.type() != Field.ValueType.BOOL) {
            throw new IllegalArgumentException(field.jsonName() + " is not true/false; compare it to a value, e.g. "
                    + field.jsonName() + "=" + example(field) + ".");
        }
        return new Term(field, 1, !negated);
    }

    private static Field field(String name, String term) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + term + "' names no field.");
        }
        Field f = Field.ofJsonName(name);
        if (f != null) {
            return f;
        }
        for (Field candidate : Field.values()) {
            if (candidate.jsonName().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        List<String> names = new ArrayList<>();
        for (Field candidate : Field.values()) {
            names.add(candidate.jsonName());
        }
        throw new IllegalArgumentException(
                "Unknown field '" + name + "'; the fields are " + String.join(", ", names) + ".");
    }

    private static String example(Field f) {
        return f.type() == Field.ValueType.ENUM
                ? f.enumNames().get(f.enumNames().size() > 2 ? 2 : 0).toUpperCase(Locale.ROOT)
                : "0";
    }

    /** True if every term holds in {@code state}. */
    public boolean holds(BlockState state) {
        for (Term term : terms) {
            if (!term.holds(state)) {
                return false;
            }
        }
        return true;
    }

    /** True if every term holds for {@code block} after events 0..{@code step}. */
    public boolean holds(TraceIndex index, int block, int step) {
        return holds(index.stateAt(block, step));
    }

    /** The canonical text, which {@link #parse} reads back to an equal condition. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Term term : terms) {
            parts.add(term.toString());
        }
        return String.join(" && ", parts);
    }
}
