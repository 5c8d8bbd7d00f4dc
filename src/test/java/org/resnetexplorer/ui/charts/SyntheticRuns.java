package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.engine.TrainingSnapshot.GradientKind;

/** Made-up snapshots shaped like a plain net's and a ResNet's, for the chart tests and the frame-time benchmark. */
final class SyntheticRuns {
    private SyntheticRuns() {
    }

    /**
     * One snapshot of a net of {@code layers} weighted layers at {@code step} of {@code total}: errors falling, a
     * noisy running batch error at every step, a training and a test error every tenth step (an evaluation),
     * gradient norms fading towards the input in a plain net, level in a residual one, a response std per 3x3
     * layer and, for a residual net, a histogram per block (one block per two layers).
     */
    static TrainingSnapshot snapshot(String run, boolean residual, int layers, int step, int total, Random random) {
        double progress = (double) step / total;
        double error = (residual ? 0.08 : 0.15) + (residual ? 0.8 : 0.75) * Math.exp(-5 * progress);
        double batch = Math.max(0, error + 0.03 * random.nextGaussian());
        boolean evaluated = step % 10 == 0;
        List<TrainingSnapshot.GradientNorm> norms = new ArrayList<>();
        List<TrainingSnapshot.LayerValue> stds = new ArrayList<>();
        List<TrainingSnapshot.ResidualResponse> residuals = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double depth = (double) l / Math.max(1, layers - 1);
            double norm = residual ? 0.3 * Math.exp(0.2 * random.nextGaussian())
                    : Math.pow(10, -3 * (1 - depth)) * Math.exp(0.2 * random.nextGaussian());
            norms.add(new TrainingSnapshot.GradientNorm("conv" + (l + 1), GradientKind.WEIGHT, norm));
            norms.add(new TrainingSnapshot.GradientNorm("bn" + (l + 1), GradientKind.BATCH_NORM, norm / 2));
            stds.add(new TrainingSnapshot.LayerValue("conv" + (l + 1), (residual ? 0.4 : 1.0) * (1 + 0.3 * Math.sin(l))));
        }
        if (residual) {
            for (int b = 0; b < layers / 2; b++) {
                double std = 0.5 / (1 + b * 0.1);
                long[] counts = new long[24];
                for (int k = 0; k < counts.length; k++) {
                    double z = (k - 11.5) / 4.0;
                    counts[k] = Math.round(1000 * Math.exp(-z * z / 2));
                }
                residuals.add(new TrainingSnapshot.ResidualResponse("block" + (b + 1), std, 0.3,
                        new TrainingSnapshot.Histogram(-3 * std, 3 * std, counts)));
            }
        }
        return new TrainingSnapshot(run, step, total, 2.3 * error + 0.01, batch, evaluated ? error - 0.02 : Double.NaN,
                evaluated ? error + 0.04 : Double.NaN, 0.1, 100, norms, stds, residuals);
    }

    /** Steps {@code from} to {@code to} of a run. */
    static List<TrainingSnapshot> steps(String run, boolean residual, int layers, int from, int to, int total) {
        Random random = new Random(run.hashCode() * 31L + from);
        List<TrainingSnapshot> list = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            list.add(snapshot(run, residual, layers, step, total, random));
        }
        return list;
    }
}
