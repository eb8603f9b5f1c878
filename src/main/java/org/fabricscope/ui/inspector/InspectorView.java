package org.fabricscope.ui.inspector;

import javafx.scene.layout.VBox;
import org.fabricscope.ui.session.TraceSession;

/** API CONTRACT STUB (panels helper replaces it): the selected block's metadata at the cursor. */
public class InspectorView extends VBox {
    public InspectorView(TraceSession session) {}
}
