package org.fabricscope.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.fabricscope.replay.explain.EventText;
import org.fabricscope.session.Session;
import org.fabricscope.trace.Trace;
import org.fabricscope.ui.session.LoadedTrace;
import org.fabricscope.ui.session.TraceSession;
import org.fabricscope.ui.support.DialogService;
import org.fabricscope.ui.timeline.TimelineAnnotation;

/**
 * The bookmarks panel: bookmarks (named steps) and notes (on a step or a time range) of the open
 * trace, in the order made. They are drawn on the timeline, jumped to, renamed and deleted, and
 * saved in sessions. A new trace starts with none. Lives on the FX thread.
 */
public final class BookmarksViewModel {
    private final TraceSession session;
    private final TimelinePort timeline;
    private final DialogService dialogs;
    private final ObservableList<Mark> marks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public BookmarksViewModel(TraceSession session, TimelinePort timeline, DialogService dialogs) {
        this.session = Objects.requireNonNull(session);
        this.timeline = Objects.requireNonNull(timeline);
        this.dialogs = Objects.requireNonNull(dialogs);
        session.traceProperty().addListener((obs, old, now) -> marks.clear());
        marks.addListener((ListChangeListener<Mark>) c -> timeline.setAnnotations(annotations()));
    }

    /** The rows, in the order they were made. */
    public ObservableList<Mark> marks() {
        return marks;
    }

    /** What the last command did or why it could not, for the panel's status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // ---- commands

    /** Ctrl+D: bookmarks the cursor's step as "Bookmark N"; rename it in the panel. Null if no cursor. */
    public Mark addBookmarkAtCursor() {
        int step = cursor();
        if (step < 0) {
            message.set("No step to bookmark: open a trace first.");
            return null;
        }
        long t = trace().timeMicros(step);
        Mark m = new Mark(Mark.Kind.BOOKMARK, "Bookmark " + (count(Mark.Kind.BOOKMARK) + 1), step, t, t);
        marks.add(m);
        message.set("Bookmarked step " + step + " as \"" + m.text()
                + "\" (rename it with F2 or a double-click on the name).");
        return m;
    }

    /** Asks for a text and attaches it to the cursor's step. */
    public Mark addNoteAtCursor() {
        int step = cursor();
        if (step < 0) {
            message.set("No step to attach a note to: open a trace first.");
            return null;
        }
        long t = trace().timeMicros(step);
        return dialogs.askText("Note on step " + step, "Note at step " + step + " (" + EventText.millis(t) + "):", "")
                .map(text -> add(new Mark(Mark.Kind.NOTE, text, step, t, t)))
                .orElse(null);
    }

    /**
     * Asks for a text and attaches it to the time range the timeline shows (select a range with
     * Alt+drag or a right-drag on the timeline, which zooms to it).
     */
    public Mark addNoteOnVisibleRange() {
        if (session.getTrace() == null) {
            message.set("No range to attach a note to: open a trace first.");
            return null;
        }
        Trace t = trace();
        long t0 = Math.max(t.startMicros(), (long) Math.floor(timeline.visibleStartMicros()));
        long t1 = Math.min(t.endMicros(), (long) Math.ceil(timeline.visibleEndMicros()));
        if (t1 < t0) {
            t1 = t0;
        }
        long from = t0;
        long to = t1;
        return dialogs.askText(
                        "Note on a time range",
                        "Note on " + EventText.millis(from) + " – " + EventText.millis(to)
                                + " (the range the timeline shows):",
                        "")
                .map(text -> add(new Mark(Mark.Kind.NOTE, text, -1, from, to)))
                .orElse(null);
    }

    /** Adds a note on {@code step} without asking (tests, scripted use). */
    public Mark addNoteAtStep(String text, int step) {
        long t = trace().timeMicros(step);
        return add(new Mark(Mark.Kind.NOTE, text, step, t, t));
    }

    /** Adds a note on {@code [t0, t1]} without asking. */
    public Mark addNoteOnRange(String text, long t0, long t1) {
        return add(new Mark(Mark.Kind.NOTE, text, -1, t0, t1));
    }

    /** Renames a bookmark or changes a note's text; a blank text changes nothing. */
    public void rename(Mark m, String text) {
        int i = marks.indexOf(m);
        if (i < 0 || text == null || text.isBlank()) {
            return;
        }
        marks.set(i, m.withText(text.strip()));
    }

    /** Asks for a new name or text for {@code m}. */
    public void renameAsking(Mark m) {
        if (m == null) {
            return;
        }
        dialogs.askText(
                        m.kind() == Mark.Kind.BOOKMARK ? "Rename bookmark" : "Edit note",
                        m.kind() == Mark.Kind.BOOKMARK ? "Name:" : "Note:",
                        m.text())
                .ifPresent(text -> rename(m, text));
    }

