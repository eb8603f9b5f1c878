package org.fabricscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fabricscope.sim.scenario.Scenario;
import org.fabricscope.sim.scenario.ScenarioException;
import org.fabricscope.trace.PatchSwitches;
import picocli.CommandLine.Option;

/** The options every simulating command shares: scenario, overrides, seed and patch switches. */
final class ScenarioOptions {
    /** The default base seed of every command, and of the GUI's built-in reproduction. */
    static final long DEFAULT_SEED = Scenario.DEFAULT_SEED;

    @Option(
            names = "--scenario",
            paramLabel = "NAME|FILE",
            defaultValue = Scenario.DEFAULT_NAME,
            description =
                    "A built-in scenario (fpre004-repro, pilot-rack, file-x, quiet) or a scenario JSON file. Default: ${DEFAULT-VALUE}.")
    String scenario;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one scenario parameter (repeatable), e.g. --set ackJitterMicrosMax=0.")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "" + Scenario.DEFAULT_SEED,
            description = "Base seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--patch",
            paramLabel = "SWITCHES",
            defaultValue = "none",
            converter = PatchConverter.class,
            description =
                    "none (legacy), all (patched), or a comma list of reorder,barrier,backoff. Default: ${DEFAULT-VALUE}.")
    PatchSwitches patch;

    /** The scenario with every override applied; errors name the parameter and its range. */
    Scenario resolve() throws ScenarioException {
        Scenario s;
        if (Scenario.builtInNames().contains(scenario)) {
            s = Scenario.builtIn(scenario);
        } else if (Files.exists(Path.of(scenario), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Any existing path, not only a regular file: a FIFO or <(…) is read once, and a
            // directory or unreadable file gets its own reason from the reader.
            s = Scenario.load(Path.of(scenario));
        } else {
            throw new UserException(
                    "unknown scenario '" + org.fabricscope.trace.PrintableText.of(scenario) + "': expected one of "
                            + String.join(", ", Scenario.builtInNames()) + ", or the path of a scenario JSON file");
        }
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserException("--set expects KEY=VALUE, got '"
                        + org.fabricscope.trace.PrintableText.of(kv.length() > 60 ? kv.substring(0, 60) + "…" : kv)
                        + "'");
            }
            s = s.with(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return s;
    }

    /** Parses {@code --patch} values with {@link PatchSwitches#parse}. */
    static final class PatchConverter implements picocli.CommandLine.ITypeConverter<PatchSwitches> {
        @Override
        public PatchSwitches convert(String value) {
            try {
                return PatchSwitches.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
