package org.fabricscope.sweep.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.fabricscope.sweep.Partial;
import org.fabricscope.sweep.SweepCell;
import org.fabricscope.sweep.SweepDefinition;
import org.fabricscope.sweep.SweepEngine;
import org.fabricscope.sweep.SweepResult;
import org.fabricscope.sweep.SweepRunner;
import org.fabricscope.sweep.WorkUnit;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;

/**
 * Runs a sweep on Apache Spark: the work units become an RDD, each executor task runs its units
 * with {@link SweepEngine#run}, and the driver collects the partials and reduces them with {@link
 * SweepEngine#reduce}, exactly as {@link org.fabricscope.sweep.LocalRunner} does, so the result is
 * the same byte for byte. The definition travels to the executors as its sweep file text, which
 * is self-contained.
 *
 * <p>This is the only class that touches Spark. Nothing else loads it unless Spark is on the class
 * path ({@link org.fabricscope.sweep.SparkSupport}), so the desktop jar runs without Spark.
 */
public final class SparkRunner implements SweepRunner, AutoCloseable {
    private final JavaSparkContext context;
    private final boolean owned;

    /** Runs on an existing context (tests share one); {@link #close()} leaves it running. */
    public SparkRunner(JavaSparkContext context) {
        this.context = context;
        this.owned = false;
    }

    private SparkRunner(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /**
     * Starts a Spark context for sweeps.
     *
     * @param master {@code local[N]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://…}; null
     *     to take the one {@code spark-submit} set
     */
    public static SparkRunner start(String master) {
        if (master != null && master.startsWith("local") && System.getProperty("log4j2.configurationFile") == null) {
            // Started from our command line, not spark-submit: keep Spark's INFO log off the terminal.
            System.setProperty("log4j2.configurationFile", "org/fabricscope/sweep/spark/log4j2-quiet.properties");
        }
        SparkConf conf = new SparkConf().setAppName("fabricscope sweep");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException(
                    "--runner spark needs --master URL (local[N], spark://HOST:7077, yarn, k8s://…) or spark-submit");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return new SparkRunner(new JavaSparkContext(conf), true);
    }

    /** The Spark context the sweeps run on. */
    public JavaSparkContext context() {
        return context;
    }

    @Override
    public SweepResult run(SweepDefinition d, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        List<WorkUnit> units = SweepEngine.units(d);
        String json = d.toJson();
        // Enough partitions that executors stay busy while slow cells finish; the result does not depend on it.
        int slices = Math.max(1, Math.min(units.size(), context.defaultParallelism() * 4));
        String group = "fabricscope-sweep-" + Integer.toHexString(System.identityHashCode(units));
        context.setJobGroup(group, "fabricscope sweep of " + d.cellCount() + " cells", true);
        JavaFutureAction<List<Partial>> job = context.parallelize(units, slices)
                .mapPartitions(it -> runPartition(json, it))
                .collectAsync();
        p.update(0, units.size());
        try {
            while (true) {
                try {
                    List<Partial> partials = job.get(200, TimeUnit.MILLISECONDS);
                    p.update(units.size(), units.size());
                    return SweepEngine.reduce(d, partials);
                } catch (TimeoutException e) {
                    if (p.isCancelled()) {
                        job.cancel(true);
                        context.cancelJobGroup(group);
                        throw new CancelledException();
                    }
                    p.update(Math.min(units.size() - 1, unitsDone(job, units.size(), slices)), units.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            context.clearJobGroup();
        }
    }

    /** Runs one partition's units on an executor; the definition is parsed once per partition. */
    private static Iterator<Partial> runPartition(String definitionJson, Iterator<WorkUnit> units) {
        List<Partial> out = new ArrayList<>();
        if (!units.hasNext()) {
            return out.iterator();
        }
        SweepDefinition d = SweepDefinition.fromJson(definitionJson, "sweep definition", null);
        List<SweepCell> cells = d.cells();
        while (units.hasNext()) {
            WorkUnit u = units.next();
            out.add(SweepEngine.run(d, cells.get(u.cell()), u, Progress.NONE));
        }
        return out.iterator();
    }

    private long unitsDone(JavaFutureAction<List<Partial>> job, int units, int slices) {
        long tasksDone = 0;
        for (int id : job.jobIds()) {
            SparkJobInfo info = context.statusTracker().getJobInfo(id);
            if (info == null) {
                continue;
            }
            for (int stage : info.stageIds()) {
                SparkStageInfo s = context.statusTracker().getStageInfo(stage);
                if (s != null) {
                    tasksDone += s.numCompletedTasks();
                }
            }
        }
        return tasksDone * units / slices;
    }

    /** The executor's own exception where Spark kept it (a sweep error is one line, not a Spark trace). */
    private static RuntimeException unwrap(ExecutionException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || c instanceof CancelledException) {
                return (RuntimeException) c;
            }
        }
        String m = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        return new IllegalStateException("the Spark job failed: " + first, e.getCause());
    }

    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }
}
