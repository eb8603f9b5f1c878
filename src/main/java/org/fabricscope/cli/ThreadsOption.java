package org.fabricscope.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: how many attempts run at once. Results never depend on it. */
final class ThreadsOption {
    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads (default: all cores). Results are identical for any value.")
    Integer threads;

    int resolve() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new UserException("--threads must be between 1 and 1024, got " + n);
        }
        return n;
    }
}
