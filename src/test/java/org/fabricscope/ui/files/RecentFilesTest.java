package org.fabricscope.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabricscope.ui.testing.TestPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final TestPreferences store = new TestPreferences();

    @AfterEach
    void removeNode() throws Exception {
        store.close();
    }

    @Test
    void reopeningAFileMovesItToTheTopWithoutDuplicating() {
        RecentFiles recent = new RecentFiles(store.preferences());
        recent.add(Path.of("/t/a.jsonl"));
        recent.add(Path.of("/t/b.jsonl"));
        recent.add(Path.of("/t/a.jsonl"));

        assertThat(recent.files()).containsExactly(Path.of("/t/a.jsonl"), Path.of("/t/b.jsonl"));
    }

    @Test
    void keepsOnlyTheTenMostRecent() {
        RecentFiles recent = new RecentFiles(store.preferences());
        for (int i = 0; i < 12; i++) {
            recent.add(Path.of("/t/" + i + ".jsonl"));
        }

        assertThat(recent.files()).hasSize(RecentFiles.MAX);
        assertThat(recent.files().get(0)).isEqualTo(Path.of("/t/11.jsonl"));
        assertThat(recent.files()).doesNotContain(Path.of("/t/0.jsonl"), Path.of("/t/1.jsonl"));
    }

    @Test
    void theListSurvivesARestart() {
        RecentFiles before = new RecentFiles(store.preferences());
        before.add(Path.of("/t/a.jsonl"));
        before.add(Path.of("/t/b.jsonl"));

        RecentFiles after = new RecentFiles(store.preferences());

        assertThat(after.files()).containsExactly(Path.of("/t/b.jsonl"), Path.of("/t/a.jsonl"));
    }

    @Test
    void removedFilesStayForgottenAfterARestart() {
        RecentFiles recent = new RecentFiles(store.preferences());
        recent.add(Path.of("/t/a.jsonl"));
        recent.add(Path.of("/t/gone.jsonl"));
        recent.remove(Path.of("/t/gone.jsonl"));

        assertThat(new RecentFiles(store.preferences()).files()).containsExactly(Path.of("/t/a.jsonl"));
    }

    @Test
    void relativePathsAreStoredAbsolute() {
        RecentFiles recent = new RecentFiles(store.preferences());
        recent.add(Path.of("rel/x.jsonl"));

        assertThat(recent.files().get(0)).isAbsolute();
    }
}
