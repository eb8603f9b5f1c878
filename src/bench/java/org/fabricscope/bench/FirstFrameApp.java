package org.fabricscope.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fabricscope.ui.FabricScopeApp;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * The child JVM of {@link StartupFigure}: the application as the user starts it (no arguments, so it
 * finds and opens the default scenario's reproducer), watched from outside. Once the timeline has
 * drawn its first frame of a trace it prints {@link #PREFIX} and the milliseconds since the JVM
 * started, and exits.
 *
 * <p>"Drawn" is the end of the layout pass of the first pulse in which the timeline is ready with a
 * trace: the timeline paints its canvas in that pass, and the frame goes to the screen in the same
 * pulse.
 */
public final class FirstFrameApp extends FabricScopeApp {
    /** What the printed line starts with. */
    static final String PREFIX = "fabricscope-first-frame-ms ";

    /**
     * The child's main class is this nested one, not the application: Java's launcher refuses to
     * start an {@code Application} subclass from a class path ("JavaFX runtime components are
     * missing").
     */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            FrameBench.configureHeadless();
            Application.launch(FirstFrameApp.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        super.start(stage);
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(() -> {
            TimelineControl timeline = find(scene.getRoot());
            if (timeline != null && timeline.isReady() && timeline.session().getTrace() != null) {
                long ms = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(PREFIX + ms);
                System.out.flush();
                // Straight out, skipping the application's stop(): the window state it would save
                // is the benchmark's, not the user's.
                Runtime.getRuntime().halt(0);
            }
        });
    }

    private static TimelineControl find(Node node) {
        if (node instanceof TimelineControl t) {
            return t;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                TimelineControl t = find(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
