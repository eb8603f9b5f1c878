package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fabricscope.testsupport.ChildJvm;
import org.fabricscope.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes against hostile targets and interruptions (issue 11, classes 1 and 2): only a
 * regular file is replaced by a rename; temporary files are recognisable, removed on SIGTERM and
 * cleared by a later run when their process is gone; errors name the user's target.
 */
class AtomicFileTest {
    @TempDir
    Path dir;

    private static AtomicFile.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDirectoryIsNeverReplaced() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> AtomicFile.write(d, true, text("x")))
                .isInstanceOf(AtomicFile.NotARegularFileException.class)
                .hasMessageContaining("is a directory");
        assertThat(d).isDirectory();
    }

    @Test
    void aFifoIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = Fifos.make(dir.resolve("fifo"));
        var got = Fifos.drain(fifo);
        AtomicFile.write(fifo, true, text("hello"));
        assertThat(new String(got.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(FileKind.of(fifo)).isEqualTo("fifo");
        assertThat(names()).containsExactly("fifo");
    }

    @Test
    void devNullIsWrittenIntoNotReplacedEvenWithOverwrite() throws Exception {
        AtomicFile.write(Path.of("/dev/null"), true, text("discarded"));
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo("character device");
        assertThat(Files.size(Path.of("/dev/null"))).isZero();
    }

    @Test
    void temporaryNamesAreRecognisableAndStaleOnesOfDeadProcessesAreCleared() throws Exception {
        long deadPid = Long.MAX_VALUE / 3; // no such process
        long livePid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path stale = Files.writeString(dir.resolve(AtomicFile.tempName("t.jsonl", deadPid)), "left by a killed run");
        Path running =
                Files.writeString(dir.resolve(AtomicFile.tempName("t.jsonl", livePid)), "another run, still writing");
        Path otherTarget =
                Files.writeString(dir.resolve(AtomicFile.tempName("u.jsonl", deadPid)), "not ours to clear now");
        assertThat(stale.getFileName().toString())
                .startsWith(".t.jsonl.fabricscope-" + deadPid + "-")
                .endsWith(".tmp");

        AtomicFile.write(dir.resolve("t.jsonl"), false, text("done"));

        assertThat(stale).doesNotExist();
        assertThat(running).exists();
        assertThat(otherTarget).exists();
        assertThat(dir.resolve("t.jsonl")).hasContent("done");
    }

    @Test
    void aTemporaryFileIsRegisteredForDeletionWhileItIsWritten() throws Exception {
        Path[] seen = new Path[1];
        AtomicFile.write(dir.resolve("t.jsonl"), false, out -> {
            try (var files = Files.list(dir)) {
                seen[0] = files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(AtomicFile.isLiveTemp(seen[0])).isTrue();
        });
        assertThat(AtomicFile.isLiveTemp(seen[0])).isFalse();
        assertThat(names()).containsExactly("t.jsonl");
    }

    @Test
    void sigtermDuringAWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("big.jsonl");
        Process child = ChildJvm.builder(List.of("-Xmx64m"), AtomicFileSignalProbe.class.getName(), target.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // Blocks until the child has its temporary file open and written to (no sleeping).
            assertThat(r.readLine()).isEqualTo("writing");
            assertThat(names())
                    .singleElement()
                    .asString()
                    .startsWith(".big.jsonl.fabricscope-")
                    .endsWith(".tmp");

            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void errorsNameTheTargetNeverTheTemporaryFile() {
        Path inMissingDir = dir.resolve("no-such-dir/x.json");
        Throwable missing = catchThrowable(() -> AtomicFile.write(inMissingDir, false, text("x")));
        // procfs refuses new files even to root.
        Path inProc = Path.of("/proc/fabricscope-test-x.json");
        Throwable proc = catchThrowable(() -> AtomicFile.write(inProc, false, text("x")));

        for (Throwable t : List.of(missing, proc)) {
            assertThat(t).isInstanceOf(IOException.class);
            assertThat(t.getMessage())
                    .contains("x.json")
                    .doesNotContain(
                            ".tmp", "fabricscope-" + ProcessHandle.current().pid());
        }
    }
}
