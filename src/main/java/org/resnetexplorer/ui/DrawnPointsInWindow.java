package org.resnetexplorer.ui;

import java.util.function.Consumer;
import org.resnetexplorer.data.DrawnData;
import org.resnetexplorer.graph.DrawnPoints;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.charts.Drawing;
import org.resnetexplorer.ui.dialogs.FileDialogs;
import org.resnetexplorer.ui.document.Document;
import org.resnetexplorer.ui.training.TrainingController;
import org.resnetexplorer.ui.training.TrainingPanel;

/**
 * Connects the points a student draws in the charts to the rest of the window: the document holds them (each
 * change an undoable edit, saved with the graph), the Training panel shows how many there are under the dataset
 * {@value DrawnData#NAME}, switching drawing on makes them the dataset, and a run of that dataset trains on them
 * as they are when it starts. Use on the FX thread.
 */
final class DrawnPointsInWindow {
    static final String TRAINING_ON_CUSTOM = Texts.get("drawnPointsInWindow.custom.chosen");

    private DrawnPointsInWindow() {
    }

    static void connect(Document document, TrainingPanel panel, TrainingController training, Drawing drawing,
            FileDialogs files, Consumer<String> tell) {
        drawing.setEditor((name, next) -> document.edit(name, document.state().withPoints(next)));
        drawing.setOnMessage(tell);
        drawing.setFiles(files::openPoints, files::savePoints);
        drawing.setOnStart(() -> {
            if (!DrawnData.NAME.equals(panel.datasetProperty().get())) {
                // said first: the graph's fit to the points, or why it cannot read them, is the newer news
                tell.accept(String.format(TRAINING_ON_CUSTOM, DrawnData.NAME));
                panel.chooseDataset(DrawnData.NAME);
            }
        });
        training.setDrawnPoints(() -> document.state().points());
        Consumer<DrawnPoints> show = points -> {
            drawing.show(points);
            panel.showDrawnPoints(points);
        };
        document.stateProperty().addListener((o, was, now) -> {
            if (was == null || !was.points().equals(now.points())) {
                show.accept(now.points());
            }
        });
        show.accept(document.state().points());
    }
}
