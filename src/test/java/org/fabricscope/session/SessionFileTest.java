package org.fabricscope.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fabricscope.replay.Breakpoint;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.fabricscope.trace.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
    @TempDir
    Path dir;

    private static final String SHA = "a".repeat(64);

    static Session everything(Session.TraceRef trace) {
        return new Session(
                trace,
                6331,
                82,
                new Session.View(82_000.5, 83_000.25, 412),
                new Session.Lanes(List.of("block:3"), List.of("block:82"), List.of("node 0 · drive 1 · archive-3")),
                new Session.Filters(
                        List.of(82, 3),
                        List.of("prefetch@n1"),
                        List.of("PREFETCH_READY", "FPRE004"),
                        "cacheState",
                        true),
                List.of(
                        Breakpoint.fpre004(),
                        Breakpoint.onValue(82, Field.CACHE_STATE, 2).withActor("prefetch@n1"),
                        Breakpoint.onKind(EventKind.WRITE_LOCK).withField(Field.LAST_WRITE_PENDING)),
                List.of(new Session.Bookmark("the torn read", 6331), new Session.Bookmark("ünïcode \"quoted\"", 0)),
                List.of(
                        Session.Note.atStep("write slips in here", 6327),
                        Session.Note.onRange("check window\nsecond line", 82_707, 82_787)));
    }

    @Test
    void aSessionWithEverythingSurvivesWritingAndReadingBack() throws Exception {
        Session s = everything(new Session.FileTrace(dir.resolve("t.jsonl"), SHA, 1234));
        Path file = dir.resolve("s.session.json");

        SessionWriter.write(s, file, false);

        assertThat(SessionReader.read(file)).isEqualTo(s);
    }

    @Test
    void aComparingSessionSurvivesWritingAndReadingBackAsVersion2() throws Exception {
        Session s = everything(new Session.FileTrace(dir.resolve("a.jsonl"), SHA, 1234))
                .withCompare(new Session.Compare(
                        new Session.FileTrace(dir.resolve("b.jsonl"), "b".repeat(64), 987), 3, true, 169));
        Path file = dir.resolve("c.session.json");

        SessionWriter.write(s, file, false);

        String text = Files.readString(file);
        assertThat(text).contains("\"version\" : 2", "\"compare\"", "\"differencesOnly\" : true");
        Session back = SessionReader.read(file);
        assertThat(back).isEqualTo(s);
        assertThat(back.compare().b().path()).isEqualTo(dir.resolve("b.jsonl"));
        assertThat(back.compare().difference()).isEqualTo(3);
        assertThat(back.compare().inspectedBlock()).isEqualTo(169);
    }

    @Test
    void aSessionThatDoesNotCompareIsWrittenAsVersion1SoOlderBuildsReadIt() throws Exception {
        Session s = everything(new Session.FileTrace(dir.resolve("t.jsonl"), SHA, 1234));

        String text = new String(SessionWriter.toBytes(s), StandardCharsets.UTF_8);

        assertThat(text).contains("\"version\" : 1").doesNotContain("compare");
        Session back = SessionReader.read(text.getBytes(StandardCharsets.UTF_8), "old.session.json");
        assertThat(back.compare()).isNull();
        assertThat(back).isEqualTo(s);
    }

    @Test
    void aSimulatedTraceIsSavedAsTheRunThatRegeneratesIt() throws Exception {
        Session s = everything(new Session.SimulatedTrace(
                "fpre004-repro", Map.of("ackJitterMicrosMax", "0"), 1, 27, "reorder,barrier"));

        Session back = SessionReader.read(SessionWriter.toBytes(s), "sim.session.json");

        assertThat(back).isEqualTo(s);
        assertThat(new String(SessionWriter.toBytes(s), StandardCharsets.UTF_8))
                .contains("\"simulation\"")
                .contains("\"attempt\" : 27")
                .doesNotContain("\"path\"");
    }

    @Test
    void writingNeverReplacesAFileUnlessAskedTo() throws Exception {
        Path file = Files.writeString(dir.resolve("keep.session.json"), "precious");
        Session s = everything(new Session.FileTrace(dir.resolve("t.jsonl"), null, -1));

        assertThatThrownBy(() -> SessionWriter.write(s, file, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("precious");
        assertThat(Files.list(dir)).as("no temporary file left").hasSize(1);
    }

    /** Each malformed session, the line its error names and a phrase of the reason. */
    @Test
    void malformedSessionsAreRefusedNamingFileAndLine() {
        String head = "{\n  \"format\" : \"fabricscope-session\",\n  \"version\" : 1,\n";
        String trace = "  \"trace\" : { \"path\" : \"/t.jsonl\" }";
        Object[][] cases = {
            {"", 0, "empty"},
            {"[1, 2]", 1, "one JSON object"},
            {"{\"format\":\"something-else\",\"version\":1}", 1, "not a FabricScope session"},
            {head.replace("1,", "3,") + trace + "\n}", 3, "version 3 is not supported"},
            {
                head + trace + ",\n  \"compare\" : { \"b\" : { \"path\" : \"/b.jsonl\" } }\n}",
                5,
                "needs session format version 2"
            },
            {head.replace("1,", "2,") + trace + ",\n  \"compare\" : {\n \"difference\" : 2 }\n}", 5, "missing 'b'"},
            {
                head.replace("1,", "2,") + trace
                        + ",\n  \"compare\" : { \"b\" : { \"path\" : \"/b.jsonl\" },\n \"difference\" : -7 }\n}",
                6,
                "-1 or more"
            },
            {head + trace + ",\n  \"cursor\" : { \"step\" : \"ten\" }\n}", 5, "whole number"},
            {head + trace + ",\n  \"cursor\" : { \"step\" : -5 }\n}", 5, "-1 or more"},
            {head + trace + ",\n  \"zoom\" : {}\n}", 5, "unknown key 'zoom'"},
            {head + trace + ",\n  \"view\" : { \"startMicros\" : 5,\n \"endMicros\" : 5 }\n}", 6, "greater than"},
            {head + trace + ",\n  \"filters\" : { \"kinds\" : [\n \"NOT_A_KIND\" ] }\n}", 6, "unknown event kind"},
            {
                head + trace + ",\n  \"breakpoints\" : [ { \"field\" : \"cacheState\",\n \"value\" : \"MAYBE\" } ]\n}",
                6,
                "cacheState is one of"
            },
            {head + trace + ",\n  \"bookmarks\" : [ { \"name\" : \"x\" } ]\n}", 5, "missing 'step'"},
            {
                head + trace + ",\n  \"notes\" : [ { \"text\" : \"x\", \"startMicros\" : 9,\n \"endMicros\" : 3 } ]\n}",
                6,
                "before startMicros"
            },
            {head + "  \"trace\" : { \"path\" : \"/t.jsonl\", \"sha256\" : \"xyz\" }\n}", 4, "64 lower-case hex"},
            {head + "  \"trace\" : { }\n}", 4, "either"},
            {head + trace + ",\n  \"cursor\" : { \"step\" : 1, \"step\" : 2 }\n}", 5, "appears twice"},
            {head + trace + ",\n  \"notes\" : [ { \"text\" : \"cut off", 5, "truncated"},
            {head + trace + "\n}\n{}", 6, "content after"},
            {head + trace + ",\n  \"cursor\" : " + "[".repeat(20) + "]".repeat(20) + "\n}", 5, "limits"},
        };
        for (Object[] c : cases) {
            String name = "bad-" + c[1] + ".session.json";
            int line = (Integer) c[1];
            assertThatThrownBy(() -> SessionReader.read(((String) c[0]).getBytes(StandardCharsets.UTF_8), name))
                    .as((String) c[0])
                    .isInstanceOfSatisfying(SessionFormatException.class, e -> {
                        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                        assertThat(e.getMessage())
                                .startsWith(line > 0 ? name + ":" + line : name + ": ")
                                .contains((String) c[2]);
                        assertThat(e.getMessage().lines()).hasSize(1);
                    });
        }
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed() throws Exception {
        Path big = dir.resolve("big.session.json");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) SessionReader.MAX_FILE_BYTES + 1]);
        }
        assertThatThrownBy(() -> SessionReader.read(big))
                .hasMessageStartingWith(big + ": ")
                .hasMessageContaining("too big");
    }

    @Test
    void theContentHashChangesWhenTheTraceChanges() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "one\n");
        String before = ContentHash.sha256(trace, Progress.NONE);

        Files.writeString(trace, "two\n");

        assertThat(ContentHash.sha256(trace, Progress.NONE))
                .isNotEqualTo(before)
                .hasSize(64)
                .isEqualTo(ContentHash.sha256("two\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ContentHash.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aMomentLinkQuotesTheTracePathForTheShell() {
        assertThat(MomentLink.command("fabricscope.jar", Path.of("/data/x.jsonl"), 42))
                .isEqualTo("java -jar fabricscope.jar /data/x.jsonl --at 42");
        assertThat(MomentLink.command("/opt/fs/fabricscope.jar", Path.of("/data/it's here/x y.jsonl"), 7))
                .isEqualTo("java -jar /opt/fs/fabricscope.jar '/data/it'\\''s here/x y.jsonl' --at 7");
    }
}
