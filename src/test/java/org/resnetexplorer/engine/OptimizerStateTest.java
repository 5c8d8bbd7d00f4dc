package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * The optimizer's Java pass (decision 0040) in float and double against the update written out in double here:
 * SGD with momentum (PyTorch's form) and Adam with bias correction, weight decay on the weights only, over a
 * network whose parameter count leaves every remainder of the fused blocks, for several steps with changing
 * gradients. The double-precision training path is also tied to an independent reference by
 * {@link ReferenceStepTest}; this test covers Adam and the float arrays.
 */
class OptimizerStateTest {
    private static final double RATE = 0.05;
    private static final double MOMENTUM = 0.9;
    private static final double DECAY = 0.01;
    private static final int STEPS = 5;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.start();
    }

    @ParameterizedTest(name = "{0} in {1}, width {2}")
    @CsvSource({"SGD, FLOAT, 7", "SGD, FLOAT, 9", "SGD, DOUBLE, 7", "ADAM, FLOAT, 7", "ADAM, FLOAT, 9", "ADAM, DOUBLE, 7"})
    void updateFollowsTheFormulas(Optimizer kind, DataType type, int width) throws EngineException {
        Network network = Templates.build("mlp-plain-8",
                TemplateOptions.defaults().withInput(Shape.flat(2)).withClasses(3).withWidth(width));
        CompiledNetwork compiled = CompiledNetwork.compile(network, type, 5);
        int count = (int) compiled.values().length();
        boolean[] decays = new boolean[count];
        for (Parameters.Parameter p : compiled.parameters().all()) {
            for (long i = p.offset(); i < p.offset() + p.length(); i++) {
                decays[(int) i] = p.decays();
            }
        }
        assertThat(decays).as("some values decay, some do not").contains(true, false);

        double[] w = compiled.values().toDoubleVector();
        double[] first = new double[count];
        double[] second = new double[count];
        OptimizerState optimizer = new OptimizerState(compiled.parameters(), kind, MOMENTUM, DECAY);
        java.util.Random random = new java.util.Random(3);
        for (int step = 1; step <= STEPS; step++) {
            double[] g = new double[count];
            for (int i = 0; i < count; i++) {
                g[i] = random.nextGaussian();
            }
            compiled.gradients().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(g).castTo(type));
            g = compiled.gradients().toDoubleVector(); // as the engine holds them (rounded to float there)
            double[] before = g.clone();
            optimizer.update(compiled.values(), compiled.gradients(), RATE);
            for (int i = 0; i < count; i++) {
                double gi = g[i] + (decays[i] ? DECAY : 0) * w[i];
                if (kind == Optimizer.SGD) {
                    first[i] = MOMENTUM * first[i] + gi;
                    w[i] -= RATE * first[i];
                } else {
                    first[i] = 0.9 * first[i] + 0.1 * gi;
                    second[i] = 0.999 * second[i] + 0.001 * gi * gi;
                    double corrected = RATE * Math.sqrt(1 - Math.pow(0.999, step)) / (1 - Math.pow(0.9, step));
                    w[i] -= corrected * first[i] / (Math.sqrt(second[i]) + 1e-8);
                }
            }
            double[] engine = compiled.values().toDoubleVector();
            double tolerance = type == DataType.DOUBLE ? 1e-12 : 2e-5;
            for (int i = 0; i < count; i++) {
                assertThat(engine[i]).as("%s step %d value %d of %d", kind, step, i, count)
                        .isCloseTo(w[i], within(tolerance * Math.max(1, Math.abs(w[i]))));
            }
            assertThat(compiled.gradients().toDoubleVector()).as("the gradients are left as they were").isEqualTo(before);
            w = engine; // follow the engine's own rounding from here
        }
    }
}
