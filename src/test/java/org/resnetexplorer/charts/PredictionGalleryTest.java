package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.data.Normalization;
import org.resnetexplorer.engine.Predictions;
import org.resnetexplorer.graph.Shape;

/** The prediction gallery: images as they were, errors marked in red, as many as fit the size and text. */
class PredictionGalleryTest {
    private static final List<ChartStyle> STYLES = List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST);

    /** Two 1x4x4 test images standardised with mean 0.5 and std 0.25: the first predicted right, the second wrong. */
    private static Dataset dataset() {
        Examples test = new Examples(Shape.image(1, 4, 4), 3, new float[32], new int[] {0, 1});
        return new Dataset("tiny", test, test, List.of("cat", "dog", "bird"),
                new Normalization(List.of(0.5), List.of(0.25)));
    }

    private static PredictionGallery.Page page() {
        Predictions p = Predictions.of("run", 7, 3, new int[] {0, 1}, new float[] {0.9f, 0.05f, 0.05f, 0.7f, 0.2f, 0.1f});
        return new PredictionGallery.Page("run", p, dataset(), -1, p.order(-1, false), 0);
    }

    @ParameterizedTest(name = "style {0}")
    @ValueSource(ints = {0, 1, 2})
    @DisplayName("the wrong prediction comes first, framed and crossed in red; the right one has no red")
    void errorsInRed(int styleIndex) {
        ChartStyle style = STYLES.get(styleIndex);
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        PredictionGallery.Layout layout = PredictionGallery.draw(g, page(), 1200, 800, style);
        g.dispose();
        assertThat(layout.shown()).as("errors first").containsExactly(1, 0);
        int wrongCell = reds(image, layout, 0, style);
        int rightCell = reds(image, layout, 1, style);
        assertThat(wrongCell).as("red pixels in the wrong prediction's cell").isGreaterThan(200);
        assertThat(rightCell).as("red pixels in the right prediction's cell").isZero();
        int x = layout.left() + layout.cellWidth() / 2;
        assertThat(layout.exampleAt(x, layout.top() + 5)).contains(1);
        assertThat(layout.exampleAt(x + layout.cellWidth(), layout.top() + 5)).contains(0);
        assertThat(layout.exampleAt(x + 2 * layout.cellWidth(), layout.top() + 5)).as("an empty cell").isEmpty();
    }

    private static int reds(BufferedImage image, PredictionGallery.Layout layout, int place, ChartStyle style) {
        int red = PredictionGallery.red(style).getRGB() & 0xFFFFFF;
        int count = 0;
        int x0 = layout.left() + place * layout.cellWidth();
        for (int x = x0; x < x0 + layout.cellWidth(); x++) {
            for (int y = layout.top() - 4; y < layout.top() + layout.cellHeight(); y++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == red ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    @DisplayName("an image shows as before standardisation: grey for one channel, colour for three")
    void imagesRestored() {
        assertThat(new Color(PredictionGallery.image(dataset(), 0).getRGB(1, 1))).as("stored 0 is raw 0.5")
                .isEqualTo(new Color(128, 128, 128));
        float[] rgb = {1, 0, 0};
        Examples colour = new Examples(Shape.image(3, 1, 1), 2, rgb, new int[] {0});
        Dataset d = new Dataset("rgb", colour, colour, List.of("a", "b"), Normalization.none());
        assertThat(new Color(PredictionGallery.image(d, 0).getRGB(0, 0))).isEqualTo(Color.RED);
    }

    @Test
    @DisplayName("6x4 images fit a chart at 1280x720, fewer with presentation-sized text, more in a 1200x800 export")
    void gridFitsTheText() {
        PredictionGallery.Grid window = PredictionGallery.grid(1000, 560, ChartStyle.LIGHT);
        PredictionGallery.Grid large = PredictionGallery.grid(1000, 560, ChartStyle.LIGHT.scaled(1.6, 1.6));
        PredictionGallery.Grid projector = PredictionGallery.grid(760, 480, ChartStyle.LIGHT.scaled(1.6, 1.6));
        assertThat(window.columns()).isGreaterThanOrEqualTo(6);
        assertThat(window.rows()).isGreaterThanOrEqualTo(4);
        assertThat(large.size()).isLessThan(window.size()).isGreaterThanOrEqualTo(6);
        assertThat(projector.size()).isGreaterThanOrEqualTo(4);
        assertThat(PredictionGallery.grid(1200, 800, ChartStyle.LIGHT).size()).isGreaterThanOrEqualTo(24);
    }

    @Test
    @DisplayName("a summary too long for the chart wraps at spaces, and Chinese, which has none, between characters")
    void summaryWraps() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        java.awt.FontMetrics fm = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        String english = "Dress: 17 of its 100 test images predicted wrong (17.0%), among the first 1,000: errors first";
        List<String> lines = PredictionGallery.wrap(fm, english, 200);
        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(fm.stringWidth(l)).isLessThanOrEqualTo(200));
        assertThat(String.join(" ", lines)).isEqualTo(english);
        String chinese = "前 1,000 张测试图像中预测错误 230 张（23.0%）：错误排在前面，以红色标出。每张图像上方是真实类别";
        List<String> cut = PredictionGallery.wrap(fm, chinese, 120);
        assertThat(cut).hasSizeGreaterThan(1).allSatisfy(l -> assertThat(fm.stringWidth(l)).isLessThanOrEqualTo(120));
        assertThat(String.join("", cut).replace(" ", "")).isEqualTo(chinese.replace(" ", ""));
        g.dispose();
    }
}
