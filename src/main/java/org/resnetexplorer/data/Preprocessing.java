package org.resnetexplorer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * From raw images to a dataset: pick the requested number of examples (stratified, seeded), scale pixels to
 * [0, 1], optionally halve the resolution by 2x2 averaging, then standardise each channel with the mean and
 * standard deviation of the training split. Also the per-column standardisation of CSV features.
 */
final class Preprocessing {
    private Preprocessing() {
    }

    static Dataset images(String dataset, RawImages train, RawImages test, List<String> classNames,
            DatasetOptions options, long seed) throws DatasetException {
        if (!train.shape().equals(test.shape())) {
            throw new DatasetException(dataset, test.origin(), Texts.format("preprocessing.shapes",
                    test.origin(), test.shape(), train.origin(), train.shape()));
        }
        int classes = classNames.size();
        int[] trainPick = pick(dataset, train, classes, options.trainSize(), Texts.get("preprocessing.split.training"), Sampling.derive(seed, 3));
        int[] testPick = pick(dataset, test, classes, options.testSize(), Texts.get("preprocessing.split.test"), Sampling.derive(seed, 4));
        DatasetMemory.require(dataset, trainPick.length, testPick.length, train.shape().elementCount());
        Examples tr = convert(train, classes, trainPick);
        Examples te = convert(test, classes, testPick);
        if (options.downscale()) {
            tr = halve(tr);
            te = halve(te);
        }
        Shape.Image shape = (Shape.Image) tr.shape();
        Normalization normalization = standardise(tr, te, shape.channels(), shape.height() * shape.width());
        return new Dataset(dataset, tr, te, classNames, normalization);
    }

    /** All indices in file order when no size is asked for, else a stratified random subset. */
    private static int[] pick(String dataset, RawImages raw, int classes, Integer size, String split, long seed)
            throws DatasetException {
        if (size == null) {
            return Sampling.range(raw.count());
        }
        if (size > raw.count()) {
            throw new DatasetException(dataset, raw.origin(), Texts.format("preprocessing.too.many", size, split,
                    raw.origin(), raw.count(), raw.count()));
        }
        return Sampling.stratified(raw.labels(), classes, size, new Random(seed));
    }

    private static Examples convert(RawImages raw, int classes, int[] indices) {
        int n = (int) raw.shape().elementCount();
        float[] features = new float[Math.multiplyExact(indices.length, n)];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            raw.pixels().copy(indices[k], features, k * n);
            labels[k] = raw.labels()[indices[k]];
        }
        return new Examples(raw.shape(), classes, features, labels);
    }

    /** Halves height and width by averaging 2x2 blocks (an odd last row or column is dropped). */
    static Examples halve(Examples examples) {
        Shape.Image in = (Shape.Image) examples.shape();
        int c = in.channels();
        int h = in.height() / 2;
        int w = in.width() / 2;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("cannot halve images of " + in);
        }
        Shape.Image out = Shape.image(c, h, w);
        int inSize = (int) in.elementCount();
        int outSize = (int) out.elementCount();
        float[] src = examples.features();
        float[] dst = new float[examples.size() * outSize];
        for (int e = 0; e < examples.size(); e++) {
            for (int ch = 0; ch < c; ch++) {
                int inPlane = e * inSize + ch * in.height() * in.width();
                int outPlane = e * outSize + ch * h * w;
                for (int y = 0; y < h; y++) {
                    int row0 = inPlane + 2 * y * in.width();
                    int row1 = row0 + in.width();
                    for (int x = 0; x < w; x++) {
                        dst[outPlane + y * w + x] = (src[row0 + 2 * x] + src[row0 + 2 * x + 1] + src[row1 + 2 * x]
                                + src[row1 + 2 * x + 1]) * 0.25f;
                    }
                }
            }
        }
        return new Examples(out, examples.classes(), dst, examples.labels());
    }

    /**
     * Standardises {@code channels} groups of {@code plane} consecutive values per example, in place, with the
     * mean and standard deviation of {@code train}; a constant channel (deviation 0) is only centred.
     */
    static Normalization standardise(Examples train, Examples test, int channels, int plane) {
        int per = channels * plane;
        float[] f = train.features();
        int n = train.size();
        List<Double> means = new ArrayList<>(channels);
        List<Double> stds = new ArrayList<>(channels);
        for (int ch = 0; ch < channels; ch++) {
            double sum = 0;
            for (int e = 0; e < n; e++) {
                int from = e * per + ch * plane;
                for (int j = 0; j < plane; j++) {
                    sum += f[from + j];
                }
            }
            double count = (double) n * plane;
            double mean = count > 0 ? sum / count : 0;
            double squares = 0;
            for (int e = 0; e < n; e++) {
                int from = e * per + ch * plane;
                for (int j = 0; j < plane; j++) {
                    double d = f[from + j] - mean;
                    squares += d * d;
                }
            }
            double std = count > 0 ? Math.sqrt(squares / count) : 0;
            if (!(std > 1e-12) || Double.isInfinite(std)) {
                std = 1;
            }
            means.add(mean);
            stds.add(std);
            apply(train, ch, plane, per, mean, std);
            apply(test, ch, plane, per, mean, std);
        }
        return new Normalization(means, stds);
    }

    private static void apply(Examples examples, int ch, int plane, int per, double mean, double std) {
        float[] f = examples.features();
        for (int e = 0; e < examples.size(); e++) {
            int from = e * per + ch * plane;
            for (int j = 0; j < plane; j++) {
                f[from + j] = (float) ((f[from + j] - mean) / std);
            }
        }
    }
}
