package org.fabricscope.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** API CONTRACT STUB: the GUI shell helper replaces this. Arguments: optional trace file path. */
public class FabricScopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }

    public static void main(String[] args) {
        launch(FabricScopeApp.class, args);
    }
}
