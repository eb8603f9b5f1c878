package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.fabricscope.testsupport.Fifos;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.io.FileKind;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second round of hostile inputs on the command line (issue 11): outputs that are not regular
 * files, {@code --out -}, errors that name the right thing, and text from input that must not
 * reach the terminal as control sequences.
 */
class HostileCliTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int run(String... args) {
        return FabricScopeCli.execute(
                FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), stdout),
                new PrintWriter(err, true),
                args);
    }

    private Path quietScenario(String name) throws Exception {
        return Files.writeString(
                tmp.resolve("s.json"),
                "{\"name\":" + jsonString(name) + ",\"base\":\"quiet\",\"parameters\":{\"durationMicros\":2000}}");
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static void assertNoTerminalControls(String text) {
        assertThat(text.chars()
                        .filter(c ->
                                c != '\n' && c != '\t' && (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E))))
                .as("control characters in " + text.replace("\u001b", "<ESC>"))
                .isEmpty();
    }

    // ---- class 1: non-regular targets, --out -

    @Test
    void aFifoAsOutIsWrittenIntoAndStaysAFifo() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("pipe"));
        var received = Fifos.drain(fifo);

        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", fifo.toString()))
                .isZero();

        byte[] bytes = received.get(30, TimeUnit.SECONDS);
        assertThat(FileKind.of(fifo)).isEqualTo("fifo");
        Trace t = TraceReader.read(new ByteArrayInputStream(bytes), "pipe", bytes.length, Progress.NONE);
        assertThat(t.size()).isPositive();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pipe");
        }
    }

    @Test
    void devNullAsOutStaysTheCharacterDevice() throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", trace.toString()))
                .isZero();

        assertThat(run("export-chrome", trace.toString(), "--out", "/dev/null", "--force"))
                .isZero();
        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", "/dev/null"))
                .isZero();

        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo("character device");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void outDashWritesTheTraceToStandardOutputAndTheSummaryToStandardError() throws Exception {
        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", "-"))
                .isZero();

        byte[] bytes = stdout.toByteArray();
        Trace t = TraceReader.read(new ByteArrayInputStream(bytes), "-", bytes.length, Progress.NONE);
        assertThat(t.size()).isPositive();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(t.size() + " events");
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void exportChromeToStandardOutput() throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", trace.toString()))
                .isZero();

        assertThat(run("export-chrome", trace.toString(), "--out", "-")).isZero();

        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .startsWith("{\"displayTimeUnit\"")
                .contains("\"traceEvents\"");
    }

    // ---- class 12: errors that blame the right thing, before the work

    @Test
    void aDirectoryAsOutIsRefusedAsADirectoryNotAsAnExistingFile() {
        assertThat(run("simulate", "--out", "/")).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(run("simulate", "--out", tmp.toString(), "--force")).isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.contains("is a directory"));
        assertThat(err.toString()).doesNotContain("internal error", "NullPointerException", "file exists");
    }

    @Test
    void aDanglingSymbolicLinkAsOutIsRefusedBeforeTheWork() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), tmp.resolve("missing/target.jsonl"));

        // A scenario that would take minutes: the refusal must come first.
        assertThat(run(
                        "simulate",
                        "--scenario",
                        "pilot-rack",
                        "--set",
                        "durationMicros=600000000",
                        "--out",
                        link.toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString())
                .contains("link.jsonl", "symbolic link to a missing file")
                .doesNotContain("internal error");
    }

    @Test
    void anOutputInAMissingDirectoryIsRefusedBeforeTheWork() {
        assertThat(run(
                        "simulate",
                        "--scenario",
                        "pilot-rack",
                        "--set",
                        "durationMicros=600000000",
                        "--out",
                        tmp.resolve("no/such/dir/t.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString()).contains("does not exist").doesNotContain("internal error");
    }

    @Test
    void aDocumentedLimitIsAUserErrorNotAnInternalError() {
        assertThat(run(
                        "simulate",
                        "--set",
                        "maxEventsPerRun=1000",
                        "--out",
                        tmp.resolve("t.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("limit", "maxEventsPerRun")
                .doesNotContain("internal error", "please report");
    }

    @Test
    void aFifoScenarioIsReadNotCalledUnknown() throws Exception {
        Path fifo = Fifos.make(tmp.resolve("scenario.json"));
        Fifos.feed(
                fifo,
                "{\"name\":\"piped\",\"base\":\"quiet\",\"parameters\":{\"durationMicros\":2000}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(run(
                        "simulate",
                        "--scenario",
                        fifo.toString(),
                        "--out",
                        tmp.resolve("t.jsonl").toString()))
                .isZero();

        assertThat(out.toString()).contains("scenario piped");
    }

    @Test
    void aDirectoryAsScenarioSaysItIsADirectory() {
        assertThat(run(
                        "simulate",
                        "--scenario",
                        tmp.toString(),
                        "--out",
                        tmp.resolve("t.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("is a directory").doesNotContain("unknown scenario");
    }

    @Test
    void anUnreadableScenarioFileSaysWhy() throws Exception {
        assumeFalse(Fifos.runningAsRoot(), "root reads any file");
        Path s = quietScenario("locked");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("---------"));

        assertThat(run(
                        "simulate",
                        "--scenario",
                        s.toString(),
                        "--out",
                        tmp.resolve("t.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString()).contains("cannot read: permission denied");
    }

    @Test
    void aScenarioThatCannotBeReadSaysWhyEvenForRoot() throws Exception {
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        assertThat(run(
                        "simulate",
                        "--scenario",
                        a.toString(),
                        "--out",
                        tmp.resolve("t.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString()).contains("a.json: cannot read: ").doesNotContain("unknown scenario");
        assertThat(err.toString().trim()).doesNotEndWith("cannot read:");
    }

    @Test
    void anUnwritableDirectoryIsNamedNotATemporaryFile() throws Exception {
        assumeFalse(Fifos.runningAsRoot(), "root writes anywhere");
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));

        assertThat(run(
                        "simulate",
                        "--scenario",
                        "quiet",
                        "--out",
                        ro.resolve("x.jsonl").toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);

        assertThat(err.toString()).contains("x.jsonl", "permission denied").doesNotContain(".tmp");
    }

    @Test
    void outOfMemoryIsOneLineWithExitTwo() {
        var cl = FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), stdout);
        cl.addSubcommand("boom", new Boom());

        int exit = FabricScopeCli.execute(cl, new PrintWriter(err, true), "boom");

        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines()).singleElement().asString().contains("out of memory", "-Xmx");
    }

    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    // ---- class 10: bounded to what the format accepts

    @Test
    void aSetValueTheReaderWouldRefuseIsRefusedBeforeWriting() {
        Path t = tmp.resolve("t.jsonl");
        assertThat(run("simulate", "--set", "mediaErrorsPerMillionBlockReads=1e-99999", "--out", t.toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(run("simulate", "--set", "mediaErrorsPerMillionBlockReads=1e-99", "--out", t.toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(t).doesNotExist();
        assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.contains("mediaErrorsPerMillionBlockReads"));
    }

    @Test
    void aSmallButValidValueRoundTripsThroughItsOwnReader() throws Exception {
        Path t = tmp.resolve("t.jsonl");
        assertThat(run(
                        "simulate",
                        "--scenario",
                        "quiet",
                        "--set",
                        "durationMicros=2000",
                        "--set",
                        "mediaErrorsPerMillionBlockReads=1e-60",
                        "--out",
                        t.toString()))
                .isZero();
        assertThat(run("validate", t.toString())).as(err.toString()).isZero();
    }

    // ---- class 11: terminal escapes

    @Test
    void aScenarioNamedWithEscapesCannotDriveTheTerminal() throws Exception {
        Path s = quietScenario("evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e\nsecond line");
        Path t = tmp.resolve("t.jsonl");

        assertThat(run("simulate", "--scenario", s.toString(), "--out", t.toString()))
                .isZero();
        assertThat(run("find-repro", "--scenario", s.toString(), "--max-attempts", "1", "--threads", "1"))
                .isEqualTo(FabricScopeCli.EXIT_NEGATIVE);
        assertThat(run("soak", "--scenario", s.toString(), "--reads", "10", "--threads", "1"))
                .isZero();
        assertThat(run("validate", t.toString())).isZero();

        assertNoTerminalControls(out.toString());
        assertNoTerminalControls(err.toString());
        assertThat(out.toString()).contains("evil\\u001B]0;pwned\\u0007");
        // One line per command's first line: the newline in the name did not make a line of its own.
        assertThat(out.toString().lines().filter(l -> l.startsWith("second line")))
                .isEmpty();
    }

    @Test
    void validatePrintsAFileNameWithANewlineOnOneLine() throws Exception {
        Path t = tmp.resolve("a\nfake: ok, 0 events.jsonl");
        assertThat(run("simulate", "--scenario", "quiet", "--set", "durationMicros=2000", "--out", t.toString()))
                .isZero();
        out.getBuffer().setLength(0);

        assertThat(run("validate", t.toString())).isZero();

        assertThat(out.toString().lines()).singleElement().asString().contains("a\\u000Afake");
    }
}
