package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fabricscope.sweep.SparkSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} as a script sees it: CSV on standard output or in a file, one-line errors. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int run(String... args) {
        return FabricScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), stdout)
                .execute(args);
    }

    private static final String[] SMALL = {
        "sweep", "--vary", "ackJitterMicrosMax=0,7.3ms", "--patch", "none", "--attempts", "3", "--threads", "2"
    };

    @Test
    void sweepPrintsOneCsvRowPerCellWithTheAxisInItsCanonicalUnit() {
        assertThat(run(SMALL)).isZero();
        String csv = stdout.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).startsWith("cell,ackJitterMicrosMax,patch,attempts,attempts_with_fpre004,fpre004_rate,");
        assertThat(csv.lines().toList().get(2)).startsWith("1,7300,none,3,");
        assertThat(err.toString()).contains("sweep: 2 cells");
    }

    @Test
    void sweepFileAndOutFileGiveTheSameCsvAsTheOptions() throws Exception {
        Path def = tmp.resolve("s.json");
        Path csv = tmp.resolve("r.csv");
        String[] withSave = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        withSave[SMALL.length] = "--save-definition";
        withSave[SMALL.length + 1] = def.toString();
        assertThat(run(withSave)).isZero();
        String fromOptions = stdout.toString(StandardCharsets.UTF_8);
        assertThat(run("sweep", "--file", def.toString(), "--out", csv.toString(), "--threads", "1"))
                .isZero();
        assertThat(Files.readString(csv)).isEqualTo(fromOptions);
        assertThat(run("sweep", "--file", def.toString(), "--out", csv.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("file exists; use --force");
    }

    @Test
    void outAndSaveDefinitionNamingOneFileAreRefusedBeforeAnythingIsWritten() {
        Path same = tmp.resolve("same.json");
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 4);
        args[SMALL.length] = "--out";
        args[SMALL.length + 1] = same.toString();
        args[SMALL.length + 2] = "--save-definition";
        args[SMALL.length + 3] = tmp.resolve(".").resolve("same.json").toString();
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("--out and --save-definition name the same file");
        assertThat(same).doesNotExist();
    }

    @Test
    void theResultFileIsReadableByOthersLikeATrace() throws Exception {
        Path csv = tmp.resolve("r.csv");
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
        args[SMALL.length] = "--out";
        args[SMALL.length + 1] = csv.toString();
        assertThat(run(args)).as(err.toString()).isZero();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                csv.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void badSweepsFailWithOneLineNamingTheProblem() {
        assertOneLineError(
                new String[] {"sweep", "--vary", "ackJiterMicrosMax=0,1"}, "did you mean 'ackJitterMicrosMax'");
        assertOneLineError(new String[] {"sweep", "--reads", "5", "--attempts", "5"}, "--reads or --attempts");
        assertOneLineError(new String[] {"sweep", "--patch", "none,bogus"}, "bogus");
        assertOneLineError(new String[] {"sweep", "--runner", "cloud"}, "--runner must be local or spark");
        assertOneLineError(new String[] {"sweep", "--master", "local[2]"}, "--master is for --runner spark");
        assertOneLineError(
                new String[] {"sweep", "--file", tmp.resolve("none.json").toString()}, "none.json: no such file");
        assertOneLineError(
                new String[] {"sweep", "--file", "x.json", "--vary", "readBurstSize=4"}, "--file holds the whole");
        assertOneLineError(new String[] {"sweep", "--vary", "readBurstSize=1..2:5"}, "appears twice");
    }

    private void assertOneLineError(String[] args, String expected) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains(expected);
        assertThat(err.toString()
                        .lines()
                        .filter(l -> l.startsWith("fabricscope:"))
                        .count())
                .isEqualTo(1);
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void withoutSparkOnTheClassPathTheSparkRunnerIsExplainedInOneLine() {
        assertThat(SparkSupport.HOW_TO_RUN.lines().count()).isEqualTo(1);
        assertThat(SparkSupport.HOW_TO_RUN)
                .contains("spark-submit --class org.fabricscope.Launcher")
                .contains("-Pspark compile exec:exec");
    }

    @Test
    void sparkRunnerInAJvmWithoutSparkPrintsOneLineSayingHowToRunIt() throws Exception {
        // The test class path minus Spark and Scala: what java -jar fabricscope.jar has.
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new java.util.ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            if (!e.contains("/org/apache/spark/") && !e.contains("/org/scala-lang/")) {
                kept.add(e);
            }
        }
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        String.join(java.io.File.pathSeparator, kept),
                        "org.fabricscope.Launcher",
                        "sweep",
                        "--runner",
                        "spark",
                        "--attempts",
                        "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(output.lines().toList()).containsExactly("fabricscope: " + SparkSupport.HOW_TO_RUN);
    }
}
