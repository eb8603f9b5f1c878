package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.fabricscope.sim.ScenarioException;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.TraceFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fabricscope} command line: dispatches to one sub-command per task. */
@Command(
        name = "fabricscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Visual debugger and deterministic simulator for timing races in a storage fabric.",
            "With no command (or a trace file) the GUI starts; the commands below run headless."
        },
        subcommands = {
            ScenariosCommand.class,
            SimulateCommand.class,
            FindReproCommand.class,
            SoakCommand.class,
            AblationCommand.class,
            ValidateCommand.class,
            ExplainCommand.class,
            ExportChromeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FabricScopeCli implements Runnable {
    /** Exit code for a negative answer: no reproducer found, an invalid trace. */
    public static final int EXIT_NEGATIVE = 1;
    /** Exit code for bad usage or an error. */
    public static final int EXIT_ERROR = 2;

    private static final Set<String> COMMANDS =
            Set.of("scenarios", "simulate", "find-repro", "soak", "ablation", "validate", "export-chrome", "help");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** True if {@code word} names a sub-command (so the launcher does not take it for a file). */
    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured command line, writing to {@code out} and {@code err} (tests pass their own). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FabricScopeCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    commandLine.getErr().println("fabricscope: " + userMessage(ex));
                    commandLine.getErr().flush();
                    return EXIT_ERROR;
                });
        cl.setParameterExceptionHandler(
                (ex, args) -> {
                    CommandLine c = ex.getCommandLine();
                    c.getErr().println("fabricscope: " + ex.getMessage());
                    c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
                    c.getErr().flush();
                    return EXIT_ERROR;
                });
        return cl;
    }

    /** One line for the user: the exception's own message for the errors we expect. */
    static String userMessage(Throwable ex) {
        if (ex instanceof TraceFormatException
                || ex instanceof ScenarioException
                || ex instanceof UserException
                || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof CancelledException) {
            return "cancelled";
        }
        if (ex instanceof java.nio.file.NoSuchFileException e) {
            return e.getFile() + ": no such file";
        }
        if (ex instanceof java.nio.file.AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof java.io.IOException) {
            return "I/O error: " + ex.getMessage();
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory; run with a larger heap, e.g. java -Xmx8g -jar fabricscope.jar …";
        }
        return "internal error (" + ex.getClass().getSimpleName() + "): " + ex.getMessage()
                + " — please report it with the command you ran";
    }
}
