package org.fabricscope.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.fabricscope.present.OperatingErrors;
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
            SweepCommand.class,
            ValidateCommand.class,
            ExplainCommand.class,
            DiffCommand.class,
            ExportChromeCommand.class,
            ShrinkCommand.class,
            ExploreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FabricScopeCli implements Runnable {
    /** Exit code for a negative answer: no reproducer found, an invalid trace. */
    public static final int EXIT_NEGATIVE = 1;
    /** Exit code for bad usage or an error. */
    public static final int EXIT_ERROR = 2;
    /** Exit code for a bug: a broken assertion or an unexpected exception, reported with its stack trace. */
    public static final int EXIT_BUG = 3;

    private static final Set<String> COMMANDS = Set.of(
            "scenarios", "simulate", "find-repro", "soak", "ablation", "sweep", "validate", "export-chrome", "help");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Standard output as bytes, for {@code --out -}; the commands' text goes to the writers. */
    private java.io.OutputStream stdout = System.out;

    /** The byte stream behind {@code --out -} of the command {@code sub} belongs to. */
    static java.io.OutputStream stdout(CommandLine.Model.CommandSpec sub) {
        for (CommandLine.Model.CommandSpec c = sub; c != null; c = c.parent()) {
            if (c.userObject() instanceof FabricScopeCli cli) {
                return cli.stdout;
            }
        }
        return System.out;
    }

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
        PrintWriter err = new PrintWriter(System.err, true);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            // A worker thread's error: one line (a bug adds its report); out of memory ends the run.
            report(e, err);
            if (isOutOfMemory(e)) {
                Runtime.getRuntime().halt(EXIT_ERROR);
            }
        });
        return execute(commandLine(new PrintWriter(System.out, true), err, System.out), err, args);
    }

    /**
     * Runs {@code cl}, turning an {@link Error} that escapes picocli (it passes errors through,
     * out of memory included) into one line on {@code err} and exit code 2.
     */
    static int execute(CommandLine cl, PrintWriter err, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            err.println("fabricscope: " + userMessage(e));
            err.flush();
            return EXIT_ERROR;
        } catch (AssertionError e) {
            // A model assertion (picocli passes errors through): a bug, crashed with a report.
            return report(e, err);
        }
    }

    private static boolean isOutOfMemory(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The configured command line, writing to {@code out} and {@code err} (tests pass their own). */
    /** The headless commands' names, in the order {@code --help} lists them ({@code help} left out). */
    public static java.util.List<String> commandNames() {
        PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
        java.util.List<String> names = new java.util.ArrayList<>(
                commandLine(none, none).getSubcommands().keySet());
        names.remove("help");
        return names;
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System.out);
    }

    /**
     * The configured command line; {@code stdout} receives the bytes of {@code --out -}. Both
     * writers pass through {@link TerminalSafeWriter}, so no text taken from input can reach the
     * terminal as a control sequence.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.io.OutputStream stdout) {
        FabricScopeCli root = new FabricScopeCli();
        root.stdout = stdout;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(new TerminalSafeWriter(out), true));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr()
                    .println("fabricscope: " + org.fabricscope.trace.PrintableText.of(String.valueOf(ex.getMessage())));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return EXIT_ERROR;
        });
        return cl;
    }

    /** One line for the user: {@link OperatingErrors#line}, the mapping the GUI uses too. */
    static String userMessage(Throwable ex) {
        return OperatingErrors.line(ex);
    }

    /**
     * Reports {@code ex} on {@code err} and returns the exit code: an operating error is one line and
     * {@link #EXIT_ERROR}; a bug is its line, its stack trace as the report, and {@link #EXIT_BUG}.
     */
    static int report(Throwable ex, PrintWriter err) {
        String line = org.fabricscope.trace.PrintableText.of(userMessage(ex));
        err.println("fabricscope: " + line);
        if (OperatingErrors.isOperating(ex)) {
            err.flush();
            return EXIT_ERROR;
        }
        err.println("fabricscope: report:");
        ex.printStackTrace(err);
        err.flush();
        return EXIT_BUG;
    }
}
