package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.fabricscope.sim.core.ModelAssertionError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operating errors end a command with one line and exit code 2; a bug with a report and exit code 3. */
class ErrorModelCliTest {
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

    @Test
    void aLimitTheUserSetIsOneLineAndAnOperatingErrorExitCode() {
        int code = run(
                "simulate",
                "--set",
                "maxEventsPerRun=1000",
                "--out",
                tmp.resolve("t.jsonl").toString());

        assertThat(code).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString())
                .startsWith("fabricscope: the run hit a limit: ")
                .contains("limit of 1000 events (maxEventsPerRun)", "seed 1")
                .doesNotContain("internal error", "please report", "SimulationLimitException", "\tat ");
    }

    @Test
    void aLimitHitOnWorkerThreadsIsTheSameOneLine() {
        int code = run("find-repro", "--set", "maxEventsPerRun=1000", "--threads", "2");

        assertThat(code).isEqualTo(FabricScopeCli.EXIT_ERROR);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("fabricscope: the run hit a limit: ");
    }

    @Test
    void aBrokenModelAssertionCrashesWithAReportAndTheBugExitCode() {
        StringWriter report = new StringWriter();

        int code = FabricScopeCli.report(
                new ModelAssertionError("block 3: lockHolder 7 → 9: the lock passed between writes"),
                new PrintWriter(report, true));

        assertThat(code).isEqualTo(FabricScopeCli.EXIT_BUG);
        assertThat(report.toString())
                .startsWith("fabricscope: internal error (ModelAssertionError): block 3: lockHolder 7 → 9")
                .contains("please report it", "fabricscope: report:", "\tat ");
    }

    @Test
    void anUnexpectedExceptionIsABugNotAMessage() {
        StringWriter report = new StringWriter();

        int code = FabricScopeCli.report(new NullPointerException("x"), new PrintWriter(report, true));

        assertThat(code).isEqualTo(FabricScopeCli.EXIT_BUG);
        assertThat(report.toString()).contains("internal error (NullPointerException)", "\tat ");
    }
}
