package org.fabricscope.ui.eventlog;

import javafx.scene.layout.VBox;
import org.fabricscope.ui.session.TraceSession;

/** API CONTRACT STUB (panels helper replaces it): the virtualized, filterable event table. */
public class EventLogView extends VBox {
    public EventLogView(TraceSession session) {}
}
