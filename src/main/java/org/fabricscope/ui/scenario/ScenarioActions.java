package org.fabricscope.ui.scenario;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** What the scenario panel asks the main window to do with a valid request. */
public interface ScenarioActions {
    /** True while a background command runs; the panel's Run and Find wait for it. */
    ReadOnlyBooleanProperty busyProperty();

    /** Runs the request's attempt and opens its trace. */
    void run(RunRequest request);

    /** Searches up to {@code maxAttempts} attempts for FPRE004 and opens the one that hits it. */
    void findReproducer(RunRequest request, int maxAttempts);
}
