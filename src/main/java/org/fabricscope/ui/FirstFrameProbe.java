package org.fabricscope.ui;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;
import org.fabricscope.ui.timeline.TimelineControl;

/**
 * For the start-up benchmark: with {@code -Dfabricscope.firstFrameProbe=true} the application
 * prints {@code fabricscope-first-frame-ms N} (milliseconds since the JVM started) once the
 * timeline has drawn its first frame of a trace, and exits. Without the property it does nothing.
 *
 * <p>"Drawn" is the end of the layout pass of the first pulse after the timeline became ready:
 * the timeline paints its canvas in that pass, and the frame goes to the screen in the same pulse.
 */
public final class FirstFrameProbe {
    /** The system property that turns the probe on. */
    public static final String PROPERTY = "fabricscope.firstFrameProbe";
    /** What the printed line starts with. */
    public static final String PREFIX = "fabricscope-first-frame-ms ";

    private FirstFrameProbe() {}

    /** Watches {@code timeline} in {@code scene} if the property is set. Call on the FX thread. */
    public static void installIfRequested(Scene scene, TimelineControl timeline) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        boolean[] armed = {timeline.isReady()};
        timeline.readyProperty().addListener((obs, was, now) -> armed[0] = now);
        scene.addPostLayoutPulseListener(() -> {
            if (armed[0] && timeline.isReady() && timeline.session().getTrace() != null) {
                long ms = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(PREFIX + ms);
                System.out.flush();
                // Straight out: no window state is saved, the user's preferences stay as they were.
                Runtime.getRuntime().halt(0);
            }
        });
    }
}
