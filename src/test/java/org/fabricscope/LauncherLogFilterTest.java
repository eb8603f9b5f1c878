package org.fabricscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LauncherLogFilterTest {
    @Test
    void onlyTheClassPathWarningIsDropped() {
        assertThat(Launcher.WITHOUT_CLASS_PATH_WARNING.isLoggable(new LogRecord(
                        Level.WARNING,
                        "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'")))
                .isFalse();
        assertThat(Launcher.WITHOUT_CLASS_PATH_WARNING.isLoggable(
                        new LogRecord(Level.WARNING, "Could not resolve '-fx-accent' while resolving lookups")))
                .isTrue();
        assertThat(Launcher.WITHOUT_CLASS_PATH_WARNING.isLoggable(new LogRecord(Level.SEVERE, null)))
                .isTrue();
    }
}
