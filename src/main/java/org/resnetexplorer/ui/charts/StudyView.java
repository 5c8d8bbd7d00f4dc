package org.resnetexplorer.ui.charts;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import org.resnetexplorer.charts.StudyCharts;
import org.resnetexplorer.i18n.Texts;

/**
 * The pictures of the last study an experiment measured (a lesion study's bars, a loss landscape, ...), one at a
 * time: a chooser lists them when there are several. Each exports under the file name the command writes it as.
 */
final class StudyView extends ChartView {
    static final String TITLE = Texts.get("studyView.title");
    static final String PICTURE = Texts.get("studyView.picture");
    static final String PICTURE_TIP = Texts.get("studyView.picture.tip");
    static final String NONE = Texts.get("studyView.none");
    private static final String FILE = "study.png";

    final ComboBox<String> picture = new ComboBox<>();
    private List<StudyCharts.Picture> pictures = List.of();

    StudyView(ChartsPane pane) {
        super(pane, ChartKind.STUDY);
        picture.setId("study-picture");
        picture.setTooltip(new Tooltip(PICTURE_TIP));
        picture.valueProperty().addListener((o, a, b) -> changed());
        controls.getChildren().addAll(Choosers.labelFor(PICTURE, picture), picture);
        showPictureChooser();
    }

    /** Shows {@code shown} (the first of them), replacing what the tab showed. */
    void show(List<StudyCharts.Picture> shown) {
        pictures = List.copyOf(shown);
        picture.getItems().setAll(pictures.stream().map(StudyCharts.Picture::title).toList());
        picture.getSelectionModel().selectFirst();
        showPictureChooser();
        // the hint said "no study yet" when the runs last changed: a study shown since leaves it stale
        showEmptyHint(!store.hasSnapshots());
        changed();
    }

    private void showPictureChooser() {
        boolean several = pictures.size() > 1;
        controls.setVisible(several);
        controls.setManaged(several);
    }

    private StudyCharts.Picture chosen() {
        int at = picture.getSelectionModel().getSelectedIndex();
        return at >= 0 && at < pictures.size() ? pictures.get(at) : null;
    }

    @Override
    public String title() {
        StudyCharts.Picture p = chosen();
        return p == null ? TITLE : p.title();
    }

    @Override
    public String fileName() {
        StudyCharts.Picture p = chosen();
        return p == null ? FILE : p.file();
    }

    /** Its pictures come from a study, not from the runs' snapshots. */
    @Override
    boolean drawsSnapshots() {
        return false;
    }

    @Override
    boolean showsWithoutRuns() {
        return chosen() != null;
    }

    @Override
    String blankReason() {
        return chosen() == null ? NONE : null;
    }

    /** Nothing before a study has measured: "export all" writes no blank picture. */
    @Override
    List<Export> exports() {
        return chosen() == null ? List.of() : super.exports();
    }

    @Override
    Chart chart() {
        StudyCharts.Picture p = chosen();
        canvas.setAccessibleText(p == null ? null : p.title());
        return p == null ? PredictionsShown.BLANK : p.painter()::paint;
    }
}
