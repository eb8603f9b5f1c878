package org.fabricscope.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.ExecutionException;
import org.fabricscope.sim.core.ModelAssertionError;
import org.fabricscope.sim.core.SimulationLimitException;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;

class OperatingErrorsTest {
    @Test
    void aLimitIsAnOperatingErrorThatSaysWhatToChange() {
        assertThat(OperatingErrors.message(new SimulationLimitException("run exceeded its limit of 5 events")))
                .hasValue("the run hit a limit: run exceeded its limit of 5 events;"
                        + " raise that limit or shorten the run (durationMicros)");
    }

    @Test
    void aWorkersErrorIsMappedAsTheWorkerThrewIt() {
        var wrapped = new ExecutionException(new RuntimeException(new SimulationLimitException("limit")));

        assertThat(OperatingErrors.message(wrapped))
                .hasValueSatisfying(m -> assertThat(m).startsWith("the run hit a limit: limit"));
    }

    @Test
    void badInputIsShownAsItsOwnMessage() {
        assertThat(OperatingErrors.message(new TraceFormatException("t.jsonl", 3, 0, "bad seq")))
                .hasValueSatisfying(m -> assertThat(m).contains("t.jsonl", "3", "bad seq"));
        assertThat(OperatingErrors.message(new ScenarioException("s.json:2: unknown parameter")))
                .hasValue("s.json:2: unknown parameter");
    }

    @Test
    void ioErrorsNameTheFile() {
        assertThat(OperatingErrors.message(new AccessDeniedException("/x/t.jsonl")))
                .hasValue("/x/t.jsonl: permission denied");
        assertThat(OperatingErrors.message(new IOException("disk full"))).hasValue("I/O error: disk full");
        assertThat(OperatingErrors.message(new CancelledException())).hasValue("cancelled");
    }

    @Test
    void assertionsAndUnexpectedExceptionsAreBugs() {
        assertThat(OperatingErrors.isOperating(new ModelAssertionError("time went backwards")))
                .isFalse();
        assertThat(OperatingErrors.isOperating(new NullPointerException())).isFalse();
        assertThat(OperatingErrors.isOperating(new IllegalStateException("x"))).isFalse();
        assertThat(OperatingErrors.line(new ExecutionException(new NullPointerException("null key"))))
                .startsWith("internal error (NullPointerException): null key")
                .contains("please report it");
    }
}
