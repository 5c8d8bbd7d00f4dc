package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.engine.BlockSurgery;
import org.resnetexplorer.engine.BlockSurgery.Insertion;
import org.resnetexplorer.engine.BlockSurgery.Position;

/** The insert-block study's picture: one PNG of the findings, bars and curves in the run colours of every style. */
class InsertBlockChartTest {
    private static final BlockSurgery.Findings FINDINGS = new BlockSurgery.Findings("resnet", 0.03, List.of(
            insertion(true, Position.MIDDLE, 0.03), insertion(true, Position.END, 0.03),
            insertion(false, Position.MIDDLE, 0.6), insertion(false, Position.END, 0.5)));

    private static Insertion insertion(boolean residual, Position position, double after) {
        return new Insertion(residual, position, "block5", "block2.relu2", after, new int[] {0, 25, 50},
                new double[] {after, after / 2, 0.03}, null);
    }

    @Test
    @DisplayName("the study's findings give one picture, insert-block.png")
    void onePicture() {
        List<StudyCharts.Picture> pictures = StudyCharts.of(List.of(FINDINGS));
        assertThat(pictures).extracting(StudyCharts.Picture::file).containsExactly("insert-block.png");
    }

    @Test
    @DisplayName("residual and plain insertions are painted in their run colours in every style, presentation too")
    void coloursInEveryStyle() {
        StudyCharts.Picture picture = StudyCharts.of(List.of(FINDINGS)).get(0);
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST.scaled(1.6, 2))) {
            BufferedImage image = picture.render(1200, 800, 1, style);
            Color residual = style.line(Palette.run(0));
            Color plain = style.line(Palette.run(1));
            assertThat(Pixels.count(image, residual)).as("residual bars and curves in %s", style).isGreaterThan(1000);
            assertThat(Pixels.count(image, plain)).as("plain bars and curves in %s", style)
                    .isGreaterThan(Pixels.count(image, residual));
        }
    }

    @Test
    @DisplayName("in the Study tab at 1024x768 (a 470x270 chart), and maximised in presentation mode there, the bars"
            + " still show: their names go above them when the panel is too narrow for them beside")
    void narrowPanelKeepsItsBars() {
        StudyCharts.Picture picture = StudyCharts.of(List.of(FINDINGS)).get(0);
        record Case(ChartStyle style, int width, int height) {
        }
        for (Case c : List.of(new Case(ChartStyle.LIGHT, 470, 270), new Case(ChartStyle.HIGH_CONTRAST.scaled(1.6, 2),
                1000, 560))) {
            BufferedImage image = picture.render(c.width(), c.height(), 1, c.style());
            BufferedImage bars = image.getSubimage(0, 0, c.width() * 2 / 5, c.height());
            assertThat(Pixels.count(bars, c.style().line(Palette.run(1)))).as("plain bars in %s", c)
                    .isGreaterThan(150);
        }
    }

    @Test
    @DisplayName("the curves start at step 0 with the error right after each insertion, beside the trained net's line;"
            + " four legend entries say it")
    void curves() {
        LinePlot plot = new InsertBlockChart(FINDINGS).curves(ChartStyle.LIGHT);
        assertThat(plot.lines()).hasSize(5);
        assertThat(plot.lines().get(2).series().yAt(0)).isEqualTo(0.6);
        assertThat(plot.lines().get(2).series().xAt(0)).isZero();
        assertThat(plot.lines().get(3).dashed()).as("plain end").isTrue();
        assertThat(plot.lines().get(4).dashed()).as("the trained net's reference").isFalse();
        assertThat(plot.legendEntries()).hasSize(4);
        assertThat(plot.lines().get(4).series().y()).containsExactly(0.03, 0.03);
    }
}
