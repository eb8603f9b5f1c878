package org.fabricscope.ui.testing;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.fabricscope.ui.support.AppPreferences;

/** A fresh preferences node per test, far from the user's own, removed afterwards. */
public final class TestPreferences implements AutoCloseable {
    private final Preferences node = Preferences.userRoot().node("/org/fabricscope/test/" + UUID.randomUUID());

    public AppPreferences preferences() {
        return new AppPreferences(node);
    }

    public Preferences node() {
        return node;
    }

    @Override
    public void close() throws BackingStoreException {
        node.removeNode();
    }
}
