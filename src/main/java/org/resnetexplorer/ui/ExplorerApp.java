package org.resnetexplorer.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the {@link ModelBrowser}. */
public final class ExplorerApp extends Application {
    static final String TITLE = "ResNet Explorer";

    /** Opens the app and returns when its last window closes. */
    public static void open(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new ModelBrowser(), 1100, 720));
        stage.show();
    }
}
