package org.resnetexplorer.experiments;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * What an experiment expects its result to show, checked on the figures its runs produce: one figure of one
 * run against one figure of another (or a fixed value), e.g. "plain-20's training error at the end is more
 * than plain-4's + 0.05". The statement says it in words, in English and Chinese.
 *
 * @param figure which figure of the runs: {@link Figure}
 * @param run the run on the left of the comparison
 * @param relation {@code ABOVE}: left &gt; right x factor + margin; {@code BELOW}: left &lt; right x factor - margin;
 *        {@code AT_MOST}: left &lt;= right x factor + margin
 * @param than the run on the right, or null to compare with {@code value}
 * @param value the fixed right-hand side when {@code than} is null
 * @param otherFigure the right run's figure when it differs from {@code figure} (e.g. test against train error)
 * @param level the training error (a fraction) that {@link Figure#STEPS_TO_TRAIN_ERROR} counts the steps to; NaN
 *        for the other figures
 */
public record Claim(Figure figure, String run, Relation relation, String than, Figure otherFigure, double value,
        double factor, double margin, double level, Map<String, String> statement) {

    /** The figures a claim can compare. */
    public enum Figure {
        /**
         * The training error in inference mode on the run's training sample (as the thin curves show): the mean of
         * its evaluations in the last tenth of the steps, else the last one.
         */
        TRAIN_ERROR,
        /** The last measured test error. */
        TEST_ERROR,
        /** First over last hidden weighted layer's gradient norm, at the first step (initialisation). */
        GRADIENT_RATIO,
        /** Mean std of the 3x3 convolutions' responses (after BN, before ReLU or addition) at the last snapshot. */
        RESPONSE_STD,
        /** Trainable parameters. */
        PARAMS,
        /** Multiply-adds per example. */
        MACS,
        /**
         * The first measured step at which the training error is at or below the claim's {@code level} (section
         * 4.1: how fast a net converges); +infinity if it never gets there, so "fewer steps than" still holds
         * against a run that never arrives.
         */
        STEPS_TO_TRAIN_ERROR,
        /** The study's (lesion): the mean test-error increase, a fraction, from deleting one block at test time. */
        LESION_INCREASE,
        /** The study's (insert-block): the largest |change| of test error, a fraction, on inserting a residual block. */
        INSERTED_RESIDUAL_CHANGE,
        /** The study's (insert-block): the largest |change| of test error, a fraction, on inserting a plain pair. */
        INSERTED_PLAIN_CHANGE,
        /** The study's (loss-landscape): the width of the low-loss basin, in units of the directions. */
        BASIN_WIDTH,
        /** The study's (shattered-gradients): the correlation of neighbouring gradients with respect to the input. */
        NEIGHBOUR_CORRELATION;

        /** Whether a preset's study measures this figure, rather than its runs' training. */
        public boolean study() {
            return ordinal() >= LESION_INCREASE.ordinal();
        }

        /**
         * A value of this figure as people read it, in the command's lines and the window's claims: errors in
         * percent, counts grouped, steps with their unit ("not reached" for +infinity), ratios with three digits.
         */
        public String format(double value) {
            return switch (this) {
                case TRAIN_ERROR, TEST_ERROR, LESION_INCREASE, INSERTED_RESIDUAL_CHANGE, INSERTED_PLAIN_CHANGE ->
                        Counts.percent(value);
                case PARAMS -> Counts.grouped((long) value);
                case MACS -> Counts.abbreviated((long) value);
                case STEPS_TO_TRAIN_ERROR -> Double.isInfinite(value) ? Texts.get("experiments.notReached")
                        : Texts.format("experiments.steps", Counts.grouped((long) value));
                default -> String.format(Locale.ROOT, "%.3g", value);
            };
        }
    }

    public enum Relation {
        ABOVE, BELOW, AT_MOST
    }

    /** The check's figures and whether it holds. */
    public record Outcome(Claim claim, double left, double right, boolean holds) {
    }

    public Claim {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(relation, "relation");
        otherFigure = otherFigure == null ? figure : otherFigure;
        statement = Map.copyOf(statement);
        boolean counts = figure == Figure.STEPS_TO_TRAIN_ERROR || otherFigure == Figure.STEPS_TO_TRAIN_ERROR;
        if (counts != (level >= 0 && level <= 1)) {
            throw new IllegalArgumentException(counts ? "steps_to_train_error needs a level between 0 and 1 (got " + level
                    + ")" : "only steps_to_train_error has a level");
        }
    }

    /** Checks the claim on a result; NaN figures (a run that diverged) never hold. */
    public Outcome check(ExperimentResult result) {
        double left = result.figure(run, figure, level);
        double right = than == null ? value : result.figure(than, otherFigure, level);
        double bound = right * factor;
        boolean holds = switch (relation) {
            case ABOVE -> left > bound + margin;
            case BELOW -> left < bound - margin;
            case AT_MOST -> left <= bound + margin;
        };
        return new Outcome(this, left, right, holds && !Double.isNaN(left) && !Double.isNaN(right));
    }
}
