package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.ObjDoubleConsumer;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.data.Examples;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.BlockInsertion;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;

/**
 * The notes' argument made measurable: into a trained network, insert a residual block in the middle and at the end
 * (it starts as the identity: {@link CarriedState}), or a plain pair of layers instead (freshly initialised, it
 * cannot), measure the test error right after each insertion, then continue training each from the carried weights
 * and record its test error curve. Runs on the calling thread, one continued run after another.
 */
public final class BlockSurgery {
    private BlockSurgery() {
    }

    /** Where a block goes: after the block in the middle of the network, or after its last block. */
    public enum Position {
        MIDDLE, END
    }

    /**
     * One insertion and what followed it.
     *
     * @param residual   a residual block (true) or a plain pair (false)
     * @param position   where it went
     * @param block      the new block's name
     * @param after      the node it reads from
     * @param errorAfter the test error (a fraction) right after the insertion, before any new step
     * @param steps      the steps of the continued training at which the test error was measured, 0 first
     * @param testErrors the test error at each of {@code steps} ({@code errorAfter} first)
     * @param result     how the continued training ended (null if it was stopped before it started)
     */
    public record Insertion(boolean residual, Position position, String block, String after, double errorAfter,
            int[] steps, double[] testErrors, RunResult result) {
        /** Its name in runs and charts: {@code residual-middle}, {@code plain-end}. */
        public String name() {
            return (residual ? "residual-" : "plain-") + position.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The change of test error the insertion made (a fraction; positive: worse). */
        public double change(double trainedError) {
            return errorAfter - trainedError;
        }
    }

    /**
     * What the surgery on one trained run measured: what a chart of it draws.
     *
     * @param run          the trained run's name
     * @param trainedError its test error (a fraction) on the same test examples
     * @param insertions   in the order residual middle, residual end, plain middle, plain end (those measured)
     */
    public record Findings(String run, double trainedError, List<Insertion> insertions) {
        public Findings {
            Objects.requireNonNull(run, "run");
            insertions = List.copyOf(insertions);
        }

        /** The largest |change of test error| of the residual (or plain) insertions; NaN if none was measured. */
        public double largestChange(boolean residual) {
            return insertions.stream().filter(i -> i.residual() == residual)
                    .mapToDouble(i -> Math.abs(i.change(trainedError))).max().orElse(Double.NaN);
        }
    }

    /**
     * Inserts, measures and continues training, four times over.
     *
     * @param run      the trained run's name
     * @param network  its network (with at least one block)
     * @param trained  its trained state
     * @param settings how to continue training: its steps, rates and seed (the seed also initialises new layers);
     *                 the test error is measured on its first {@code testLimit} test examples, as a run measures it
     * @param progress hears what is being done (in the user's language) and the fraction done (0 to 1)
     * @param stopped  true ends the measurement early: what was measured so far is returned
     * @throws EngineException if a network cannot compile
     */
    public static Findings measure(String run, Network network, NetworkState trained, Dataset dataset,
            TrainingSettings settings, ObjDoubleConsumer<String> progress, BooleanSupplier stopped)
            throws EngineException {
        List<Block> blocks = network.blocks();
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(network.name() + " has no block to insert after");
        }
        double trainedError = testError(trained, dataset.test(), settings.testLimit());
        List<Insertion> insertions = new ArrayList<>();
        int done = 0;
        for (boolean residual : new boolean[] {true, false}) {
            for (Position position : Position.values()) {
                if (stopped.getAsBoolean()) {
                    return new Findings(run, trainedError, insertions);
                }
                Block previous = position == Position.END ? blocks.get(blocks.size() - 1)
                        : blocks.get(Math.max(0, blocks.size() / 2 - 1));
                BlockInsertion inserted = BlockInsertion.after(network, previous.name(), residual);
                String kind = (residual ? "residual-" : "plain-") + position.name().toLowerCase(java.util.Locale.ROOT);
                String name = run + " + " + kind;
                progress.accept(run + ": " + Texts.get("insertBlock." + kind), (double) done / 4);
                CarriedState.Carried carried = CarriedState.of(trained, inserted.network(), settings.seed(), name);
                double errorAfter = testError(carried.state(), dataset.test(), settings.testLimit());
                insertions.add(continued(inserted, residual, position, errorAfter, carried.state(), dataset, settings,
                        stopped));
                done++;
            }
        }
        progress.accept("", 1);
        return new Findings(run, trainedError, insertions);
    }

    /** Trains the edited network on from the carried state, recording the test error at each evaluation. */
    private static Insertion continued(BlockInsertion inserted, boolean residual, Position position, double errorAfter,
            NetworkState start, Dataset dataset, TrainingSettings settings, BooleanSupplier stopped) {
        List<Integer> steps = new ArrayList<>(List.of(0));
        List<Double> errors = new ArrayList<>(List.of(errorAfter));
        Trainer trainer = new Trainer(start.run(), inserted.network(), dataset, settings);
        trainer.startFrom(start);
        trainer.addListener(snapshot -> {
            // step 0's evaluation is errorAfter, measured by the probe on the same examples
            if (snapshot.hasTestError() && snapshot.step() > 0) {
                steps.add(snapshot.step());
                errors.add(snapshot.testError());
            }
            if (stopped.getAsBoolean()) {
                trainer.stop();
            }
        });
        RunResult result = trainer.run();
        return new Insertion(residual, position, inserted.block(), inserted.after(), errorAfter,
                steps.stream().mapToInt(Integer::intValue).toArray(),
                errors.stream().mapToDouble(Double::doubleValue).toArray(), result);
    }

    /**
     * The error rate of a state on the first {@code limit} examples, in inference mode: what a run's evaluation
     * measures (the same examples, the same mode).
     */
    public static double testError(NetworkState state, Examples test, int limit) throws EngineException {
        Predictions predictions = Predictions.of(NetworkProbe.of(state), state.run(), test, limit);
        int wrong = 0;
        for (int i = 0; i < predictions.count(); i++) {
            wrong += predictions.right(i) ? 0 : 1;
        }
        return (double) wrong / predictions.count();
    }
}
