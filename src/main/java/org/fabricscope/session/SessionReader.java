package org.fabricscope.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.trace.EventKind;

/**
 * Reads a session file ({@code docs/SESSION_FORMAT.md}) strictly: any problem is a {@link
 * SessionFormatException} naming the file and line, and nothing is returned in part. The file's
 * size, its strings, nesting and arrays are bounded; a version outside {@link
 * Session#OLDEST_VERSION}..{@link Session#VERSION} is refused.
 */
public final class SessionReader {
    /** Session files are small; anything bigger is not one. */
    public static final long MAX_FILE_BYTES = 8L << 20;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private SessionReader() {}

    /** Reads the session in {@code file}. */
    public static Session read(Path file) throws SessionFormatException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SessionFormatException(
                        name,
                        0,
                        0,
                        String.format(
                                java.util.Locale.ROOT,
                                "%,d bytes is too big for a session file (at most %,d); is it a trace?",
                                size,
                                MAX_FILE_BYTES));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new SessionFormatException(name, 0, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SessionFormatException(name, 0, 0, "permission denied", e);
        } catch (IOException e) {
            throw new SessionFormatException(name, 0, 0, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Reads a session from {@code bytes}; {@code name} is used in messages. */
    public static Session read(byte[] bytes, String name) throws SessionFormatException {
        return read(new ByteArrayInputStream(bytes), name);
    }

    private static Session read(InputStream in, String name) throws SessionFormatException {
        JsonTree.Node rootNode = JsonTree.parse(in, name);
        if (!(rootNode instanceof JsonTree.Obj root)) {
            throw rootNode.fail("a session file is one JSON object {\"format\":\"" + Session.FORMAT_NAME
                    + "\",...}, not " + rootNode.describe());
        }
        JsonTree.Node format = root.get("format");
        if (format == null
                || !(format instanceof JsonTree.Scalar)
                || !Session.FORMAT_NAME.equals(format.scalarText())) {
            throw (format == null ? root : format)
                    .fail("not a FabricScope session file: expected \"format\":\"" + Session.FORMAT_NAME + "\"");
        }
        JsonTree.Node version = root.require("version", "the session format's version");
        long v = version.longValue();
        if (v < Session.OLDEST_VERSION || v > Session.VERSION) {
            throw version.fail("session format version " + v + " is not supported; this FabricScope reads versions "
                    + Session.OLDEST_VERSION + " to " + Session.VERSION);
        }
        if (v < 2 && root.get("compare") != null) {
            throw root.get("compare")
                    .fail("compare needs session format version 2 or later (this file says " + v + ")");
        }
        root.allowOnly(
                "format",
                "version",
                "trace",
                "cursor",
                "view",
                "lanes",
                "filters",
                "breakpoints",
                "bookmarks",
                "notes",
                "compare");

        Session.TraceRef trace = readTrace(
                root.require("trace", "the trace this session is about").object());

        int step = -1;
        int block = -1;
        JsonTree.Node cursor = root.get("cursor");
        if (cursor != null) {
            JsonTree.Obj c = cursor.object();
            c.allowOnly("step", "block");
            step = atLeast(c.get("step"), -1, -1);
            block = atLeast(c.get("block"), -1, -1);
        }

        Session.View view = null;
        JsonTree.Node viewNode = root.get("view");
        if (viewNode != null) {
            JsonTree.Obj o = viewNode.object();
            o.allowOnly("startMicros", "endMicros", "scrollY");
            double start = o.require("startMicros", "time at the left edge").doubleValue();
            JsonTree.Node endNode = o.require("endMicros", "time at the right edge");
            double end = endNode.doubleValue();
            if (!(end > start)) {
                throw endNode.fail("endMicros (" + end + ") must be greater than startMicros (" + start + ")");
            }
            JsonTree.Node scroll = o.get("scrollY");
            double scrollY = scroll == null ? 0 : scroll.doubleValue();
            if (scrollY < 0) {
                throw scroll.fail("scrollY is 0 or more, not " + scrollY);
            }
            view = new Session.View(start, end, scrollY);
        }

        Session.Lanes lanes = null;
        JsonTree.Node lanesNode = root.get("lanes");
        if (lanesNode != null) {
            JsonTree.Obj o = lanesNode.object();
            o.allowOnly("hidden", "pinned", "collapsedGroups");
            lanes = new Session.Lanes(
                    strings(o.get("hidden")), strings(o.get("pinned")), strings(o.get("collapsedGroups")));
        }

        Session.Filters filters = Session.Filters.NONE;
        JsonTree.Node filtersNode = root.get("filters");
        if (filtersNode != null) {
            JsonTree.Obj o = filtersNode.object();
            o.allowOnly("blocks", "actors", "kinds", "text", "hideOnTimeline");
            List<Integer> blocks = new ArrayList<>();
            if (o.get("blocks") != null) {
                for (JsonTree.Node n : o.get("blocks").array()) {
                    blocks.add(atLeast(n, 0, 0));
                }
            }
            List<String> kinds = strings(o.get("kinds"));
            if (o.get("kinds") != null) {
                List<JsonTree.Node> nodes = o.get("kinds").array();
                for (int i = 0; i < kinds.size(); i++) {
                    try {
                        EventKind.valueOf(kinds.get(i));
                    } catch (IllegalArgumentException e) {
                        throw nodes.get(i).fail("unknown event kind '" + kinds.get(i) + "'");
                    }
                }
            }
            String text = o.get("text") == null ? "" : o.get("text").string();
            boolean hide =
                    o.get("hideOnTimeline") != null && o.get("hideOnTimeline").booleanValue();
            filters = new Session.Filters(blocks, strings(o.get("actors")), kinds, text, hide);
        }

        List<Breakpoint> breakpoints = new ArrayList<>();
        if (root.get("breakpoints") != null) {
            for (JsonTree.Node n : root.get("breakpoints").array()) {
                breakpoints.add(BreakpointJson.read(n.object()));
            }
        }

        List<Session.Bookmark> bookmarks = new ArrayList<>();
        if (root.get("bookmarks") != null) {
            for (JsonTree.Node n : root.get("bookmarks").array()) {
                JsonTree.Obj o = n.object();
                o.allowOnly("name", "step");
                bookmarks.add(new Session.Bookmark(
                        o.require("name", "the bookmark's name").string(),
                        atLeast(o.require("step", "the bookmarked step"), 0, 0)));
            }
        }

        List<Session.Note> notes = new ArrayList<>();
        if (root.get("notes") != null) {
            for (JsonTree.Node n : root.get("notes").array()) {
                notes.add(readNote(n.object()));
            }
        }
        Session.Compare compare = null;
        JsonTree.Node compareNode = root.get("compare");
        if (compareNode != null) {
            JsonTree.Obj o = compareNode.object();
            o.allowOnly("b", "difference", "differencesOnly", "inspectedBlock");
            JsonTree.Obj b = o.require("b", "the trace compared with, B").object();
            if (b.get("path") == null) {
                throw b.fail("B is a trace file: {\"path\":...,\"sha256\":...}");
            }
            compare = new Session.Compare(
                    (Session.FileTrace) readTrace(b),
                    atLeast(o.get("difference"), -1, -1),
                    o.get("differencesOnly") != null && o.get("differencesOnly").booleanValue(),
                    atLeast(o.get("inspectedBlock"), -1, -1));
        }
        return new Session(trace, step, block, view, lanes, filters, breakpoints, bookmarks, notes, compare);
    }

    private static Session.TraceRef readTrace(JsonTree.Obj o) throws SessionFormatException {
        JsonTree.Node sim = o.get("simulation");
        JsonTree.Node path = o.get("path");
        if ((sim == null) == (path == null)) {
            throw o.fail("the trace is either {\"path\":...} (a file) or {\"simulation\":{...}} (a run to repeat)");
        }
        if (path != null) {
            o.allowOnly("path", "sha256", "bytes");
            Path p;
            try {
                p = Path.of(path.string());
            } catch (java.nio.file.InvalidPathException e) {
                throw path.fail("not a file path: " + e.getReason());
            }
            String sha = null;
            JsonTree.Node hash = o.get("sha256");
            if (hash != null) {
                sha = hash.string();
                if (!SHA256.matcher(sha).matches()) {
                    throw hash.fail("sha256 is 64 lower-case hex digits");
                }
            }
            long bytes = o.get("bytes") == null ? -1 : o.get("bytes").longValue();
            return new Session.FileTrace(p, sha, bytes);
        }
        o.allowOnly("simulation");
        JsonTree.Obj s = sim.object();
        s.allowOnly("scenario", "parameters", "seed", "attempt", "patch");
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonTree.Node params = s.get("parameters");
        if (params != null) {
            for (Map.Entry<String, JsonTree.Node> e : params.object().members.entrySet()) {
                parameters.put(e.getKey(), e.getValue().scalarText());
            }
        }
        JsonTree.Node patch = s.get("patch");
        return new Session.SimulatedTrace(
                s.require("scenario", "the scenario's name").string(),
                parameters,
                s.require("seed", "the base seed").longValue(),
                atLeast(s.require("attempt", "the attempt"), 1, 1),
                patch == null ? "none" : patch.string());
    }

    private static Session.Note readNote(JsonTree.Obj o) throws SessionFormatException {
        o.allowOnly("text", "step", "startMicros", "endMicros");
        String text = o.require("text", "the note's text").string();
        JsonTree.Node step = o.get("step");
        JsonTree.Node start = o.get("startMicros");
        JsonTree.Node end = o.get("endMicros");
        if (step != null) {
            if (start != null || end != null) {
                throw o.fail("a note is on a step or on a time range (startMicros, endMicros), not both");
            }
            return Session.Note.atStep(text, atLeast(step, 0, 0));
        }
        if (start == null || end == null) {
            throw o.fail("a note needs a step, or both startMicros and endMicros");
        }
        long t0 = start.longValue();
        long t1 = end.longValue();
        if (t0 < 0) {
            throw start.fail("startMicros is 0 or more, not " + t0);
        }
        if (t1 < t0) {
            throw end.fail("endMicros (" + t1 + ") is before startMicros (" + t0 + ")");
        }
        return Session.Note.onRange(text, t0, t1);
    }

    private static int atLeast(JsonTree.Node n, int min, int absent) throws SessionFormatException {
        if (n == null) {
            return absent;
        }
        int v = n.intValue();
        if (v < min) {
            throw n.fail("expected " + min + " or more, found " + v);
        }
        return v;
    }

    private static List<String> strings(JsonTree.Node n) throws SessionFormatException {
        List<String> out = new ArrayList<>();
        if (n != null) {
            for (JsonTree.Node item : n.array()) {
                out.add(item.string());
            }
        }
        return out;
    }
}
