package org.fabricscope.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashLogTest {
    @TempDir
    Path dir;

    @Test
    void appendCreatesTheDirectoryAndWritesTheStackTrace() throws Exception {
        Path file = dir.resolve("not-yet").resolve("fabricscope.log");
        CrashLog log = new CrashLog(file);

        boolean written = log.append("while stepping", new IllegalStateException("boom"));

        assertThat(written).isTrue();
        String text = Files.readString(file);
        assertThat(text)
                .contains("while stepping")
                .contains("IllegalStateException: boom")
                .contains("at ");
    }

    @Test
    void laterReportsAreAppendedNotOverwritten() throws Exception {
        CrashLog log = new CrashLog(dir.resolve("fabricscope.log"));

        log.append("first", new RuntimeException("one"));
        log.append("second", new RuntimeException("two"));

        assertThat(Files.readString(log.file())).contains("one").contains("two");
    }

    @Test
    void anUnwritableLogReportsFailureInsteadOfThrowing() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        CrashLog log = new CrashLog(blocker.resolve("fabricscope.log"));

        assertThat(log.append("nowhere to go", new RuntimeException())).isFalse();
    }
}
