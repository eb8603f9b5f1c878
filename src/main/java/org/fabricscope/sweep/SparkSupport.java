package org.fabricscope.sweep;

/**
 * Finds the Spark runner without linking to it, so that {@code java -jar fabricscope.jar} (which
 * has no Spark inside) starts and explains how to run on Spark instead of failing with a missing
 * class.
 */
public final class SparkSupport {
    /** The main class to give {@code spark-submit --class}. */
    public static final String MAIN_CLASS = "org.fabricscope.Launcher";

    /** The one line shown when Spark is not on the class path. */
    public static final String HOW_TO_RUN = "the Spark runner needs Apache Spark on the class path: on a cluster,"
            + " spark-submit --class " + MAIN_CLASS + " fabricscope.jar sweep --runner spark ...; on this machine,"
            + " mvn -q -Pspark compile exec:exec -Dsweep.args=\"sweep --runner spark --master local[2] ...\""
            + " (or use --runner local)";

    private SparkSupport() {}

    /** True if Spark's Java API can be loaded. */
    public static boolean available() {
        return available("org.apache.spark.api.java.JavaSparkContext");
    }

    static boolean available(String className) {
        try {
            Class.forName(className, false, SparkSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts a Spark runner on {@code master} (null: the one spark-submit set).
     *
     * @throws SweepException with {@link #HOW_TO_RUN} when Spark is not on the class path
     */
    public static SweepRunnerHandle start(String master) {
        if (!available()) {
            throw new SweepException(HOW_TO_RUN);
        }
        try {
            Class<?> c = Class.forName("org.fabricscope.sweep.spark.SparkRunner");
            Object runner = c.getMethod("start", String.class).invoke(null, master);
            return new SweepRunnerHandle((SweepRunner) runner, (AutoCloseable) runner);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Spark runner class is missing from this build", e);
        }
    }

    /** A runner together with what stops it (a Spark context). */
    public record SweepRunnerHandle(SweepRunner runner, AutoCloseable closer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                // Stopping Spark after the result is written must not turn a good run into an error.
            }
        }
    }
}
