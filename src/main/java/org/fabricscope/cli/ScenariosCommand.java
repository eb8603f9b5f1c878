package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fabricscope.sim.scenario.ParameterSpec;
import org.fabricscope.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code scenarios}: the built-in scenarios and every parameter with its unit, range and value. */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = {
            "List the built-in scenarios, then every parameter of the chosen scenario (--scenario, --set)",
            "with its unit, allowed range and value."
        })
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        o.println("built-in scenarios: " + String.join(", ", Scenario.builtInNames()));
        Scenario s = scenario.resolve();
        o.println();
        o.println("parameters of " + s.name() + ":");
        List<ParameterSpec> catalog = Scenario.catalog();
        int width = catalog.stream().mapToInt(p -> p.name().length()).max().orElse(10);
        for (ParameterSpec p : catalog) {
            o.printf(
                    Locale.ROOT,
                    "  %-" + width + "s  %12s  %-14s %-26s %s%n",
                    p.name(),
                    s.get(p.name()),
                    p.unit(),
                    range(p),
                    p.description());
        }
        return 0;
    }

    private static String range(ParameterSpec p) {
        if (p.type() == ParameterSpec.Type.BOOLEAN) {
            return "true|false";
        }
        if (p.type() == ParameterSpec.Type.INTEGER) {
            return String.format(Locale.ROOT, "[%d, %d]", (long) p.min(), (long) p.max());
        }
        return String.format(Locale.ROOT, "[%s, %s]", trim(p.min()), trim(p.max()));
    }

    private static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
