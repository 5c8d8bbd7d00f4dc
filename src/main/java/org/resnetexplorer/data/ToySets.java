package org.resnetexplorer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * The 2-D toy sets, after TensorFlow Playground's (spiral, circles, xor, gauss) and scikit-learn's make_moons.
 * Points are drawn in Playground's square [-6, 6]^2 with its geometry and noise units, then divided by 6, so every
 * feature lies in [-1, 1]. Unlike Playground, noise moves points, never flips labels, so the classes stay
 * exactly balanced and the label is always the class the point was drawn from; a noise offset that would leave
 * the square is drawn again.
 */
final class ToySets {
    static final int DEFAULT_TRAIN = 1000;
    static final int DEFAULT_TEST = 500;
    static final double DEFAULT_NOISE = 0.1;
    private static final double HALF_SIDE = 6;

    private ToySets() {
    }

    /** One toy set: how many classes it may have, its class names, and how it draws a point. */
    enum Kind {
        /** Arms r = 5u, angle = 1.75 turns x u + arm x 2 pi / k, u uniform; noise: uniform offset of +-noise. */
        SPIRAL("spiral", 2, 6) {
            @Override
            void draw(int label, int classes, double noise, Random r, double[] p) {
                double u = r.nextDouble();
                double radius = 5 * u;
                double angle = 1.75 * u * 2 * Math.PI + 2 * Math.PI * label / classes;
                double x = radius * Math.sin(angle);
                double y = radius * Math.cos(angle);
                offset(x, y, r, p, () -> uniform(r, noise));
            }

            @Override
            String className(int label, int classes) {
                return "arm " + (label + 1);
            }
        },
        /** A disc of radius 2.5 (class 0) inside a ring from 3.5 to 5 (class 1); noise: uniform +-5 x noise. */
        CIRCLES("circles", 2, 2) {
            @Override
            void draw(int label, int classes, double noise, Random r, double[] p) {
                double radius = label == 0 ? 2.5 * r.nextDouble() : 3.5 + 1.5 * r.nextDouble();
                double angle = 2 * Math.PI * r.nextDouble();
                offset(radius * Math.sin(angle), radius * Math.cos(angle), r, p, () -> uniform(r, 5 * noise));
            }

            @Override
            String className(int label, int classes) {
                return label == 0 ? "inside" : "outside";
            }
        },
        /**
         * x and y uniform in +-[0.3, 5.3]; class 1 where they have the same sign (x*y > 0), class 0 where not;
         * noise: uniform +-5 x noise.
         */
        XOR("xor", 2, 2) {
            @Override
            void draw(int label, int classes, double noise, Random r, double[] p) {
                double sx = r.nextBoolean() ? 1 : -1;
                double sy = label == 1 ? sx : -sx;
                double x = sx * (0.3 + 5 * r.nextDouble());
                double y = sy * (0.3 + 5 * r.nextDouble());
                offset(x, y, r, p, () -> uniform(r, 5 * noise));
            }

            @Override
            String className(int label, int classes) {
                return label == 0 ? "opposite signs" : "same signs";
            }
        },
        /**
         * Gaussian blobs centred 2 sqrt 2 from the origin, the first at (2, 2) (two blobs: (2, 2) and (-2, -2) as
         * in Playground); variance 0.5 + 7 x noise (Playground's 0.5 to 4 over noise 0 to 0.5).
         */
        GAUSS("gauss", 2, 8) {
            @Override
            void draw(int label, int classes, double noise, Random r, double[] p) {
                double angle = Math.PI / 4 + 2 * Math.PI * label / classes;
                double centre = 2 * Math.sqrt(2);
                double sigma = Math.sqrt(0.5 + 7 * noise);
                offset(centre * Math.cos(angle), centre * Math.sin(angle), r, p, () -> sigma * r.nextGaussian());
            }

            @Override
            String className(int label, int classes) {
                return "blob " + (label + 1);
            }
        },
        /**
         * scikit-learn's two moons, (cos t, sin t) (class 0) and (1 - cos t, 1/2 - sin t) (class 1) for t uniform
         * in [0, pi], centred and scaled by 3; noise: Gaussian of deviation 3 x noise (make_moons' noise).
         */
        MOONS("moons", 2, 2) {
            @Override
            void draw(int label, int classes, double noise, Random r, double[] p) {
                double t = Math.PI * r.nextDouble();
                double x = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
                double y = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                offset(3 * (x - 0.5), 3 * (y - 0.25), r, p, () -> 3 * noise * r.nextGaussian());
            }

            @Override
            String className(int label, int classes) {
                return label == 0 ? "upper" : "lower";
            }
        };

        final String id;
        final int minClasses;
        final int maxClasses;

        Kind(String id, int minClasses, int maxClasses) {
            this.id = id;
            this.minClasses = minClasses;
            this.maxClasses = maxClasses;
        }

        /** Draws one point of class {@code label} into {@code p}, in Playground units. */
        abstract void draw(int label, int classes, double noise, Random r, double[] p);

        abstract String className(int label, int classes);

        static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    private interface Offset {
        double next();
    }

    private static double uniform(Random r, double half) {
        return (2 * r.nextDouble() - 1) * half;
    }

    /** (x, y) plus a noise offset, drawn again while the point would leave the square. */
    private static void offset(double x, double y, Random r, double[] p, Offset noise) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double px = x + noise.next();
            double py = y + noise.next();
            if (Math.abs(px) <= HALF_SIDE && Math.abs(py) <= HALF_SIDE) {
                p[0] = px;
                p[1] = py;
                return;
            }
        }
        p[0] = Math.max(-HALF_SIDE, Math.min(HALF_SIDE, x));
        p[1] = Math.max(-HALF_SIDE, Math.min(HALF_SIDE, y));
    }

    static Dataset generate(Kind kind, DatasetOptions options, long seed) throws DatasetException {
        int classes = options.classes() != null ? options.classes() : 2;
        if (classes < kind.minClasses || classes > kind.maxClasses) {
            throw new DatasetException(kind.id, kind.minClasses == kind.maxClasses
                    ? Texts.format("datasets.fixed.classes", kind.id, kind.minClasses, classes)
                    : Texts.format("toySets.classes", kind.id, kind.minClasses, kind.maxClasses, classes));
        }
        double noise = options.noise() != null ? options.noise() : DEFAULT_NOISE;
        int trainSize = options.trainSize() != null ? options.trainSize() : DEFAULT_TRAIN;
        int testSize = options.testSize() != null ? options.testSize() : DEFAULT_TEST;
        DatasetMemory.require(kind.id, trainSize, testSize, 2);
        Examples train = points(kind, trainSize, classes, noise, new Random(Sampling.derive(seed, 1)));
        Examples test = points(kind, testSize, classes, noise, new Random(Sampling.derive(seed, 2)));
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(kind.className(c, classes));
        }
        return new Dataset(kind.id, train, test, names);
    }

    /** n points, class counts differing by at most one, in random order. */
    static Examples points(Kind kind, int n, int classes, double noise, Random random) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        Sampling.shuffle(labels, random);
        float[] features = new float[Math.multiplyExact(2, n)];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            kind.draw(labels[i], classes, noise, random, p);
            features[2 * i] = (float) (p[0] / HALF_SIDE);
            features[2 * i + 1] = (float) (p[1] / HALF_SIDE);
        }
        return new Examples(Shape.flat(2), classes, features, labels);
    }
}
