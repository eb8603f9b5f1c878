package org.fabricscope.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** API CONTRACT STUB: the simulator helper replaces this with the real implementation. */
public final class Scenario {
    private Scenario() {}

    public static List<String> builtInNames() {
        throw new UnsupportedOperationException();
    }

    public static Scenario builtIn(String name) throws ScenarioException {
        throw new UnsupportedOperationException();
    }

    public static Scenario load(Path file) throws ScenarioException {
        throw new UnsupportedOperationException();
    }

    public static Scenario fromParameters(String name, Map<String, String> parameters) throws ScenarioException {
        throw new UnsupportedOperationException();
    }

    public static List<ParameterSpec> catalog() {
        throw new UnsupportedOperationException();
    }

    public String name() {
        throw new UnsupportedOperationException();
    }

    public Map<String, String> parameters() {
        throw new UnsupportedOperationException();
    }

    public String get(String parameter) {
        throw new UnsupportedOperationException();
    }

    public Scenario with(String parameter, String value) throws ScenarioException {
        throw new UnsupportedOperationException();
    }
}
