package org.fabricscope.ui.support;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs: its bounds, its split positions and the recent files.
 *
 * <p>Stored with {@link Preferences} under the user node {@value #DEFAULT_NODE}, or under the node
 * named by the system property {@value #NODE_PROPERTY} so that tests never touch the user's own.
 */
public final class AppPreferences {
    /** System property that redirects the preferences node (tests set it). */
    public static final String NODE_PROPERTY = "fabricscope.prefs.node";

    public static final String DEFAULT_NODE = "/org/fabricscope/gui";

    private static final String RECENT_PREFIX = "recent.";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The preferences at the node the system property names, else the user's default node. */
    public static AppPreferences forCurrentUser() {
        return new AppPreferences(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
    }

    public Preferences node() {
        return node;
    }

    /** The stored window bounds, or empty when none were stored yet. */
    public java.util.Optional<WindowBounds> windowBounds() {
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        if (w <= 0 || h <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WindowBounds(
                node.getDouble("window.x", Double.NaN),
                node.getDouble("window.y", Double.NaN),
                w,
                h,
                node.getBoolean("window.maximized", false)));
    }

    public void setWindowBounds(WindowBounds bounds) {
        node.putDouble("window.x", bounds.x());
        node.putDouble("window.y", bounds.y());
        node.putDouble("window.width", bounds.width());
        node.putDouble("window.height", bounds.height());
        node.putBoolean("window.maximized", bounds.maximized());
    }

    /** The stored divider positions of the split pane called {@code name}, or an empty array. */
    public double[] dividers(String name) {
        String text = node.get("split." + name, "");
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            OptionalDouble d = parse(parts[i]);
            if (d.isEmpty()) {
                return new double[0];
            }
            out[i] = d.getAsDouble();
        }
        return out;
    }

    public void setDividers(String name, double[] positions) {
        StringBuilder sb = new StringBuilder();
        for (double p : positions) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p);
        }
        node.put("split." + name, sb.toString());
    }

    /** Recent file paths as stored, most recent first. */
    public List<String> recentFiles() {
        List<String> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            String p = node.get(RECENT_PREFIX + i, null);
            if (p == null) {
                return out;
            }
            out.add(p);
        }
    }

    public void setRecentFiles(List<String> paths) {
        for (String key : recentKeys()) {
            node.remove(key);
        }
        for (int i = 0; i < paths.size(); i++) {
            node.put(RECENT_PREFIX + i, paths.get(i));
        }
    }

    /**
     * Writes pending changes to the backing store on a background thread: the store is a file, and
     * the FX thread never waits on a disk. Changes are in memory at once; the write follows.
     */
    public void flushLater() {
        FLUSHER.execute(() -> {
            try {
                flush();
            } catch (IllegalStateException removed) {
                // The node was removed meanwhile (a test's preferences, a reset): nothing to write.
            }
        });
    }

    /** One daemon thread for {@link #flushLater}, so writes happen in order and never hold the JVM open. */
    private static final Executor FLUSHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fabricscope-preferences");
        t.setDaemon(true);
        return t;
    });

    /** Writes pending changes to the backing store; failures are not worth bothering the user. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            CrashLog.defaultLog().append("could not save preferences", e);
        }
    }

    private List<String> recentKeys() {
        List<String> keys = new ArrayList<>();
        try {
            for (String k : node.keys()) {
                if (k.startsWith(RECENT_PREFIX)) {
                    keys.add(k);
                }
            }
        } catch (BackingStoreException e) {
            CrashLog.defaultLog().append("could not list preferences", e);
        }
        return keys;
    }

    private static OptionalDouble parse(String s) {
        try {
            return OptionalDouble.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A window's position and size; {@code x}/{@code y} may be NaN when unknown. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}
}
