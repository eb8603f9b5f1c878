package org.fabricscope.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON document read with Jackson's streaming parser into nodes that remember their line,
 * so that the session reader can check meaning (types, ranges, known keys) and still name the line
 * of any problem. Bounded: string length, nesting depth, number length and items per array.
 */
final class JsonTree {
    static final int MAX_STRING_CHARS = 16_384;
    static final int MAX_DEPTH = 8;
    static final int MAX_ITEMS = 100_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(256)
                    .maxNumberLength(40)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {}

    /** A value and the position it starts at. */
    abstract static class Node {
        final String file;
        final long line;
        final long column;

        Node(String file, long line, long column) {
            this.file = file;
            this.line = line;
            this.column = column;
        }

        SessionFormatException fail(String problem) {
            return new SessionFormatException(file, line, column, problem);
        }

        abstract String describe();

        Obj object() throws SessionFormatException {
            if (this instanceof Obj o) {
                return o;
            }
            throw fail("expected an object {...}, found " + describe());
        }

        List<Node> array() throws SessionFormatException {
            if (this instanceof Arr a) {
                return a.items;
            }
            throw fail("expected an array [...], found " + describe());
        }

        String string() throws SessionFormatException {
            if (this instanceof Scalar s && s.token == JsonToken.VALUE_STRING) {
                return (String) s.value;
            }
            throw fail("expected a string, found " + describe());
        }

        /** A string, number or boolean as text (breakpoint values may be written either way). */
        String scalarText() throws SessionFormatException {
            if (this instanceof Scalar s && s.token != JsonToken.VALUE_NULL) {
                return String.valueOf(s.value);
            }
            throw fail("expected a value, found " + describe());
        }

        long longValue() throws SessionFormatException {
            if (this instanceof Scalar s && s.token == JsonToken.VALUE_NUMBER_INT && s.value instanceof Long l) {
                return l;
            }
            throw fail("expected a whole number, found " + describe());
        }

        int intValue() throws SessionFormatException {
            long v = longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw fail("number " + v + " is out of range");
            }
            return (int) v;
        }

