package org.fabricscope.cli;

import org.fabricscope.sim.Simulator;
import org.fabricscope.trace.TraceHeader;
import picocli.CommandLine;

/** {@code --version}: the simulator version and the trace format it writes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "FabricScope " + Simulator.VERSION,
            "trace format " + TraceHeader.FORMAT_NAME + " v" + TraceHeader.FORMAT_VERSION,
            "Java " + System.getProperty("java.version")
        };
    }
}
