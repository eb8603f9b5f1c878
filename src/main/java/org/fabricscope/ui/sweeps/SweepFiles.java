package org.fabricscope.ui.sweeps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.fabricscope.trace.io.AtomicFile;

/**
 * Sweep results on disk: the {@code sweep} command's result JSON (so the view reopens what the
 * command wrote, and the command's users read what the view saved), and the CSV of each chart's
 * data. Every file is written atomically; a bad file is refused in one line naming it (and the
 * line, for JSON).
 */
public final class SweepFiles {

    private SweepFiles() {}

    /** The chart CSVs' columns after the axes, one per {@link SweepCell} figure. */
    private static final String CELL_COLUMNS =
            "patch,attempts,attempts_with_fpre004,reads,fpre004,fpre004_rate,rate_low95,rate_high95,success_rate,"
                    + "first_fpre004_attempt,retries,quarantines,prefetch_mean_us,prefetch_p99_us\n";

    /**
     * Writes {@code r} to {@code file} atomically in the {@code sweep} command's result format
     * ({@code sweep --out FILE.json}), replacing it only when {@code overwrite}.
     */
    public static void save(SweepResult r, Path file, boolean overwrite) throws IOException {
        byte[] bytes = r.source().toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }

    /**
     * Reads a sweep result file (saved here, or written by {@code sweep --out FILE.json}).
     *
     * @throws IOException one line naming the file (and the line) and the problem
     */
    public static SweepResult load(Path file) throws IOException {
        try {
            return SweepRunner.view(org.fabricscope.sweep.SweepResult.load(file));
        } catch (org.fabricscope.sweep.SweepException e) {
            String m = e.getMessage();
            throw new IOException(m.startsWith(file.toString()) ? m : file + ": " + m);
        }
    }

    // ---- CSV of each chart's data

    /** The heat map's cells of one side: x, y, reads, FPRE004, rate and its interval, success. */
    public static String heatMapCsv(SweepResult r, boolean patched) {
        StringBuilder b = new StringBuilder();
        b.append(r.x().parameter())
                .append(',')
                .append(r.y() == null ? "" : r.y().parameter() + ",")
                .append(CELL_COLUMNS);
        for (SweepCell c : r.cells()) {
            if (c.patched() == patched) {
                row(b, r, c);
            }
        }
        return b.toString();
    }

    /** The line chart's points, legacy then patched, at one y. */
    public static String lineCsv(SweepResult r, double y) {
        StringBuilder b = new StringBuilder();
        b.append(r.x().parameter())
                .append(',')
                .append(r.y() == null ? "" : r.y().parameter() + ",")
                .append(CELL_COLUMNS);
        for (boolean patched : new boolean[] {false, true}) {
            for (SweepCell c : r.line(y, patched)) {
                row(b, r, c);
            }
        }
        return b.toString();
    }

    /** The latency histogram: one row per bin, legacy and patched counts. */
    public static String histogramCsv(LatencyBins bins) {
        StringBuilder b = new StringBuilder("bin_from_ms,bin_to_ms,legacy,patched\n");
        for (int i = 0; i < bins.legacy().length; i++) {
            b.append(String.format(
                    Locale.ROOT,
                    "%.3f,%.3f,%d,%d%n",
                    bins.fromMillis(i),
                    bins.fromMillis(i + 1),
                    bins.legacy()[i],
                    bins.patched()[i]));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, SweepResult r, SweepCell c) {
        b.append(SweepAxis.text(c.x())).append(',');
        if (r.y() != null) {
            b.append(SweepAxis.text(c.y())).append(',');
        }
        b.append(String.format(
                Locale.ROOT,
                "%s,%d,%d,%d,%d,%.8f,%.8f,%.8f,%.8f,%d,%d,%d,%.1f,%d%n",
                c.side(),
                c.attempts(),
                c.attemptsWithFpre004(),
                c.reads(),
                c.fpre004(),
                c.rate(),
                c.rateLow(),
                c.rateHigh(),
                c.successRate(),
                c.firstFpre004Attempt(),
                c.retries(),
                c.quarantines(),
                c.prefetchMeanMicros(),
                c.prefetchP99Micros()));
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeText(Path file, String text, boolean overwrite) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }

    /** Writes {@code bytes} (a PNG), atomically. */
    public static void writeBytes(Path file, byte[] bytes, boolean overwrite) throws IOException {
        AtomicFile.write(file, overwrite, out -> out.write(bytes));
    }
}
