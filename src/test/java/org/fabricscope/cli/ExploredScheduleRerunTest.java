package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.sim.Simulator;
import org.fabricscope.sim.experiment.PatchRerun;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.fabricscope.trace.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An explored schedule's trace says in its header that it is one (its choices), re-runs byte for
 * byte from its schedule file, and is refused by what would re-run its header as the seeded run.
 */
class ExploredScheduleRerunTest {
    private static final String MINIMAL = "sample-scenarios/explore-minimal.json";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FabricScopeCli.execute(
                FabricScopeCli.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayOutputStream()),
                new PrintWriter(err, true),
                args);
    }

    private Path explore() {
        Path cx = tmp.resolve("cx.jsonl");
        assertThat(run("explore", "--scenario", MINIMAL, "--seed", "2", "--out", cx.toString()))
                .as(err.toString())
                .isZero();
        return cx;
    }

    @Test
    void theCounterexamplesHeaderHoldsItsScheduleAndItIsNotTheSeededRun() throws Exception {
        Trace cx = TraceReader.read(explore(), Progress.NONE);
        assertThat(cx.header().schedule()).isNotNull();
        assertThat(cx.header().schedule().jitterLevels()).isEqualTo(8);
        assertThat(cx.header().schedule().choices()).isNotEmpty();
        assertThat(cx.header().notRerunnableReason()).contains("schedule");
        // Ground truth: the seeded run of the same header is another run (no FPRE004 at all).
        Trace seeded = Simulator.run(Scenario.load(Path.of(MINIMAL)), 2, 1, PatchSwitches.NONE, true, Progress.NONE)
                .trace();
        assertThat(seeded.header().schedule()).isNull();
        assertThat(seeded.size()).isNotEqualTo(cx.size());
    }

    @Test
    void simulateScheduleReRunsTheCounterexampleByteForByte() throws Exception {
        Path cx = explore();
        Path again = tmp.resolve("again.jsonl");
        assertThat(run("simulate", "--schedule", cx + ".schedule.json", "--out", again.toString()))
                .as(err.toString())
                .isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(cx));
        assertThat(out.toString()).contains("1 FPRE004", "explored schedule of");
    }

    @Test
    void reRunningAnExploredScheduleWithAPatchIsRefusedNotAnsweredForTheSeededRun() throws Exception {
        Trace cx = TraceReader.read(explore(), Progress.NONE);
        assertThatThrownBy(() -> new PatchRerun(cx.header(), 0, -1).run(PatchSwitches.ALL, Progress.NONE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("schedule of an exploration");
    }

    @Test
    void shrinkRefusesAnExploredScheduleInOneLine() {
        Path cx = explore();
        err.getBuffer().setLength(0);
        int exit = run("shrink", "--trace", cx.toString(), "--out", tmp.toString());
        assertThat(exit).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines()).singleElement().asString().contains("explored schedule");
    }

    @Test
    void aScheduleWithANegativeChoiceIsAFormatErrorNamingLineOne() throws Exception {
        Path cx = explore();
        String text = Files.readString(cx, StandardCharsets.UTF_8);
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, text.replaceFirst("\"choices\":\\[", "\"choices\":[-1,"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TraceReader.read(bad, Progress.NONE))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("bad.jsonl:1:")
                .hasMessageContaining("schedule choice 0");
    }

    @Test
    void reRunningAWhatIfForkWithAPatchIsRefusedNotAnsweredForTheRunWithoutItsInterventions() throws Exception {
        Path fork = tmp.resolve("fork.jsonl");
        assertThat(run("simulate", "--attempt", "6", "--drop", "#1277", "--out", fork.toString()))
                .as(err.toString())
                .isZero();
        Trace t = TraceReader.read(fork, Progress.NONE);
        assertThat(t.header().interventions()).hasSize(1);
        assertThatThrownBy(() -> new PatchRerun(t.header(), 0, -1).run(PatchSwitches.ALL, Progress.NONE))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("what-if fork");
    }

    @Test
    void exploreOutMustBeARegularFileAndItsScheduleFileIsCheckedBeforeAnythingIsWritten() throws Exception {
        assertThat(run("explore", "--scenario", MINIMAL, "--seed", "2", "--out", "-"))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString()).contains("give a regular file");
        assertThat(run("explore", "--scenario", MINIMAL, "--seed", "2", "--out", "/dev/null"))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        Path cx = tmp.resolve("cx.jsonl");
        Path sched = tmp.resolve("cx.jsonl.schedule.json");
        Files.writeString(sched, "KEEP");
        err.getBuffer().setLength(0);
        assertThat(run("explore", "--scenario", MINIMAL, "--seed", "2", "--out", cx.toString()))
                .isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().lines()).singleElement().asString().contains("cx.jsonl.schedule.json: file exists");
        assertThat(cx).doesNotExist();
        assertThat(Files.readString(sched)).isEqualTo("KEEP");
    }

    @Test
    void aScheduleFileThatDoesNotFitItsScenarioIsOneLineNotACrash() throws Exception {
        Path cx = explore();
        Path file = Path.of(cx + ".schedule.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path beyond = tmp.resolve("beyond.schedule.json");
        Files.writeString(beyond, text.replaceFirst("\"choices\" : \\[\\s*\\d+", "\"choices\" : [ 999999999"));
        Path attempt0 = tmp.resolve("attempt0.schedule.json");
        Files.writeString(attempt0, text.replaceFirst("\"attempt\" : 1", "\"attempt\" : 0"));
        for (Path bad : new Path[] {beyond, attempt0, tmp.resolve("missing.schedule.json")}) {
            err.getBuffer().setLength(0);
            int exit = run(
                    "simulate",
                    "--schedule",
                    bad.toString(),
                    "--out",
                    tmp.resolve("o.jsonl").toString());
            assertThat(exit).as(err.toString()).isEqualTo(FabricScopeCli.EXIT_ERROR);
            assertThat(err.toString().lines())
                    .singleElement()
                    .asString()
                    .contains(bad.getFileName().toString())
                    .doesNotContain("Exception");
        }
        assertThat(tmp.resolve("o.jsonl")).doesNotExist();
    }
}
