package org.fabricscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.trace.NumberText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values built to make the scenario parser backtrack or compute without end (issue 11, classes 3
 * and 10): each is refused by its length or exponent before any arithmetic, with a short message
 * naming the parameter; and scenario files are bounded to what a trace can record.
 */
class ScenarioHostileValuesTest {
    @TempDir
    Path dir;

    private static Scenario quiet() throws ScenarioException {
        return Scenario.builtIn("quiet");
    }

    @Test
    void eightyThousandDigitsAreRefusedByLengthNotParsed() {
        String value = "1".repeat(80_000) + " 1";
        assertThatThrownBy(() -> quiet().with("readBurstSize", value))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("readBurstSize")
                .hasMessageContaining("at most " + NumberText.MAX_CHARS)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void hugeAndTinyExponentsAreRefusedBeforeAnyArithmetic() {
        for (String v : new String[] {"1e9999999us", "1e-999999999", "1E+101", "5e101ms"}) {
            assertThatThrownBy(() -> quiet().with("durationMicros", v))
                    .as(v)
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("exponent");
        }
        assertThatThrownBy(() -> quiet().with("mediaErrorsPerMillionBlockReads", "1e-99999"))
                .hasMessageContaining("exponent");
    }

    @Test
    void aDecimalTooLongToWriteIntoATraceIsRefused() {
        assertThatThrownBy(() -> quiet().with("mediaErrorsPerMillionBlockReads", "1e-99"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("at most " + NumberText.MAX_CHARS);
    }

    @Test
    void ordinaryValuesWithUnitsStillWork() throws Exception {
        assertThat(quiet().with("durationMicros", "7.3ms").get("durationMicros"))
                .isEqualTo("7300");
        assertThat(quiet().with("durationMicros", "1e3").get("durationMicros")).isEqualTo("1000");
        assertThat(quiet().with("readBurstSize", "12 transactions").get("readBurstSize"))
                .isEqualTo("12");
        assertThat(quiet().with("mediaErrorsPerMillionBlockReads", "1.5e-6").get("mediaErrorsPerMillionBlockReads"))
                .isEqualTo("0.0000015");
        assertThatThrownBy(() -> quiet().with("readBurstSize", "12ms")).hasMessageContaining("not 'ms'");
        assertThatThrownBy(() -> quiet().with("readBurstSize", "1 1")).hasMessageContaining("whole number");
    }

    @Test
    void anEnormousUnknownParameterNameIsAnsweredQuicklyAndShortly() {
        String name = "x".repeat(10_000_000);
        assertThatThrownBy(() -> quiet().with(name, "1"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown parameter")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void contentAfterTheScenarioObjectIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"base\":\"quiet\"}\n{\"name\":\"ignored\"}");
        assertThatThrownBy(() -> Scenario.load(f))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("s.json:2")
                .hasMessageContaining("content after the scenario object");
        Path g = Files.writeString(dir.resolve("g.json"), "{\"base\":\"quiet\"} trailing");
        assertThatThrownBy(() -> Scenario.load(g))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("g.json");
    }

    @Test
    void aScenarioNameLongerThanATraceHeaderShouldHoldIsRefused() throws Exception {
        Path f = Files.writeString(
                dir.resolve("s.json"), "{\"name\":\"" + "n".repeat(ScenarioFile.MAX_NAME_CHARS + 1) + "\"}");
        assertThatThrownBy(() -> Scenario.load(f)).hasMessageContaining("at most " + ScenarioFile.MAX_NAME_CHARS);
        Path huge = Files.writeString(dir.resolve("h.json"), "{\"name\":\"" + "n".repeat(10_000_000) + "\"}");
        assertThatThrownBy(() -> Scenario.load(huge))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void theScenarioAndTheTraceReaderShareTheValueBounds() {
        assertThat(org.fabricscope.trace.io.TraceFormat.MAX_PARAMETER_VALUE_CHARS)
                .isEqualTo(NumberText.MAX_CHARS);
        assertThat(NumberText.MAX_CHARS).isLessThanOrEqualTo(org.fabricscope.trace.io.TraceFormat.MAX_NUMBER_CHARS);
    }
}
