package org.fabricscope;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fabricscope.cli.FabricScopeCli;

/**
 * Entry point of {@code java -jar fabricscope.jar}. It does not extend {@code Application}, so the
 * jar starts on a plain class path, and headless commands never load the JavaFX toolkit.
 *
 * <ul>
 *   <li>no arguments: the GUI on the built-in default scenario;
 *   <li>one argument that is an existing file: the GUI with that trace open;
 *   <li>{@code TRACE --at STEP|TIME}: the GUI with that trace open at that moment ({@link LaunchArguments});
 *   <li>anything else: a headless command ({@code simulate}, {@code find-repro}, …, {@code --help}).
 * </ul>
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0
                && !FabricScopeCli.isCommand(args[0])
                && LaunchArguments.mentionsAt(java.util.Arrays.asList(args))) {
            // TRACE --at STEP|TIME: the window at a moment; a bad value is one line, before any window.
            try {
                LaunchArguments.parse(java.util.Arrays.asList(args));
            } catch (IllegalArgumentException e) {
                System.err.println("fabricscope: " + e.getMessage());
                System.exit(2);
                return;
            }
            GuiStarter.start(args);
            return;
        }
        if (args.length == 0 || (args.length == 1 && looksLikeTraceFile(args[0]))) {
            String noDisplay = noDisplayReason(
                    System.getenv(),
                    System.getProperty("os.name", ""),
                    System.getProperty("glass.platform"),
                    System.getProperty("monocle.platform"));
            if (noDisplay != null) {
                System.err.println("fabricscope: " + noDisplay);
                System.exit(FabricScopeCli.EXIT_ERROR);
            }
            try {
                GuiStarter.start(args);
            } catch (RuntimeException | Error e) {
                // The toolkit could not start (no usable display, missing libraries): one line.
                System.err.println("fabricscope: the window cannot start: "
                        + org.fabricscope.trace.PrintableText.of(String.valueOf(e.getMessage())) + "; "
                        + HEADLESS_HINT);
                System.exit(FabricScopeCli.EXIT_ERROR);
            }
            return;
        }
        System.exit(FabricScopeCli.run(args));
    }

    /** Lists the commands from the CLI itself, so that a new command is never missing here. */
    static final String HEADLESS_HINT = "the headless commands need none: "
            + String.join(", ", FabricScopeCli.commandNames()) + " (java -jar fabricscope.jar --help)";

    /**
     * Why the window cannot open here, or {@code null} if it can: on Linux and other X11/Wayland
     * systems the window needs {@code DISPLAY} or {@code WAYLAND_DISPLAY} (unless a headless
     * Monocle platform is chosen); macOS and Windows always have a display.
     */
    static String noDisplayReason(
            java.util.Map<String, String> env, String osName, String glassPlatform, String monoclePlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            return null;
        }
        if ("monocle".equalsIgnoreCase(glassPlatform) || "headless".equalsIgnoreCase(monoclePlatform)) {
            return null;
        }
        if (nonEmpty(env.get("DISPLAY")) || nonEmpty(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; " + HEADLESS_HINT;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** Passes every log record but JavaFX's warning about running from a class path. */
    static final java.util.logging.Filter WITHOUT_CLASS_PATH_WARNING =
            r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration");

    private static boolean looksLikeTraceFile(String arg) {
        if (arg.startsWith("-") || FabricScopeCli.isCommand(arg)) {
            return false;
        }
        return Files.isRegularFile(Path.of(arg)) || arg.endsWith(".jsonl");
    }

    /** Kept in its own class so that JavaFX classes load only when the GUI starts. */
    private static final class GuiStarter {
        /**
         * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
         * whenever it runs from a class path, as a single executable jar must. The configuration
         * works (it is the one every test runs), and a warning the user can do nothing about only
         * alarms them, so that one message is filtered out of JavaFX's "javafx" logger; every other
         * JavaFX message still shows. Held here: the logging framework keeps only weak references
         * to loggers, and a collected logger forgets its filter.
         */
        private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

        static void start(String[] args) {
            JAVAFX_LOG.setFilter(WITHOUT_CLASS_PATH_WARNING);
            org.fabricscope.ui.FabricScopeApp.main(args);
        }
    }
}
