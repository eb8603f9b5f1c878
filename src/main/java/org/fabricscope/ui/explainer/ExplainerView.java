package org.fabricscope.ui.explainer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.VBox;
import org.fabricscope.ui.session.TraceSession;

/** API CONTRACT STUB (panels helper replaces it): the FPRE004 wrong-order explainer. */
public class ExplainerView extends VBox {
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");

    public ExplainerView(TraceSession session) {}

    /** True while the cursor is on an FPRE004; the main window then brings the explainer forward. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
