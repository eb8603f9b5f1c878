package org.fabricscope.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.fabricscope.sweep.spark.SparkRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers started as child
 * processes from the test class path (no Spark installation), a sweep run on it, and its CSV
 * compared with the local runner's.
 *
 * <p>Tagged {@code spark-cluster}, which {@code mvn verify} leaves out: it starts four JVMs (master,
 * two workers, their executors) besides the test, about a minute of two shared cores. It runs with
 * {@code ./mvnw -Pspark-cluster test -Dtest=SparkStandaloneClusterTest}.
 */
class SparkStandaloneClusterTest {
    @TempDir
    Path sparkHome;

    @Test
    @Tag("spark-cluster")
    void sweepOnAStandaloneMasterWithTwoWorkersGivesTheLocalRunnersCsv() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> flags =
                Arrays.asList(System.getProperty("spark.jvm.flags", "").trim().split("\\s+"));
        int port = freePort();
        int ui = freePort();
        List<Process> children = new ArrayList<>();
        try {
            children.add(start(
                    cp,
                    flags,
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--webui-port",
                    Integer.toString(ui)));
            for (int i = 0; i < 2; i++) {
                children.add(start(
                        cp,
                        flags,
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "1",
                        "--memory",
                        "1g",
                        "--webui-port",
                        Integer.toString(freePort()),
                        "spark://127.0.0.1:" + port));
            }
            SparkConf conf = new SparkConf()
                    .setMaster("spark://127.0.0.1:" + port)
                    .setAppName("fabricscope cluster test")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.executor.memory", "512m")
                    .set("spark.cores.max", "2")
                    // Spark's own completion signal instead of polling the master: jobs wait until
                    // both workers' cores have registered (the master and workers retry connecting
                    // while they start).
                    .set("spark.scheduler.minRegisteredResourcesRatio", "1.0")
                    .set("spark.scheduler.maxRegisteredResourcesWaitingTime", "300s")
                    .set("spark.executor.extraClassPath", cp)
                    .set("spark.executor.extraJavaOptions", String.join(" ", flags));
            SweepDefinition d = SweepEngineTest.jitterSweep();
            String expected = new LocalRunner(2).run(d, null).toCsv();
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                String onCluster = new SparkRunner(sc).run(d, null).toCsv();
                assertThat(onCluster).isEqualTo(expected);
                // Both workers took part: one executor each (the driver is not an executor here).
                assertThat(sc.sc().getExecutorIds().size()).as(logs()).isEqualTo(2);
            }
        } finally {
            for (Process p : children) {
                p.destroy();
            }
            for (Process p : children) {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    private Process start(String cp, List<String> flags, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(cp);
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_TESTING", "1"); // no jars/ folder: the class path comes from the driver
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_WORKER_DIR", sparkHome.resolve("work").toString());
        pb.redirectErrorStream(true).redirectOutput(logFile(main).toFile());
        return pb.start();
    }

    private Path logFile(String main) {
        return sparkHome.resolve(main.substring(main.lastIndexOf('.') + 1) + "-" + System.nanoTime() + ".log");
    }

    private String logs() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(sparkHome)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f);
                b.append('\n')
                        .append(f.getFileName())
                        .append(": ")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        }
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
