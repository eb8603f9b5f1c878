package org.fabricscope.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroppedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTraceFileIsPreferredOverOtherDroppedFiles() throws Exception {
        File notes = Files.writeString(dir.resolve("notes.txt"), "x").toFile();
        File trace = Files.writeString(dir.resolve("run.jsonl"), "x").toFile();

        assertThat(DroppedFiles.pick(List.of(notes, trace))).contains(trace);
    }

    @Test
    void anyRegularFileIsAcceptedSoTheReaderCanSayWhatIsWrongWithIt() throws Exception {
        File notes = Files.writeString(dir.resolve("notes.txt"), "x").toFile();

        assertThat(DroppedFiles.pick(List.of(notes))).contains(notes);
    }

    @Test
    void directoriesAndEmptyDropsAreRefused() {
        assertThat(DroppedFiles.acceptable(List.of(dir.toFile()))).isFalse();
        assertThat(DroppedFiles.acceptable(List.of())).isFalse();
    }
}
