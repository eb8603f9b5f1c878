package org.fabricscope.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;

/**
 * A damaged scenario file is loaded or refused with a {@link ScenarioException} that names the
 * file, never anything else (the GUI opens these files as users wrote them).
 */
class ScenarioFilePropertiesTest {
    private static final byte[] GOOD = ("{\"name\": \"slow ack\", \"base\": \"fpre004-repro\",\n"
                    + " \"parameters\": {\"ackJitterMicrosMax\": \"7.3ms\", \"readBurstSize\": 12,\n"
                    + "  \"compactionEnabled\": false, \"mediaErrorsPerMillionBlockReads\": 2.5}}\n")
            .getBytes(StandardCharsets.UTF_8);

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws Exception {
        dir = Files.createTempDirectory("scenario-props");
    }

    @AfterContainer
    static void deleteDirectory() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 400)
    void corruptedScenarioFilesLoadOrAreRefusedNamingTheFile(
            @ForAll @IntRange(min = 0, max = 1_000_000) int where,
            @ForAll byte value,
            @ForAll @IntRange(min = 1, max = 3) int count,
            @ForAll @IntRange(min = 0, max = 2) int cutMode)
            throws Exception {
        byte[] bad = GOOD.clone();
        for (int i = 0; i < count; i++) {
            bad[(where + i * 31) % bad.length] = (byte) (value + i);
        }
        if (cutMode == 1) {
            bad = java.util.Arrays.copyOf(bad, where % bad.length);
        }
        Path file = Files.write(dir.resolve("s.json"), bad);

        Throwable t = catchThrowable(() -> Scenario.load(file));

        if (t != null) {
            assertThat(t).isInstanceOf(ScenarioException.class);
            assertThat(t.getMessage()).startsWith("s.json");
            assertThat(t.getMessage().chars().filter(Character::isISOControl).count())
                    .as(t.getMessage())
                    .isZero();
        }
    }
}
