package org.fabricscope.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppPreferencesTest {
    private final TestPreferences store = new TestPreferences();

    @AfterEach
    void removeNode() throws Exception {
        store.close();
    }

    @Test
    void windowBoundsAreEmptyUntilStored() {
        assertThat(store.preferences().windowBounds()).isEmpty();
    }

    @Test
    void windowBoundsSurviveAReopenedPreferencesObject() {
        store.preferences().setWindowBounds(new AppPreferences.WindowBounds(10, 20, 1200, 800, true));

        assertThat(store.preferences().windowBounds())
                .contains(new AppPreferences.WindowBounds(10, 20, 1200, 800, true));
    }

    @Test
    void dividerPositionsRoundTripPerSplitPane() {
        AppPreferences p = store.preferences();
        p.setDividers("main", new double[] {0.2, 0.75});
        p.setDividers("centre", new double[] {0.6});

        assertThat(p.dividers("main")).containsExactly(0.2, 0.75);
        assertThat(p.dividers("centre")).containsExactly(0.6);
        assertThat(p.dividers("unknown")).isEmpty();
    }

    @Test
    void corruptDividerPositionsAreIgnoredRatherThanApplied() {
        store.node().put("split.main", "0.2,banana");

        assertThat(store.preferences().dividers("main")).isEmpty();
    }

    @Test
    void storingFewerRecentFilesForgetsTheOldTail() {
        AppPreferences p = store.preferences();
        p.setRecentFiles(java.util.List.of("/a", "/b", "/c"));
        p.setRecentFiles(java.util.List.of("/c"));

        assertThat(p.recentFiles()).containsExactly("/c");
    }

    @Test
    void defaultNodeCanBeRedirectedBySystemProperty() {
        String old = System.getProperty(AppPreferences.NODE_PROPERTY);
        System.setProperty(AppPreferences.NODE_PROPERTY, store.node().absolutePath());
        try {
            assertThat(AppPreferences.forCurrentUser().node().absolutePath())
                    .isEqualTo(store.node().absolutePath());
        } finally {
            if (old == null) {
                System.clearProperty(AppPreferences.NODE_PROPERTY);
            } else {
                System.setProperty(AppPreferences.NODE_PROPERTY, old);
            }
        }
    }
}
