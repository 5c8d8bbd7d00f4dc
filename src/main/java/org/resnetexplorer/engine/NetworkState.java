package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TrainedValues;

/**
 * A network's trained state at one step of a run: every trainable value (in the layout a compile of the same
 * network gives, as floats) and every BatchNorm's running mean and variance. Immutable, so a trainer hands it to
 * any thread; {@link NetworkProbe} runs it in inference mode, {@link CompiledNetwork#load} puts it back.
 */
public final class NetworkState {
    private final String run;
    private final int step;
    private final Network network;
    private final float[] values;
    private final Map<String, double[]> runningStatistics;
    private final Map<String, Slice> weightSlices;

    /**
     * Where a layer's weight matrix lies in {@code values}: its first value and its shape. The same map serves every
     * state of one compiled network.
     */
    record Slice(int offset, long[] shape) {
        int length() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }
    }

    /**
     * A layer's weights, copied out of a state: the shape (a convolution's filters, input channels, kernel height,
     * kernel width; a dense layer's inputs and units; a projection shortcut's as the layer it is) and the values in
     * row-major order of that shape.
     */
    public record Weights(long[] shape, float[] values) {
    }

    NetworkState(String run, int step, Network network, float[] values, Map<String, double[]> runningStatistics,
            Map<String, Slice> weightSlices) {
        this.run = Objects.requireNonNull(run, "run");
        this.step = step;
        this.network = Objects.requireNonNull(network, "network");
        this.values = values.clone();
        Map<String, double[]> copy = new HashMap<>();
        runningStatistics.forEach((layer, stats) -> copy.put(layer, stats.clone()));
        this.runningStatistics = Map.copyOf(copy);
        this.weightSlices = Map.copyOf(weightSlices);
    }

    /** Another state's values under another run name: nothing is copied, both are immutable. */
    private NetworkState(String run, NetworkState state) {
        this.run = Objects.requireNonNull(run, "run");
        this.step = state.step;
        this.network = state.network;
        this.values = state.values;
        this.runningStatistics = state.runningStatistics;
        this.weightSlices = state.weightSlices;
    }

    /**
     * The same state as a run of another name: the window lists an experiment's run as "plain-vs-resnet ·
     * plain-20" while its trainer calls it "plain-20".
     */
    public NetworkState withRun(String name) {
        return name.equals(run) ? this : new NetworkState(name, this);
    }

    /**
     * A state of the same network and run with other values and running statistics (same layout): what {@link
     * CarriedState} makes of a fresh state.
     */
    NetworkState withValues(float[] newValues, Map<String, double[]> statistics) {
        if (newValues.length != values.length) {
            throw new IllegalArgumentException(newValues.length + " values for a state of " + values.length);
        }
        return new NetworkState(run, step, network, newValues, statistics, weightSlices);
    }

    /** The run it was taken from. */
    public String run() {
        return run;
    }

    /** The steps trained when it was taken (0: the initial weights). */
    public int step() {
        return step;
    }

    /** The network whose state this is. */
    public Network network() {
        return network;
    }

    /** The number of trainable values. */
    public int parameterCount() {
        return values.length;
    }

    /** The bytes it holds, about: what a store of states counts against its limit. */
    public long bytes() {
        long statistics = runningStatistics.values().stream().mapToLong(s -> 8L * s.length).sum();
        return 4L * values.length + statistics + 64;
    }

    /** The values themselves, for the engine to copy from: never to be changed. */
    float[] values() {
        return values;
    }

    /** Per BatchNorm layer (engine name), its running means then its running variances. */
    Map<String, double[]> runningStatistics() {
        return runningStatistics;
    }

    /**
     * The weights of a layer (a convolution, a dense layer or a projection shortcut; not biases or BatchNorm's
     * scales), as trained at this step: e.g. the first convolution's filters, to draw them. Empty for a node with
     * no weights.
     */
    public Optional<Weights> weights(String node) {
        Slice slice = weightSlices.get(node);
        if (slice == null) {
            return Optional.empty();
        }
        float[] copy = new float[slice.length()];
        System.arraycopy(values, slice.offset(), copy, 0, copy.length);
        return Optional.of(new Weights(slice.shape().clone(), copy));
    }

    /**
     * Every value of this state by node and part, the running statistics as floats: what an export to PyTorch
     * embeds ({@link org.resnetexplorer.graph.PyTorchExport#code(Network, TrainedValues)}).
     */
    public TrainedValues trainedValues() {
        List<TrainedValues.Tensor> tensors = new ArrayList<>();
        for (StateBlocks.Block block : StateBlocks.of(Analysis.of(network))) {
            float[] part = new float[block.length()];
            if (block.statistics()) {
                double[] statistics = runningStatistics.get(block.norm());
                int from = block.part() == TrainedValues.Part.RUNNING_MEAN ? 0 : part.length;
                for (int i = 0; i < part.length; i++) {
                    part[i] = (float) statistics[from + i];
                }
            } else {
                System.arraycopy(values, block.offset(), part, 0, part.length);
            }
            tensors.add(new TrainedValues.Tensor(block.node(), block.part(), block.shape(), part));
        }
        return new TrainedValues(run, step, tensors);
    }

    @Override
    public String toString() {
        return "NetworkState[" + run + " at step " + step + ", " + values.length + " values]";
    }
}
