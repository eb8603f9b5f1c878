package org.fabricscope.trace.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import org.fabricscope.trace.TraceFormatException;

/**
 * A JSON parser over one trace file with typed reads that fail as {@link TraceFormatException}s
 * naming the file, line and column, and saying what was expected.
 */
final class JsonCursor {
    final JsonParser p;
    final String file;

    JsonCursor(JsonParser p, String file) {
        this.p = p;
        this.file = file;
    }

    String readString(String key) throws IOException, TraceFormatException {
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_STRING) {
            throw failHere(key + " must be a string, found " + describe(v));
        }
        return p.getText();
    }

    Boolean readBool(String key, Boolean previous) throws IOException, TraceFormatException {
        if (previous != null) {
            throw failHere("key '" + key + "' appears twice");
        }
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
            throw failHere(key + " must be true or false, found " + describe(v));
        }
        return v == JsonToken.VALUE_TRUE;
    }

    int readInt(String key) throws IOException, TraceFormatException {
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw failHere(key + " must be an integer, found " + describe(v));
        }
        return intValue(key);
    }

    int intValue(String key) throws IOException, TraceFormatException {
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected an integer from "
                    + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return p.getIntValue();
    }

    int readIntInRange(String key, int min, int max) throws IOException, TraceFormatException {
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw failHere(key + " must be an integer, found " + describe(v));
        }
        JsonParser.NumberType type = p.getNumberType();
        long value = type == JsonParser.NumberType.BIG_INTEGER ? Long.MAX_VALUE : p.getLongValue();
        if (value < min || value > max) {
            throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected " + min + " to " + max);
        }
        return (int) value;
    }

    long readLong(String key) throws IOException, TraceFormatException {
        JsonToken v = p.nextToken();
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw failHere(key + " must be an integer, found " + describe(v));
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw failHere(key + " " + shorten(p.getText()) + " is out of range; expected a 64-bit integer");
        }
        return p.getLongValue();
    }

    void expect(JsonToken expected, String what) throws IOException, TraceFormatException {
        JsonToken v = p.nextToken();
        if (v != expected) {
            throw failHere(what + ", found " + describe(v));
        }
    }

    /** Line of the current token, without allocating a location where the parser allows. */
    int tokenLine() {
        return p instanceof ParserBase base
                ? base.getTokenLineNr()
                : p.currentTokenLocation().getLineNr();
    }

    void requireSameLine(int startLine, String what) throws TraceFormatException {
        int endLine = tokenLine();
        if (endLine != startLine) {
            throw new TraceFormatException(
                    file,
                    startLine,
                    0,
                    what + " spans lines " + startLine + " to " + endLine + "; each JSON object must be on one line");
        }
    }

    String describe(JsonToken tok) throws IOException {
        if (tok == null) {
            return "the end of the file";
        }
        switch (tok) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case END_OBJECT:
            case END_ARRAY:
                return "the end of " + (tok == JsonToken.END_OBJECT ? "an object" : "an array");
            case VALUE_STRING:
                return "the string \"" + shorten(p.getText()) + "\"";
            case VALUE_NULL:
                return "null";
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + shorten(p.getText());
            default:
                return tok.toString();
        }
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    TraceFormatException failHere(String problem) {
        JsonLocation loc = p.currentTokenLocation();
        return new TraceFormatException(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0), problem);
    }

    TraceFormatException objectFail(int line, String problem) {
        return new TraceFormatException(file, line, 0, problem);
    }
}
