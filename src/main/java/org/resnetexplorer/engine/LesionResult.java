package org.resnetexplorer.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.graph.BlockDeletion;

/**
 * The lesion study of one trained run (Veit, Wilber, Belongie 2016): its test error as trained, with each block
 * deleted on its own, and with k blocks deleted at random. Errors are fractions of the test examples measured (the
 * same first examples a run's test error is measured on). A study stopped early holds what it measured.
 *
 * @param run      the run's name
 * @param residual whether the network has shortcuts (a ResNet) rather than being a plain net
 * @param step     the steps the state was trained for
 * @param error    the test error with nothing deleted
 * @param blocks   per block, in network order, the test error with that block alone deleted
 * @param random   per number of blocks deleted (0, 1, ... up to all), the test errors of the random draws
 * @param examples how many test examples every error is measured on
 */
public record LesionResult(String run, boolean residual, int step, double error, List<BlockLesion> blocks,
        List<RandomLesions> random, int examples) {

    public LesionResult {
        Objects.requireNonNull(run, "run");
        blocks = List.copyOf(blocks);
        random = List.copyOf(random);
    }

    /** One block deleted: what took its place and the test error then. */
    public record BlockLesion(String block, BlockDeletion.Kind kind, double error) {
        public BlockLesion {
            Objects.requireNonNull(block, "block");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** {@code deleted} blocks chosen at random, several times: the test error of each draw. */
    public record RandomLesions(int deleted, double[] errors) {
        public RandomLesions {
            errors = errors.clone();
        }

        @Override
        public double[] errors() {
            return errors.clone();
        }

        public double mean() {
            return Arrays.stream(errors).average().orElse(Double.NaN);
        }

        public double min() {
            return Arrays.stream(errors).min().orElse(Double.NaN);
        }

        public double max() {
            return Arrays.stream(errors).max().orElse(Double.NaN);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RandomLesions other && deleted == other.deleted && Arrays.equals(errors, other.errors);
        }

        @Override
        public int hashCode() {
            return 31 * deleted + Arrays.hashCode(errors);
        }

        @Override
        public String toString() {
            return "RandomLesions[" + deleted + " deleted: " + Arrays.toString(errors) + "]";
        }
    }

    /**
     * The mean, over the blocks, of how much deleting that one block raises the test error (a fraction; negative
     * if deleting helps on average); NaN with no block measured.
     */
    public double meanIncrease() {
        return blocks.stream().mapToDouble(b -> b.error() - error).average().orElse(Double.NaN);
    }

    /** The mean test error with one block deleted; NaN with no block measured. */
    public double meanErrorWithOneDeleted() {
        return blocks.stream().mapToDouble(BlockLesion::error).average().orElse(Double.NaN);
    }
}
