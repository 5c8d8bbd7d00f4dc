package org.resnetexplorer.charts;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Normalization;
import org.resnetexplorer.graph.Shape;

/**
 * One test image of a dataset as the network saw it (standardised values) and as a person sees it: its index
 * among the test examples, its class's name, and a picture of it with the standardisation undone.
 *
 * @param index  its place among the dataset's test examples, from 0
 * @param label  the name of its class
 * @param shape  channels x height x width
 * @param values its standardised values, in the network's input layout
 */
public record TestImage(int index, String label, Shape.Image shape, float[] values, Normalization normalization) {
    public TestImage {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(normalization, "normalization");
    }

    /**
     * Test image {@code index} of an image dataset.
     *
     * @throws IllegalArgumentException if the dataset is not of images or has no such test example
     */
    public static TestImage of(Dataset dataset, int index) {
        if (!(dataset.shape() instanceof Shape.Image image)) {
            throw new IllegalArgumentException(dataset.name() + " holds no images");
        }
        return new TestImage(index, dataset.classNames().get(dataset.test().label(index)), image,
                dataset.test().example(index), dataset.normalization());
    }

    /**
     * The image as a person sees it, as it looked before standardisation: colour for three channels, grey otherwise
     * (for another number than three, its first channel), values clamped to [0, 1].
     */
    public BufferedImage picture() {
        int h = shape.height();
        int w = shape.width();
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int area = h * w;
        for (int i = 0; i < area; i++) {
            int r = level(0, i);
            int rgb = shape.channels() == 3 ? r << 16 | level(1, i) << 8 | level(2, i) : r << 16 | r << 8 | r;
            picture.setRGB(i % w, i / w, rgb);
        }
        return picture;
    }

    private int level(int channel, int position) {
        double raw = normalization.restore(channel, values[channel * shape.height() * shape.width() + position]);
        return (int) Math.round(Math.max(0, Math.min(1, raw)) * 255);
    }
}