        double doubleValue() throws SessionFormatException {
            if (this instanceof Scalar s && s.value instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    return d;
                }
            }
            throw fail("expected a number, found " + describe());
        }

        boolean booleanValue() throws SessionFormatException {
            if (this instanceof Scalar s && s.value instanceof Boolean b) {
                return b;
            }
            throw fail("expected true or false, found " + describe());
        }
    }

    static final class Obj extends Node {
        final Map<String, Node> members = new LinkedHashMap<>();
        final Map<String, long[]> keyPositions = new LinkedHashMap<>();

        Obj(String file, long line, long column) {
            super(file, line, column);
        }

        @Override
        String describe() {
            return "an object";
        }

        Node get(String key) {
            return members.get(key);
        }

        Node require(String key, String what) throws SessionFormatException {
            Node n = members.get(key);
            if (n == null) {
                throw fail("missing '" + key + "' (" + what + ")");
            }
            return n;
        }

        /** Refuses keys other than {@code known}, at the unknown key's line. */
        void allowOnly(String... known) throws SessionFormatException {
            List<String> k = Arrays.asList(known);
            for (Map.Entry<String, long[]> e : keyPositions.entrySet()) {
                if (!k.contains(e.getKey())) {
                    throw new SessionFormatException(
                            file,
                            e.getValue()[0],
                            e.getValue()[1],
                            "unknown key '" + e.getKey() + "'; expected one of " + String.join(", ", known));
                }
            }
        }
    }

    static final class Arr extends Node {
        final List<Node> items = new ArrayList<>();

        Arr(String file, long line, long column) {
            super(file, line, column);
        }

        @Override
        String describe() {
            return "an array";
        }
    }

    static final class Scalar extends Node {
        final JsonToken token;
        final Object value;

        Scalar(String file, long line, long column, JsonToken token, Object value) {
            super(file, line, column);
            this.token = token;
            this.value = value;
        }

        @Override
        String describe() {
            switch (token) {
                case VALUE_STRING:
                    String s = (String) value;
                    return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
                case VALUE_NULL:
                    return "null";
                default:
                    return String.valueOf(value);
            }
        }
    }

    /** Parses one JSON value filling the whole stream. */
    static Node parse(InputStream in, String file) throws SessionFormatException {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(in);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SessionFormatException(
                        file,
                        0,
                        0,
                        "the file is empty; expected a session {\"format\":\"" + Session.FORMAT_NAME + "\",...}");
            }
            Node root = read(p, file, first);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SessionFormatException(
                        file,
                        l.getLineNr(),
                        l.getColumnNr(),
                        "content after the session object; a session file holds one JSON object");
            }
            return root;
        } catch (JsonEOFException e) {
            throw at(file, e.getLocation(), "the file ends in the middle of the session (truncated?)", e);
        } catch (StreamConstraintsException e) {
            // Jackson reports a broken limit without a position; the parser knows where it stopped.
            throw at(
                    file,
                    e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation(),
                    "a value exceeds the session format's limits (strings up to " + MAX_STRING_CHARS
                            + " characters, nesting up to " + MAX_DEPTH + " levels)",
                    e);
        } catch (JsonParseException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = m.indexOf('\n');
            throw at(file, e.getLocation(), "not valid JSON (" + (nl < 0 ? m : m.substring(0, nl)) + ")", e);
        } catch (CharConversionException e) {
            throw new SessionFormatException(file, 0, 0, "not UTF-8 text: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SessionFormatException(file, 0, 0, "cannot read the file: " + e.getMessage(), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // The stream is the caller's; nothing was written.
                }
            }
        }
    }

    private static SessionFormatException at(String file, JsonLocation l, String problem, Throwable cause) {
        long line = l == null ? 0 : Math.max(0, l.getLineNr());
        long column = l == null ? 0 : Math.max(0, l.getColumnNr());
        return new SessionFormatException(file, line, column, problem, cause);
    }

    private static Node read(JsonParser p, String file, JsonToken t) throws IOException, SessionFormatException {
        JsonLocation l = p.currentTokenLocation();
        long line = l.getLineNr();
        long column = l.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Obj o = new Obj(file, line, column);
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    if (o.members.containsKey(key)) {
                        throw new SessionFormatException(
                                file,
                                kl.getLineNr(),
                                kl.getColumnNr(),
                                "key '" + key + "' appears twice in this object");
                    }
                    if (o.members.size() >= 64) {
                        throw new SessionFormatException(
                                file, kl.getLineNr(), kl.getColumnNr(), "more than 64 keys in one object");
                    }
                    Node v = read(p, file, p.nextToken());
                    o.members.put(key, v);
                    o.keyPositions.put(key, new long[] {kl.getLineNr(), kl.getColumnNr()});
                }
                if (k != JsonToken.END_OBJECT) {
                    throw new SessionFormatException(file, line, column, "an object that does not end");
                }
                return o;
            }
            case START_ARRAY: {
                Arr a = new Arr(file, line, column);
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v == null) {
                        throw new SessionFormatException(file, line, column, "an array that does not end");
                    }
                    if (a.items.size() >= MAX_ITEMS) {
                        JsonLocation vl = p.currentTokenLocation();
                        throw new SessionFormatException(
                                file,
                                vl.getLineNr(),
                                vl.getColumnNr(),
                                "more than " + MAX_ITEMS + " items in one array");
                    }
                    a.items.add(read(p, file, v));
                }
                return a;
            }
            case VALUE_STRING:
                return new Scalar(file, line, column, t, p.getText());
            case VALUE_NUMBER_INT:
                if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
                    throw new SessionFormatException(file, line, column, "number " + p.getText() + " is out of range");
                }
                return new Scalar(file, line, column, t, p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return new Scalar(file, line, column, t, p.getDoubleValue());
            case VALUE_TRUE:
                return new Scalar(file, line, column, t, Boolean.TRUE);
            case VALUE_FALSE:
                return new Scalar(file, line, column, t, Boolean.FALSE);
            case VALUE_NULL:
                return new Scalar(file, line, column, t, null);
            default:
                throw new SessionFormatException(file, line, column, "unexpected " + t);
        }
    }
}
