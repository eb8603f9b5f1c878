package org.fabricscope.ui.replay;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ToolBar;
import org.fabricscope.ui.session.TraceSession;

/**
 * API CONTRACT STUB (panels helper replaces it): the replay toolbar (step, next/previous
 * transition, check, FPRE004, start/end, go to, play/pause, speed, breakpoints).
 */
public class ReplayControlsView extends ToolBar {
    public ReplayControlsView(TraceSession session) {}

    /** Installs this view's keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {}

    /** The shortcuts this view installs, for Help ▸ Keys: each "KEY — action". */
    public List<String> shortcutDescriptions() {
        return List.of();
    }
}
