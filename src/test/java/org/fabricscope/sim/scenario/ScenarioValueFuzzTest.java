package org.fabricscope.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the scenario value parsers (issue 11, class 3): {@code --set
 * KEY=VALUE} values and whole scenario files. Whatever the text, a value is accepted (and its
 * canonical text fits a trace header) or refused with a one-line {@link ScenarioException}; any
 * other exception is a finding.
 *
 * <p>{@code @Timeout} is the per-input time limit: Jazzer passes it to libFuzzer as {@code
 * -timeout} in a fuzzing run, so an input that makes a parser backtrack or compute with a huge
 * exponent is saved as a finding; in regression mode ({@code mvn verify}) JUnit applies it to each
 * saved input. Inputs live in {@code ScenarioValueFuzzTestInputs/<method>/}. A fuzzing run:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn test -Dtest='ScenarioValueFuzzTest#setValuesAreAcceptedOrRefusedInOneLine' \
 *     -Djazzer.hooks=true -Djazzer.instrumentation_includes='org.fabricscope.**'
 * </pre>
 */
class ScenarioValueFuzzTest {
    private static final List<ParameterSpec> CATALOG = Scenario.catalog();

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void setValuesAreAcceptedOrRefusedInOneLine(FuzzedDataProvider data) {
        ParameterSpec spec = CATALOG.get(data.consumeInt(0, CATALOG.size() - 1));
        String value = data.consumeRemainingAsString();
        try {
            Scenario s = Scenario.builtIn("quiet").with(spec.name(), value);
            String canonical = s.get(spec.name());
            // What is accepted can be written into a trace header and read back.
            assertThat(canonical.length()).isLessThanOrEqualTo(org.fabricscope.trace.NumberText.MAX_CHARS);
        } catch (ScenarioException refused) {
            assertOneShortLine(refused.getMessage());
        }
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void scenarioFilesAreReadOrRefusedInOneLine(byte[] data) {
        Path file;
        try {
            file = Files.createTempFile("fuzz-scenario", ".json");
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Scenario s = Scenario.load(file);
            assertThat(s.name().length()).isLessThanOrEqualTo(ScenarioFile.MAX_NAME_CHARS);
        } catch (ScenarioException refused) {
            assertOneShortLine(refused.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }

    private static void assertOneShortLine(String message) {
        if (message.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new AssertionError("control character in the message: " + message.replace("\n", "\\n"));
        }
        // Long enough for any real message, far shorter than a hostile input quoted whole.
        assertThat(message.length()).isLessThan(2_000);
    }
}
