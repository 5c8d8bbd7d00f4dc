package org.resnetexplorer.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.data.Normalization;
import org.resnetexplorer.engine.BlockMaps;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** The feature maps of a block and the first filters as pictures, in every style. */
class FeatureMapPictureTest {
    private static final Shape.Image IMAGE = (Shape.Image) Shape.image(3, 8, 8);
    private static final Network RESNET = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(IMAGE)
            .withWidth(4));

    private static NetworkState state(Network network) throws EngineException {
        org.resnetexplorer.engine.Nd4jRuntime.start();
        return CompiledNetwork.compile(network, org.nd4j.linalg.api.buffer.DataType.FLOAT, 5).state("run", 40);
    }

    private static TestImage image() {
        Random random = new Random(2);
        float[] values = new float[3 * 64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new TestImage(5, "Trouser", IMAGE, values, Normalization.none());
    }

    private static FeatureMapPicture.Content content(boolean twin) throws EngineException {
        TestImage image = image();
        BlockMaps resnet = BlockMaps.of(NetworkProbe.of(state(RESNET)), image.values()).get(2);
        if (!twin) {
            return new FeatureMapPicture.Content(image, 40, List.of(new FeatureMapPicture.Panel("#1 resnet", 3, resnet)));
        }
        BlockMaps plain = BlockMaps.of(NetworkProbe.of(state(RESNET.withAllShortcuts(false))), image.values()).get(2);
        return new FeatureMapPicture.Content(image, 40, List.of(new FeatureMapPicture.Panel("#1 resnet", 3, resnet),
                new FeatureMapPicture.Panel("#1 plain twin", 3, plain)));
    }

    private static FeatureMapPicture.Layout draw(FeatureMapPicture.Content content, int width, int height,
            ChartStyle style, BufferedImage[] painted) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            painted[0] = image;
            return FeatureMapPicture.draw(g, content, width, height, style);
        } finally {
            g.dispose();
        }
    }

    @Test
    @DisplayName("a residual block draws three rows, x, F(x) and x + F(x), of the same channels; its plain twin two below")
    void rows() throws EngineException {
        BufferedImage[] painted = new BufferedImage[1];
        FeatureMapPicture.Layout layout = draw(content(true), 1200, 800, ChartStyle.LIGHT, painted);
        assertThat(layout.rows()).extracting(FeatureMapPicture.Row::name)
                .containsExactly("x", "F(x)", "x + F(x)", "Block input", "Layer output");
        assertThat(layout.rows()).extracting(FeatureMapPicture.Row::run)
                .containsExactly("#1 resnet", "#1 resnet", "#1 resnet", "#1 plain twin", "#1 plain twin");
        List<Integer> channels = layout.rows().get(2).channels();
        assertThat(channels).hasSize(FeatureMapPicture.MOST_CHANNELS);
        assertThat(layout.rows().get(0).channels()).isEqualTo(channels);
        assertThat(layout.rows().get(1).channels()).isEqualTo(channels);
        assertThat(layout.rows().get(2).map().channels()).as("block 3 has 16 channels, 8 show").isEqualTo(16);
        assertThat(layout.rows().get(3).map().channels()).as("the plain block's input has 8 channels only").isEqualTo(8);
        assertThat(layout.tiles()).hasSize(5 * 8);
        double largest = 0;
        long shown = 0;
        long within = 0;
        for (FeatureMapPicture.Row row : layout.rows()) {
            for (int channel : row.channels()) {
                for (int y = 0; y < row.map().height(); y++) {
                    for (int x = 0; x < row.map().width(); x++) {
                        shown++;
                        largest = Math.max(largest, Math.abs(row.map().value(channel, y, x)));
                        within += Math.abs(row.map().value(channel, y, x)) <= layout.scaleLimit() ? 1 : 0;
                    }
                }
            }
        }
        assertThat(layout.scaleLimit()).as("one colour scale for every row, its ends the 99th percentile")
                .isPositive().isLessThanOrEqualTo(largest);
        assertThat((double) within / shown).isBetween(0.98, 0.995);
        FeatureMapPicture.Tile first = layout.tiles().get(0);
        assertThat(layout.describeAt(first.x() + 1, first.y() + 1)).hasValueSatisfying(text ->
                assertThat(text).contains("#1 resnet").contains("x").contains("channel " + channels.get(0)));
        assertThat(Pixels.count(painted[0], Color.WHITE)).as("background").isPositive();
    }

    @Test
    @DisplayName("the maps show both signs in blue and red, and readable tiles, in every style")
    void everyStyle() throws EngineException {
        FeatureMapPicture.Content content = content(false);
        for (ChartStyle style : List.of(ChartStyle.LIGHT, ChartStyle.DARK, ChartStyle.HIGH_CONTRAST,
                ChartStyle.HIGH_CONTRAST.scaled(2, 2))) {
            BufferedImage[] painted = new BufferedImage[1];
            FeatureMapPicture.Layout layout = draw(content, 1024, 420, style, painted);
            assertThat(layout.rows()).as("%s", style).hasSize(3);
            FeatureMapPicture.Tile tile = layout.tiles().get(0);
            assertThat(tile.size()).as("tiles readable at %s", style).isGreaterThanOrEqualTo(FeatureMapPicture.SMALLEST_TILE);
            assertThat(tile.x() + layout.tiles().size() / 3 * tile.size()).as("tiles within the width").isLessThan(1024);
            int reddish = 0;
            int bluish = 0;
            for (FeatureMapPicture.Tile t : layout.tiles()) {
                for (int y = t.y() + 1; y < t.y() + t.size(); y += 2) {
                    for (int x = t.x() + 1; x < t.x() + t.size(); x += 2) {
                        Color c = new Color(painted[0].getRGB(x, y));
                        reddish += c.getRed() > c.getBlue() + 40 ? 1 : 0;
                        bluish += c.getBlue() > c.getRed() + 40 ? 1 : 0;
                    }
                }
            }
            assertThat(reddish).as("positive values at %s", style).isPositive();
            assertThat(bluish).as("negative values at %s", style).isPositive();
        }
        assertThat(DivergingScale.colour(0)).isEqualTo(DivergingScale.ZERO);
    }

    @Test
    @DisplayName("presentation text leaves fewer but readable tiles in a small chart")
    void presentationMode() throws EngineException {
        BufferedImage[] painted = new BufferedImage[1];
        FeatureMapPicture.Layout layout = draw(content(true), 700, 420, ChartStyle.LIGHT.scaled(2, 2), painted);
        assertThat(layout.rows()).hasSize(5);
        assertThat(layout.rows().get(0).channels().size()).isBetween(1, FeatureMapPicture.MOST_CHANNELS - 1);
    }

    @Test
    @DisplayName("the first filters: RGB over three input channels, each scaled so its largest weight is full strength")
    void filters() throws EngineException {
        NetworkState state = state(RESNET);
        FilterPicture.Panel panel = FilterPicture.of("#1 resnet", state).orElseThrow();
        assertThat(panel.node()).isEqualTo("conv1");
        assertThat(panel.weights().shape()).containsExactly(4, 3, 3, 3);
        BufferedImage filter = FilterPicture.filter(panel.weights(), 2);
        assertThat(filter.getWidth()).isEqualTo(3);
        float[] w = panel.weights().values();
        int largest = 2 * 27;
        for (int i = 2 * 27; i < 3 * 27; i++) {
            largest = Math.abs(w[i]) > Math.abs(w[largest]) ? i : largest;
        }
        int channel = (largest - 2 * 27) / 9;
        int at = (largest - 2 * 27) % 9;
        int level = new Color(filter.getRGB(at % 3, at / 3)).getRGB() >> (16 - 8 * channel) & 0xFF;
        assertThat(level).as("the largest weight is full strength").isEqualTo(w[largest] > 0 ? 255 : 0);

        Network grey = Templates.build("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(1, 8, 8))
                .withWidth(4));
        BufferedImage one = FilterPicture.filter(FilterPicture.of("g", state(grey)).orElseThrow().weights(), 0);
        Color c = new Color(one.getRGB(1, 1));
        assertThat(c.getRed()).as("grey for one input channel").isEqualTo(c.getGreen()).isEqualTo(c.getBlue());

        BufferedImage[] painted = new BufferedImage[1];
        BufferedImage image = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        FilterPicture.Layout layout = FilterPicture.draw(g, List.of(panel, panel), 900, 500, ChartStyle.DARK);
        g.dispose();
        painted[0] = image;
        assertThat(layout.tiles()).hasSize(8);
        assertThat(layout.describeAt(layout.tiles().get(5).x() + 2, layout.tiles().get(5).y() + 2)).contains("#1 resnet\nfilter 1");
        assertThat(FilterPicture.of("mlp", state(Templates.build("mlp-resnet-8", TemplateOptions.defaults()
                .withInput(Shape.flat(2)))))).as("no convolution, no filters").isEmpty();
    }
}
