package org.fabricscope.sim.experiment;

/**
 * What a soak measured over many unrecorded attempts.
 *
 * @param reads read transactions done (at least the number asked for; whole attempts are summed)
 * @param readsOk reads that returned correct data on their first try, within the client's read timeout
 * @param successRate {@code readsOk / reads}, a fraction (0.9988 is 99.88 %); a read that failed and
 *     was served only after retries or a remap counts as failed
 * @param fpre004 FPRE004 events raised
 * @param retries retries by the first-response script
 * @param quarantines drives quarantined
 * @param mediaErrors genuine media errors
 * @param prefetchLatencyMeanMicros mean prefetch fill start to READY over all attempts
 * @param prefetchLatencyP99Micros 99th percentile of the same, to 10 µs
 * @param attempts attempts run (1..attempts)
 * @param events events simulated in total
 * @param timeouts reads served later than the client's read timeout
 * @param readLatencyP50Micros fabric-wide median issue-to-served read latency, to 10 µs
 * @param readLatencyP99Micros fabric-wide 99th percentile of the same
 * @param readLatencyP999Micros fabric-wide 99.9th percentile of the same
 * @param files per file of the namespace (archives in order, then file X), files without reads left out
 * @param contentiousArchive the archive with the most FPRE004s (ties: the most failed reads, then
 *     the lowest number); with no FPRE004 at all, the most-read archive; null without reads
 */
public record SoakResult(
        long reads,
        long readsOk,
        double successRate,
        long fpre004,
        long retries,
        long quarantines,
        long mediaErrors,
        double prefetchLatencyMeanMicros,
        long prefetchLatencyP99Micros,
        int attempts,
        long events,
        long timeouts,
        long readLatencyP50Micros,
        long readLatencyP99Micros,
        long readLatencyP999Micros,
        java.util.List<FileFigures> files,
        String contentiousArchive) {

    /** The figures of one file by name, or null. */
    public FileFigures file(String name) {
        for (FileFigures f : files) {
            if (f.file().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The figures of the contentious archive, or null. */
    public FileFigures contentious() {
        return contentiousArchive == null ? null : file(contentiousArchive);
    }
}
