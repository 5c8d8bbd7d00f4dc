package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The gradient of the first class score with respect to a one-number input, through BatchNorm held at the points'
 * own statistics, against central finite differences of the same function (inference passes after the statistics
 * are kept), for a plain and a residual MLP with BatchNorm, in double and in float.
 *
 * <p>These nets are piecewise linear in their input (ReLU, BatchNorm held constant, no bias but the head's), so a
 * central difference is exact up to rounding wherever no kink lies within one step of the point; a point with a
 * kink that close shows it by its two one-sided differences disagreeing, and is left out (at most a few are).
 * Double: step 1e-6, each gradient within 1e-6 of the difference, relative to the gradients' spread. Float: a
 * score of about 1 carries rounding errors of about 1e-6, so a step of 1e-6 would measure noise; at the step of
 * 1e-3 used the differences carry errors of about 1e-3 of the gradient, and a tolerance of 1e-2 leaves room for them.
 */
class InputGradientsTest {
    private static final int POINTS = 32;

    /** One precision: its finite-difference step and how close the gradient must come. */
    private enum Precision {
        DOUBLE(DataType.DOUBLE, 1e-6, 1e-6),
        FLOAT(DataType.FLOAT, 1e-3, 1e-2);

        final DataType type;
        final double step;
        final double tolerance;

        Precision(DataType type, double step, double tolerance) {
            this.type = type;
            this.step = step;
            this.tolerance = tolerance;
        }
    }

    @BeforeAll
    static void oneComputeThread() {
        Nd4jRuntime.start();
    }

    private static Network mlp(String template) {
        return Templates.build(template, TemplateOptions.defaults().withInput(Shape.flat(1)).withWidth(6)
                .withBatchNorm(true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp-plain-4 DOUBLE", "mlp-resnet-4 DOUBLE", "mlp-plain-4 FLOAT", "mlp-resnet-4 FLOAT"})
    @DisplayName("the input gradient matches central finite differences of the first class score")
    void matchesFiniteDifferences(String which) throws EngineException {
        String[] parts = which.split(" ");
        Precision precision = Precision.valueOf(parts[1]);
        CompiledNetwork network = CompiledNetwork.compile(mlp(parts[0]), precision.type, 5);
        // gamma and beta away from 1 and 0, so that the check sees them
        Random random = new Random(3);
        INDArray values = network.values();
        for (int i = 0; i < values.length(); i++) {
            values.putScalar(i, values.getDouble(i) + 0.3 * random.nextGaussian());
        }
        double[] points = InputGradients.evenlySpaced(-2, 2, POINTS);
        double[] analytic = InputGradients.of(network, points);

        double h = precision.step;
        double diff = 0;
        double norm = 0;
        int checked = 0;
        for (int i = 0; i < POINTS; i++) {
            double plus = firstScore(network, points, i, h);
            double here = firstScore(network, points, i, 0);
            double minus = firstScore(network, points, i, -h);
            double right = (plus - here) / h;
            double left = (here - minus) / h;
            if (Math.abs(right - left) > precision.tolerance * (Math.abs(right) + Math.abs(left) + 1)) {
                continue; // a kink within one step of the point
            }
            double numeric = (plus - minus) / (2 * h);
            diff += (numeric - analytic[i]) * (numeric - analytic[i]);
            norm += numeric * numeric;
            checked++;
        }
        assertThat(checked).as("%s: points away from a kink", which).isGreaterThanOrEqualTo(POINTS - 4);
        assertThat(norm).as("%s: the gradients are not all zero", which).isGreaterThan(1e-6);
        assertThat(Math.sqrt(diff / norm)).as("%s: relative error of the input gradient", which)
                .isLessThan(precision.tolerance);
    }

    /** The first class score of point {@code i} moved by {@code delta}, in an inference pass over all the points. */
    private static double firstScore(CompiledNetwork network, double[] points, int i, double delta) {
        double[] moved = points.clone();
        moved[i] += delta;
        try (var ignored = Nd4jRuntime.stepWorkspace()) {
            INDArray x = Nd4j.createFromArray(moved).castTo(network.dataType()).reshape(points.length, 1);
            return network.forward(x, false).getDouble(i, 0);
        } finally {
            Nd4jRuntime.releaseThreadMemory();
        }
    }

    @Test
    @DisplayName("an inference pass after keeping the batch's statistics computes what the training pass computed")
    void keptStatisticsReproduceTheTrainingPass() throws EngineException {
        CompiledNetwork network = CompiledNetwork.compile(mlp("mlp-resnet-4"), DataType.DOUBLE, 2);
        INDArray x = Nd4j.createFromArray(InputGradients.evenlySpaced(-2, 2, POINTS)).reshape(POINTS, 1);
        double[] training = network.forward(x, true).dup().reshape(-1).toDoubleVector();
        network.keepBatchStatistics();
        double[] inference = network.forward(x, false).reshape(-1).toDoubleVector();
        assertThat(inference).containsExactly(training, within(1e-12));
    }

    @Test
    @DisplayName("the float network's gradient is the double network's, to float's precision")
    void floatAgreesWithDouble() throws EngineException {
        Network network = mlp("mlp-resnet-8");
        double[] points = InputGradients.evenlySpaced(-2, 2, 64);
        double[] inDouble = InputGradients.of(CompiledNetwork.compile(network, DataType.DOUBLE, 9), points);
        double[] inFloat = InputGradients.of(network, 9, points);
        double spread = 0;
        for (double g : inDouble) {
            spread = Math.max(spread, Math.abs(g));
        }
        for (int i = 0; i < points.length; i++) {
            assertThat(inFloat[i]).as("gradient at point %d", i).isCloseTo(inDouble[i], within(1e-4 * spread));
        }
    }

    @Test
    @DisplayName("samples of a smooth function have a neighbour correlation near 1")
    void smoothFunctionIsCorrelated() {
        double[] x = InputGradients.evenlySpaced(-2, 2, 256);
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = Math.sin(3 * x[i]) + 0.5 * x[i];
        }
        assertThat(InputGradients.neighbourCorrelation(values)).isGreaterThan(0.99);
    }

    @Test
    @DisplayName("white noise has a neighbour correlation near 0, a random walk (brown noise) near 1")
    void whiteNoiseIsNotCorrelated() {
        Random random = new Random(1);
        double[] white = new double[256];
        double[] brown = new double[256];
        for (int i = 0; i < white.length; i++) {
            white[i] = random.nextGaussian();
            brown[i] = (i == 0 ? 0 : brown[i - 1]) + white[i];
        }
        // the correlation of 255 independent pairs has a standard deviation of about 1/sqrt(255) = 0.063
        assertThat(InputGradients.neighbourCorrelation(white)).isBetween(-0.2, 0.2);
        assertThat(InputGradients.neighbourCorrelation(brown)).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("values that do not vary have no neighbour correlation")
    void constantHasNone() {
        assertThat(InputGradients.neighbourCorrelation(new double[] {2, 2, 2, 2})).isNaN();
        assertThat(InputGradients.neighbourCorrelation(new double[] {1, 2})).isNaN();
    }

    @Test
    @DisplayName("evenly spaced points include both ends")
    void evenlySpaced() {
        assertThat(InputGradients.evenlySpaced(-2, 2, 5)).containsExactly(-2, -1, 0, 1, 2);
        assertThatThrownBy(() -> InputGradients.evenlySpaced(1, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a network that takes more than one number in is refused")
    void refusesWideInput() {
        Network twoInputs = Templates.build("mlp-plain-2", TemplateOptions.defaults().withBatchNorm(true));
        assertThatThrownBy(() -> InputGradients.of(twoInputs, 1, new double[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one number");
    }
}
