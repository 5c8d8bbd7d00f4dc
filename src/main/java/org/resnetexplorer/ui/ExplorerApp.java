package org.resnetexplorer.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.resnetexplorer.engine.Nd4jRuntime;
import org.resnetexplorer.ui.diagnostics.FrameStatistics;
import org.resnetexplorer.ui.diagnostics.WarmUp;
import org.resnetexplorer.ui.work.BackgroundWork;

/** The JavaFX application: one {@link MainWindow}. */
public final class ExplorerApp extends Application {
    static final String TITLE = "ResNet Explorer";

    /** Opens the app and returns when its last window closes. */
    public static void open(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }

    /**
     * ND4J takes seconds to load: load it in the background as soon as the window is up (not before: on two cores
     * it would slow the window's own start), so the first training step is quick.
     */
    private static void warmUpEngine(BackgroundWork work) {
        work.start("nd4j-warm-up", () -> {
            try {
                Nd4jRuntime.start();
            } catch (IllegalStateException e) {
                // nothing to show yet: a training run reports the same problem when the user starts one
            }
        });
    }

    @Override
    public void start(Stage stage) {
        // first the settings, which apply the saved language; only then may MainWindow's texts load (a
        // "new MainWindow(stage, WindowConfig.fromSystemProperties())" would load them before its argument)
        WindowConfig config = WindowConfig.fromSystemProperties();
        MainWindow window = new MainWindow(stage, config);
        window.show();
        StartOptions.fromSystemProperties().ifPresent(window::open);
        StartOptions.experiment().ifPresent(window.experiments()::openBundled);
        StartOptions.chart().flatMap(id -> window.charts().charts().stream().filter(v -> v.kind().id().equals(id))
                .findFirst()).ifPresent(window.charts()::select);
        Runnable warmedUp = () -> { };
        if (FrameStatistics.wanted()) {
            FrameStatistics statistics = FrameStatistics.attach(stage, window.charts(), window.training().activeProperty(),
                    config.work());
            warmedUp = statistics::warmUpDone;
        }
        javafx.application.Platform.runLater(() -> warmUpEngine(config.work()));
        // then the window's own first run, off-screen, so that pressing Run does not stutter (WarmUp)
        window.warmUpWhileIdle(Integer.getInteger(WarmUp.ROUNDS_PROPERTY, WarmUp.ROUNDS), warmedUp);
    }
}
