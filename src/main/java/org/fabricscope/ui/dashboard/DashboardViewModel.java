package org.fabricscope.ui.dashboard;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.fabricscope.sim.experiment.FileFigures;
import org.fabricscope.sim.experiment.IncidentMap;
import org.fabricscope.sim.experiment.IncidentSoak;
import org.fabricscope.trace.PatchSwitches;
import org.fabricscope.ui.scenario.RunRequest;
import org.fabricscope.ui.support.BackgroundRun;

/**
 * The incident dashboard's state and commands. {@link #run()} soaks the scenario the scenario panel
 * describes (its parameters and seed) twice in the background, legacy and patched, with progress
 * and {@link #cancel()}; {@link #openTile} re-runs a tile's first failing attempt with recording
 * and opens it at that tile's FPRE004. Lives on the FX thread; tested without a Stage.
 */
public final class DashboardViewModel {
    /** Reads per soak by default: enough for about eighty legacy FPRE004s on {@code pilot-rack}. */
    public static final long DEFAULT_READS = 100_000;

    /** Opens a recorded attempt in the main window with the cursor on event {@code seq}. */
    @FunctionalInterface
    public interface TileOpener {
        void open(RunRequest attempt, int seq, String description);
    }

    /** Which soak a tile belongs to. */
    public enum Side {
        LEGACY("Legacy (no patch)", PatchSwitches.NONE),
        PATCHED("Patched (all three switches)", PatchSwitches.ALL);

        private final String title;
        private final PatchSwitches patch;

        Side(String title, PatchSwitches patch) {
            this.title = title;
            this.patch = patch;
        }

        public String title() {
            return title;
        }

        public PatchSwitches patch() {
            return patch;
        }
    }

    /** Both soaks of one run of the dashboard, with the request they came from. */
    public record Result(RunRequest request, long reads, IncidentMap legacy, IncidentMap patched) {
        public IncidentMap map(Side side) {
            return side == Side.LEGACY ? legacy : patched;
        }

        /** The largest tile count of either side: both grids share one colour scale. */
        public long maxTileFpre004() {
            return Math.max(legacy.maxTileFpre004(), patched.maxTileFpre004());
        }
    }

    private final Supplier<Optional<RunRequest>> scenario;
    private final TileOpener opener;
    private final int threads;

    private final StringProperty reads = new SimpleStringProperty(this, "reads", String.valueOf(DEFAULT_READS));
    private final ReadOnlyStringWrapper readsError = new ReadOnlyStringWrapper(this, "readsError", "");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper(this, "status", "Run soaks the scenario panel's scenario, legacy and patched.");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BackgroundRun background;

    /**
     * @param scenario the scenario panel's current request (scenario, seed), empty while invalid
     * @param opener opens a recorded attempt in the main window
     * @param executor runs the soaks
     * @param threads threads per soak (the result does not depend on it)
     */
    public DashboardViewModel(
            Supplier<Optional<RunRequest>> scenario, TileOpener opener, Executor executor, int threads) {
        this.scenario = Objects.requireNonNull(scenario);
        this.opener = Objects.requireNonNull(opener);
        this.background = new BackgroundRun(this, executor, status::set);
        this.threads = Math.max(1, threads);
        reads.addListener((obs, old, now) -> readsError.set(parseReads(now) > 0 ? "" : readsErrorText(now)));
    }

    /** Reads per soak, as typed: a whole number from 1 to 100 million (1,000,000 and 1e6 work). */
    public StringProperty readsProperty() {
        return reads;
    }

    /** Why the reads field is refused, or empty. */
    public ReadOnlyStringProperty readsErrorProperty() {
        return readsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return background.runningProperty();
    }

    /** Progress of the running soaks, 0 to 1 (legacy the first half, patched the second). */
    public ReadOnlyDoubleProperty progressProperty() {
        return background.progressProperty();
    }

    /** What happened last, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last completed run, or null. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Soaks the scenario panel's scenario legacy then patched; a run in progress is replaced. */
    public Task<Result> run() {
        long n = parseReads(reads.get());
        if (n <= 0) {
            status.set("Not run: " + readsErrorText(reads.get()));
            return null;
        }
        Optional<RunRequest> request = scenario.get();
        if (request.isEmpty()) {
            status.set("Not run: the scenario panel has an invalid value; fix it first.");
            return null;
        }
        RunRequest r = request.get();
        String what = r.scenario().name() + " seed " + r.seed();
        return background.start(
                "Soaking " + what + "…",
                p -> {
                    p.phase("Soaking " + what + ", legacy…");
                    IncidentMap legacy =
                            IncidentSoak.run(r.scenario(), r.seed(), n, Side.LEGACY.patch(), threads, p.part(0, 0.5));
                    p.checkCancelled();
                    p.phase("Soaking " + what + ", patched…");
                    IncidentMap patched =
                            IncidentSoak.run(r.scenario(), r.seed(), n, Side.PATCHED.patch(), threads, p.part(0.5, 1));
                    return new Result(r, n, legacy, patched);
                },
                done -> {
                    result.set(done);
                    status.set(summary(done));
                },
                "Soak failed: ",
                "Cancelled the soak; the grids show the last complete run.");
    }

