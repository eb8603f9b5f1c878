package org.fabricscope.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fabricscope.ui.support.AppPreferences;

/**
 * The recently opened trace files, most recent first, at most {@link #MAX} of them, kept in the
 * preferences so that they survive a restart. Lives on the FX thread.
 */
public final class RecentFiles {
    /** How many files the Open Recent menu shows. */
    public static final int MAX = 10;

    private final AppPreferences preferences;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(AppPreferences preferences) {
        this.preferences = preferences;
        for (String p : preferences.recentFiles()) {
            Path path = normalize(Path.of(p));
            if (!files.contains(path) && files.size() < MAX) {
                files.add(path);
            }
        }
    }

    /** The recent files, most recent first. */
    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Moves {@code file} to the top, dropping the oldest beyond {@link #MAX}, and persists. */
    public void add(Path file) {
        Path path = normalize(file);
        List<Path> next = new ArrayList<>(files);
        next.remove(path);
        next.add(0, path);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        persist();
    }

    /** Forgets {@code file} (e.g. because it no longer exists) and persists. */
    public void remove(Path file) {
        if (files.remove(normalize(file))) {
            persist();
        }
    }

    /** Forgets all recent files and persists. */
    public void clear() {
        files.clear();
        persist();
    }

    private void persist() {
        List<String> paths = new ArrayList<>();
        for (Path p : files) {
            paths.add(p.toString());
        }
        preferences.setRecentFiles(paths);
        preferences.flushLater();
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