    public void delete(Mark m) {
        if (marks.remove(m)) {
            message.set("Deleted \"" + m.text() + "\".");
        }
    }

    /**
     * Moves the cursor to the mark's step; for a note on a range, shows the range and moves the
     * cursor to its first event.
     */
    public void jumpTo(Mark m) {
        LoadedTrace loaded = session.getTrace();
        if (m == null || loaded == null) {
            return;
        }
        Trace t = loaded.trace();
        if (m.isRange()) {
            int step = Math.min(t.firstAtOrAfter(m.startMicros()), t.size() - 1);
            goTo(t, step);
            timeline.show(m.startMicros(), Math.max(m.endMicros(), m.startMicros() + 1), timeline.laneScrollY());
        } else if (m.step() < t.size()) {
            goTo(t, m.step());
        }
        message.set("At \"" + m.text() + "\".");
    }

    private void goTo(Trace t, int step) {
        if (step < 0) {
            return;
        }
        if (t.block(step) >= 0) {
            session.selectedBlockProperty().set(t.block(step));
        }
        session.goToEvent(step);
    }

    /** The time column's text: the step's time, or the range. */
    public String timeText(Mark m) {
        return m.isRange()
                ? EventText.millis(m.startMicros()) + " – " + EventText.millis(m.endMicros())
                : EventText.millis(m.startMicros());
    }

    /** The step column's text ("" for a range). */
    public String stepText(Mark m) {
        return m.isRange() ? "" : Integer.toString(m.step());
    }

    // ---- sessions

    public List<Session.Bookmark> bookmarks() {
        List<Session.Bookmark> out = new ArrayList<>();
        for (Mark m : marks) {
            if (m.kind() == Mark.Kind.BOOKMARK) {
                out.add(new Session.Bookmark(m.text(), m.step()));
            }
        }
        return out;
    }

    public List<Session.Note> notes() {
        List<Session.Note> out = new ArrayList<>();
        for (Mark m : marks) {
            if (m.kind() == Mark.Kind.NOTE) {
                out.add(
                        m.isRange()
                                ? Session.Note.onRange(m.text(), m.startMicros(), m.endMicros())
                                : Session.Note.atStep(m.text(), m.step()));
            }
        }
        return out;
    }

    /**
     * Replaces the marks with a session's, bookmarks first. Those on steps the open trace does not
     * have are left out; returns how many.
     */
    public int restore(List<Session.Bookmark> bookmarks, List<Session.Note> notes) {
        Trace t = trace();
        List<Mark> out = new ArrayList<>();
        int dropped = 0;
        for (Session.Bookmark b : bookmarks) {
            if (b.step() < t.size()) {
                long time = t.timeMicros(b.step());
                out.add(new Mark(Mark.Kind.BOOKMARK, b.name(), b.step(), time, time));
            } else {
                dropped++;
            }
        }
        for (Session.Note n : notes) {
            if (n.isRange()) {
                out.add(new Mark(Mark.Kind.NOTE, n.text(), -1, n.startMicros(), n.endMicros()));
            } else if (n.step() < t.size()) {
                long time = t.timeMicros(n.step());
                out.add(new Mark(Mark.Kind.NOTE, n.text(), n.step(), time, time));
            } else {
                dropped++;
            }
        }
        marks.setAll(out);
        return dropped;
    }

    /** What the timeline draws: a flag per bookmark and step note, a bracket per range note. */
    public List<TimelineAnnotation> annotations() {
        List<TimelineAnnotation> out = new ArrayList<>();
        for (Mark m : marks) {
            String where = m.isRange() ? timeText(m) : "step " + m.step() + " · " + timeText(m);
            String text = (m.kind() == Mark.Kind.BOOKMARK ? "Bookmark: " : "Note: ") + m.text() + "\n" + where;
            out.add(new TimelineAnnotation(m.startMicros(), m.endMicros(), text, m.kind() == Mark.Kind.BOOKMARK));
        }
        return out;
    }

    private Mark add(Mark m) {
        marks.add(m);
        message.set(String.format(
                Locale.ROOT, "Added a note %s.", m.isRange() ? "on " + timeText(m) : "at step " + m.step()));
        return m;
    }

    private long count(Mark.Kind kind) {
        return marks.stream().filter(m -> m.kind() == kind).count();
    }

    private int cursor() {
        LoadedTrace loaded = session.getTrace();
        int step = session.getCurrentStep();
        return loaded == null || step < 0 || step >= loaded.trace().size() ? -1 : step;
    }

    private Trace trace() {
        return session.getTrace().trace();
    }
}
