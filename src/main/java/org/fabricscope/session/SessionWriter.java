package org.fabricscope.session;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.trace.io.AtomicFile;

/**
 * Writes a {@link Session} as JSON ({@code docs/SESSION_FORMAT.md}), keys always in the same order,
 * two-space indented, so that session files diff well.
 */
public final class SessionWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SessionWriter() {}

    /**
     * Writes {@code session} to {@code file} atomically (temporary file, then rename). An existing
     * file is replaced only when {@code overwrite}; the caller has asked the user.
     */
    public static void write(Session session, Path file, boolean overwrite) throws IOException {
        byte[] bytes = toBytes(session);
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }

    /** The file's bytes (UTF-8 JSON, ending in a newline). */
    public static byte[] toBytes(Session session) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(session, out);
        return out.toByteArray();
    }

    private static void write(Session s, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("format", Session.FORMAT_NAME);
            g.writeNumberField("version", s.formatVersion());
            writeTrace(g, s.trace());
            g.writeObjectFieldStart("cursor");
            g.writeNumberField("step", s.cursorStep());
            g.writeNumberField("block", s.selectedBlock());
            g.writeEndObject();
            if (s.view() != null) {
                g.writeObjectFieldStart("view");
                g.writeNumberField("startMicros", s.view().startMicros());
                g.writeNumberField("endMicros", s.view().endMicros());
                g.writeNumberField("scrollY", s.view().scrollY());
                g.writeEndObject();
            }
            if (s.lanes() != null) {
                g.writeObjectFieldStart("lanes");
                strings(g, "hidden", s.lanes().hidden());
                strings(g, "pinned", s.lanes().pinned());
                strings(g, "collapsedGroups", s.lanes().collapsedGroups());
                g.writeEndObject();
            }
            Session.Filters f = s.filters();
            g.writeObjectFieldStart("filters");
            g.writeArrayFieldStart("blocks");
            for (int b : f.blocks()) {
                g.writeNumber(b);
            }
            g.writeEndArray();
            strings(g, "actors", f.actors());
            strings(g, "kinds", f.kinds());
            g.writeStringField("text", f.text());
            g.writeBooleanField("hideOnTimeline", f.hideOnTimeline());
            g.writeEndObject();
            g.writeArrayFieldStart("breakpoints");
            for (Breakpoint b : s.breakpoints()) {
                BreakpointJson.write(g, b);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bookmarks");
            for (Session.Bookmark b : s.bookmarks()) {
                g.writeStartObject();
                g.writeStringField("name", b.name());
                g.writeNumberField("step", b.step());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Session.Note n : s.notes()) {
                g.writeStartObject();
                g.writeStringField("text", n.text());
                if (n.isRange()) {
                    g.writeNumberField("startMicros", n.startMicros());
                    g.writeNumberField("endMicros", n.endMicros());
                } else {
                    g.writeNumberField("step", n.step());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (s.compare() != null) {
                Session.Compare c = s.compare();
                g.writeObjectFieldStart("compare");
                g.writeFieldName("b");
                writeFile(g, c.b());
                g.writeNumberField("difference", c.difference());
                g.writeBooleanField("differencesOnly", c.differencesOnly());
                g.writeNumberField("inspectedBlock", c.inspectedBlock());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** A file's {@code {"path":…,"sha256":…,"bytes":…}}. */
    private static void writeFile(JsonGenerator g, Session.FileTrace file) throws IOException {
        g.writeStartObject();
        writeFileFields(g, file);
        g.writeEndObject();
    }

    private static void writeFileFields(JsonGenerator g, Session.FileTrace file) throws IOException {
        g.writeStringField("path", file.path().toString());
        if (file.sha256() != null) {
            g.writeStringField("sha256", file.sha256());
        }
        if (file.bytes() >= 0) {
            g.writeNumberField("bytes", file.bytes());
        }
    }

    private static void writeTrace(JsonGenerator g, Session.TraceRef ref) throws IOException {
        g.writeObjectFieldStart("trace");
        if (ref instanceof Session.FileTrace file) {
            writeFileFields(g, file);
        } else if (ref instanceof Session.SimulatedTrace sim) {
            g.writeObjectFieldStart("simulation");
            g.writeStringField("scenario", sim.scenario());
            g.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> e : sim.parameters().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("seed", sim.seed());
            g.writeNumberField("attempt", sim.attempt());
            g.writeStringField("patch", sim.patch());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String key, List<String> values) throws IOException {
        g.writeArrayFieldStart(key);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
