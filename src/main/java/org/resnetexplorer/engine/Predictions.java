package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.data.Examples;

/**
 * What a run's trained network predicts for the first test examples (in inference mode, like the test error):
 * per example its true class, predicted class and the probability of every class. The prediction gallery and the
 * confusion matrix are drawn from it. Immutable.
 */
public final class Predictions {
    /**
     * How many test examples the views and {@code train --png} predict, the first of the test set: as many as a
     * run's test error is measured on with the default settings ({@link TrainingSettings#testLimit()}), so the
     * confusion matrix's error is the test error shown (decision 0030).
     */
    public static final int FIRST_TEST_EXAMPLES = TrainingSettings.defaults().testLimit();

    private final String run;
    private final int step;
    private final int classes;
    private final int[] truth;
    private final int[] predicted;
    private final float[] probabilities;

    private Predictions(String run, int step, int classes, int[] truth, int[] predicted, float[] probabilities) {
        this.run = run;
        this.step = step;
        this.classes = classes;
        this.truth = truth;
        this.predicted = predicted;
        this.probabilities = probabilities;
    }

    /**
     * Runs the probe's state on the first {@code min(limit, examples.size())} of {@code examples}. Call it on the
     * probe's thread (off the FX thread): a pass over 1,000 small images takes a second or more.
     *
     * @throws IllegalArgumentException if the examples do not fit the network's input or classes
     */
    public static Predictions of(NetworkProbe probe, String run, Examples examples, int limit) {
        Objects.requireNonNull(examples, "examples");
        if (examples.featureCount() != probe.featureCount()) {
            throw new IllegalArgumentException("examples of " + examples.shape() + " do not fit the network's input");
        }
        int count = Math.min(Math.max(0, limit), examples.size());
        float[] features = new float[count * examples.featureCount()];
        System.arraycopy(examples.features(), 0, features, 0, features.length);
        NetworkProbe.Pass pass = probe.run(features, count);
        if (pass.classes() != examples.classes()) {
            throw new IllegalArgumentException("the network predicts " + pass.classes() + " classes, the examples have "
                    + examples.classes());
        }
        return of(run, probe.step(), pass.classes(), java.util.Arrays.copyOf(examples.labels(), count),
                pass.probabilities());
    }

    /**
     * Predictions already computed: example {@code i} of true class {@code truth[i]} got the probabilities
     * {@code probabilities[i * classes ...]} (its prediction is the most probable class, the first on a tie).
     *
     * @throws IllegalArgumentException if the arrays do not hold {@code truth.length} examples of {@code classes}
     */
    public static Predictions of(String run, int step, int classes, int[] truth, float[] probabilities) {
        if (classes < 1 || (long) truth.length * classes != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities are not " + truth.length
                    + " examples of " + classes + " classes");
        }
        NetworkProbe.Pass pass = new NetworkProbe.Pass(truth.length, classes, probabilities.clone(), java.util.Map.of());
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes) {
                throw new IllegalArgumentException("class " + truth[i] + " of example " + i + " is outside 0.."
                        + (classes - 1));
            }
            predicted[i] = pass.predicted(i);
        }
        return new Predictions(run, step, classes, truth.clone(), predicted, pass.probabilities());
    }

    /** The run whose network predicted. */
    public String run() {
        return run;
    }

    /** The step of the run's state that predicted. */
    public int step() {
        return step;
    }

    /** How many examples were predicted: the first of the test set. */
    public int count() {
        return truth.length;
    }

    public int classes() {
        return classes;
    }

    /** The true class of example {@code i} (its index in the test set). */
    public int truth(int i) {
        return truth[i];
    }

    /** The class the network predicts for example {@code i}: the most probable. */
    public int predicted(int i) {
        return predicted[i];
    }

    /** Whether the prediction of example {@code i} is right. */
    public boolean right(int i) {
        return truth[i] == predicted[i];
    }

    /** The probability, in [0, 1], the network gives class {@code c} for example {@code i}. */
    public float probability(int i, int c) {
        return probabilities[i * classes + c];
    }

    /** How sure the network is of its prediction for example {@code i}: the predicted class's probability. */
    public float confidence(int i) {
        return probability(i, predicted[i]);
    }

    /** The confusion matrix of all the examples predicted. */
    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(classes, truth, predicted);
    }

    /**
     * The examples in the gallery's order: the errors first, the surest first (a confident mistake teaches most),
     * then the right ones, the least sure first (those near a boundary); ties by index. Only examples of true class
     * {@code trueClass} when it is 0 or more (-1: every class); only the errors when {@code errorsOnly}.
     */
    public int[] order(int trueClass, boolean errorsOnly) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            if ((trueClass < 0 || truth[i] == trueClass) && (!errorsOnly || !right(i))) {
                shown.add(i);
            }
        }
        shown.sort(Comparator.<Integer>comparingInt(i -> right(i) ? 1 : 0)
                .thenComparingDouble(i -> right(i) ? confidence(i) : -confidence(i))
                .thenComparingInt(i -> i));
        return shown.stream().mapToInt(Integer::intValue).toArray();
    }
}