    /** Stops the running soaks; the last complete result stays. */
    public void cancel() {
        background.cancel();
    }

    /**
     * Re-runs {@code tile}'s first failing attempt of {@code side} with recording and opens it at
     * that tile's FPRE004. A tile without FPRE004 only says so.
     */
    public boolean openTile(Side side, IncidentMap.Tile tile) {
        Result r = result.get();
        if (r == null || tile == null) {
            return false;
        }
        if (!tile.failed()) {
            status.set(tile.file() + " on node " + tile.node() + " had no FPRE004 in the "
                    + side.name().toLowerCase(Locale.ROOT) + " soak.");
            return false;
        }
        RunRequest attempt =
                new RunRequest(r.request().scenario(), r.request().seed(), tile.firstAttempt(), side.patch());
        String description = String.format(
                Locale.ROOT,
                "%s on node %d: first FPRE004 of the %s soak, attempt %d, event #%d.",
                tile.file(),
                tile.node(),
                side.name().toLowerCase(Locale.ROOT),
                tile.firstAttempt(),
                tile.firstSeq());
        status.set("Opening " + description);
        opener.open(attempt, tile.firstSeq(), description);
        return true;
    }

    /** A tile's tooltip: its figures and what a click does. */
    public static String describe(Side side, IncidentMap.Tile tile) {
        if (!tile.failed()) {
            return tile.file() + " · node " + tile.node() + ": no FPRE004";
        }
        return String.format(
                Locale.ROOT,
                "%s · node %d: %,d FPRE004%s (%s)%nfirst on attempt %d, event #%d%nClick to open that attempt at this FPRE004",
                tile.file(),
                tile.node(),
                tile.fpre004(),
                tile.fpre004() == 1 ? "" : "s",
                side.name().toLowerCase(Locale.ROOT),
                tile.firstAttempt(),
                tile.firstSeq());
    }

    /** A row's figures beside the grid: success rate, retries, quarantines. */
    public static String[] rowFigures(IncidentMap map, String file) {
        FileFigures f = map.soak().file(file);
        if (f == null) {
            return new String[] {"no reads", "", ""};
        }
        return new String[] {
            percent(f.successRate()),
            String.format(Locale.ROOT, "%,d", f.retries()),
            String.format(Locale.ROOT, "%,d", f.quarantines())
        };
    }

    /** 0.998231 → "99.8231 %": four decimals, so 99.9996 % and 99.88 % are both legible. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4f %%", fraction * 100);
    }

    /**
     * How hot a tile is on the shared scale, 0 (no FPRE004) to 1 (the most): logarithmic, so a
     * tile with one FPRE004 is visibly red beside one with hundreds.
     */
    public static double heat(long count, long max) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        return Math.log1p(count) / Math.log1p(max);
    }

    private static String summary(Result r) {
        return String.format(
                Locale.ROOT,
                "%s seed %d, %,d reads each: legacy %,d FPRE004 (%s), %s; patched %,d FPRE004 (%s).",
                r.request().scenario().name(),
                r.request().seed(),
                r.reads(),
                r.legacy().soak().fpre004(),
                percent(r.legacy().soak().successRate()),
                r.legacy().soak().contentiousArchive() == null
                        ? "no contentious archive"
                        : "most in " + r.legacy().soak().contentiousArchive(),
                r.patched().soak().fpre004(),
                percent(r.patched().soak().successRate()));
    }

    static long parseReads(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim().replace(",", "").replace("_", "");
        try {
            double v = t.toLowerCase(Locale.ROOT).contains("e") ? Double.parseDouble(t) : Long.parseLong(t);
            if (v < 1 || v > 100_000_000 || v != Math.rint(v)) {
                return -1;
            }
            return (long) v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String readsErrorText(String text) {
        String shown = text == null ? "" : text.strip();
        if (shown.length() > 20) {
            shown = shown.substring(0, 20) + "…";
        }
        return "reads must be a whole number from 1 to 100,000,000, not '" + shown + "'";
    }
}
