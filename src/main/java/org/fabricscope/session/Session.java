package org.fabricscope.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fabricscope.replay.Breakpoint;

/**
 * One saved session: which trace, and what the engineer had made of it. Immutable.
 *
 * @param trace the trace, by file or by the simulation that makes it
 * @param cursorStep the current step, or -1
 * @param selectedBlock the selected block, or -1
 * @param view the visible time range and vertical scroll, or {@code null} (fit all)
 * @param lanes hidden, pinned lanes and collapsed groups, or {@code null} when not recorded
 * @param filters the event log's filters
 * @param breakpoints the replay's breakpoints, in order
 * @param bookmarks named steps, in order
 * @param notes texts on a step or a time range, in order
 * @param compare compare mode's state (the second trace, B, and where the comparison stood), or
 *     {@code null} when the session was not comparing
 */
public record Session(
        TraceRef trace,
        int cursorStep,
        int selectedBlock,
        View view,
        Lanes lanes,
        Filters filters,
        List<Breakpoint> breakpoints,
        List<Bookmark> bookmarks,
        List<Note> notes,
        Compare compare) {

    /**
     * The newest version this build reads and writes: 2 added {@code compare}. A session without it
     * is written as version 1, so older builds still read it; versions 1 and 2 are read, others
     * refused.
     */
    public static final int VERSION = 2;
    /** The oldest version this build reads. */
    public static final int OLDEST_VERSION = 1;
    /** The value of the file's {@code format} key. */
    public static final String FORMAT_NAME = "fabricscope-session";

    /** A session that was not comparing. */
    public Session(
            TraceRef trace,
            int cursorStep,
            int selectedBlock,
            View view,
            Lanes lanes,
            Filters filters,
            List<Breakpoint> breakpoints,
            List<Bookmark> bookmarks,
            List<Note> notes) {
        this(trace, cursorStep, selectedBlock, view, lanes, filters, breakpoints, bookmarks, notes, null);
    }

    /** The same session comparing as {@code c} says (null: not comparing). */
    public Session withCompare(Compare c) {
        return new Session(trace, cursorStep, selectedBlock, view, lanes, filters, breakpoints, bookmarks, notes, c);
    }

    /** The version this session is written as: the oldest that holds everything in it. */
    public int formatVersion() {
        return compare == null ? 1 : 2;
    }

    /**
     * Compare mode: the open trace (A) compared with a second trace file (B).
     *
     * @param b B's file, with its SHA-256 and size when saved, like the trace's
     * @param difference the index of the difference the cursors were last moved to (in time order,
     *     as {@code diff} lists them), or -1
     * @param differencesOnly the event log showed only the rows that differ
     * @param inspectedBlock the block the side-by-side inspector showed, or -1
     */
    public record Compare(FileTrace b, int difference, boolean differencesOnly, int inspectedBlock) {
        public Compare {
            Objects.requireNonNull(b, "b");
        }
    }

    public Session {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(filters, "filters");
        breakpoints = List.copyOf(breakpoints);
        bookmarks = List.copyOf(bookmarks);
        notes = List.copyOf(notes);
    }

    /** Where the trace comes from. */
    public sealed interface TraceRef permits FileTrace, SimulatedTrace {}

    /**
     * A trace file.
     *
     * @param path the file, absolute
     * @param sha256 the SHA-256 of its bytes when saved, lower-case hex; {@code null} if unknown
     * @param bytes its size when saved, or -1
     */
    public record FileTrace(Path path, String sha256, long bytes) implements TraceRef {
        public FileTrace {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A trace simulated in the window and never saved: what regenerates it, byte for byte.
     *
     * @param scenario the scenario's name
     * @param parameters every parameter, name to canonical text (as in the trace header)
     * @param seed the base seed
     * @param attempt the attempt
     * @param patch the patch switches as {@code PatchSwitches} writes them ({@code none}, {@code all}, {@code reorder,barrier})
     */
    public record SimulatedTrace(String scenario, Map<String, String> parameters, long seed, int attempt, String patch)
            implements TraceRef {
        public SimulatedTrace {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(patch, "patch");
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * The timeline's viewport.
     *
     * @param startMicros time at the left edge
     * @param endMicros time at the right edge (greater than start)
     * @param scrollY the lanes' vertical scroll, in pixels from the top
     */
    public record View(double startMicros, double endMicros, double scrollY) {}

    /**
     * The timeline's lanes. A lane is named {@code block:N} or {@code actor:NAME}; a group by its
     * title as the timeline shows it.
     */
    public record Lanes(List<String> hidden, List<String> pinned, List<String> collapsedGroups) {
        public Lanes {
            hidden = List.copyOf(hidden);
            pinned = List.copyOf(pinned);
            collapsedGroups = List.copyOf(collapsedGroups);
        }
    }

    /** The event log's filters (empty lists mean all). Kinds are {@code EventKind} names. */
    public record Filters(
            List<Integer> blocks, List<String> actors, List<String> kinds, String text, boolean hideOnTimeline) {
        public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), "", false);

        public Filters {
            blocks = List.copyOf(blocks);
            actors = List.copyOf(actors);
            kinds = List.copyOf(kinds);
            text = text == null ? "" : text;
        }
    }

    /** A named step. */
    public record Bookmark(String name, int step) {
        public Bookmark {
            Objects.requireNonNull(name, "name");
            if (step < 0) {
                throw new IllegalArgumentException("a bookmark's step is 0 or more, not " + step);
            }
        }
    }

    /**
     * A text on a step ({@code step >= 0}, no range) or on a time range ({@code step == -1}).
     *
     * @param text the note
     * @param step the step it is attached to, or -1
     * @param startMicros start of the range (for a step: unused, 0)
     * @param endMicros end of the range, at least the start (for a step: unused, 0)
     */
    public record Note(String text, int step, long startMicros, long endMicros) {
        public Note {
            Objects.requireNonNull(text, "text");
            if (step < -1) {
                throw new IllegalArgumentException("a note's step is -1 (a range) or a step, not " + step);
            }
            if (step < 0 && (startMicros < 0 || endMicros < startMicros)) {
                throw new IllegalArgumentException("a note's range must run forward from 0 or later");
            }
        }

        public static Note atStep(String text, int step) {
            return new Note(text, step, 0, 0);
        }

        public static Note onRange(String text, long startMicros, long endMicros) {
            return new Note(text, -1, startMicros, endMicros);
        }

        public boolean isRange() {
            return step < 0;
        }
    }
}
