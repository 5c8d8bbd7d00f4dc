package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.AvgPool;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.Flatten;
import org.resnetexplorer.graph.GlobalAvgPool;
import org.resnetexplorer.graph.Input;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.MaxPool;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Shortcut;
import org.resnetexplorer.graph.Wire;
import org.resnetexplorer.i18n.Texts;

/**
 * A validated network compiled into {@link Layer}s in network order, with its parameters in flat buffers. Image
 * batches go in and come out channels first (NCHW); inside, the layers work channels last ({@link ChannelsLast}).
 * {@link #forward} keeps every node's output of the pass ({@link #activation}), which is what the
 * measurements read; {@link #backward} fills the gradient buffer from dL/d(logits). A Dense with bias whose only
 * consumer is a ReLU runs fused with it (one op each way), so its recorded output is the ReLU's.
 *
 * <p>Not thread-safe: one trainer thread drives it. The arrays of a pass live in the caller's workspace or are
 * reused by their layer at the next pass ({@link ReusedArray}): read them before the next pass, copy what you keep.
 */
public final class CompiledNetwork {
    private final Network network;
    private final Analysis analysis;
    private final DataType dataType;
    private final Parameters parameters;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final Map<String, String[]> sources = new HashMap<>();
    private final String inputNode;
    private final String logitsNode;
    /** Every node's output of the last pass, in the engine's layout (image batches NHWC: {@link ChannelsLast}). */
    private final Map<String, INDArray> activations = new HashMap<>();
    /** The batch of the last pass as it came (NCHW for images). */
    private INDArray inputBatch;
    /** dL/d(input) of the last backward: the first layers compute it anyway, so keeping it costs nothing. */
    private INDArray inputGradient;
    /** Where each layer's weights lie among the values, for the states taken (one map shared by all of them). */
    private final Map<String, NetworkState.Slice> weightSlices;
    private LayerProfile profile;

    private CompiledNetwork(Analysis analysis, DataType dataType, long seed) {
        this.network = analysis.network();
        this.analysis = analysis;
        this.dataType = dataType;
        this.parameters = Parameters.allocate(new Initialiser(analysis, seed).specs(), dataType);
        Map<String, Map<Parameters.Role, Parameters.Parameter>> owned = new HashMap<>();
        Map<String, NetworkState.Slice> slices = new HashMap<>();
        for (Parameters.Parameter p : parameters.all()) {
            owned.computeIfAbsent(p.node(), k -> new HashMap<>()).put(p.role(), p);
            if (p.role() == Parameters.Role.WEIGHT) {
                slices.put(p.node(), new NetworkState.Slice(Math.toIntExact(p.offset()), p.value().shape()));
            }
        }
        this.weightSlices = Map.copyOf(slices);
        String input = null;
        String logits = null;
        for (String name : analysis.order()) {
            LayerSpec spec = network.requireNode(name).layer();
            sources.put(name, spec.inputPorts().stream().map(port -> network.source(name, port).orElseThrow())
                    .toArray(String[]::new));
            if (spec instanceof Input) {
                input = name;
            } else if (spec instanceof Output) {
                logits = sources.get(name)[0];
            } else {
                layers.put(name, layer(name, spec, owned.getOrDefault(name, Map.of())));
            }
        }
        this.inputNode = input;
        this.logitsNode = logits;
    }

    /**
     * Compiles a network for training in the given precision ({@code FLOAT} to train, {@code DOUBLE} for
     * gradient checks), with parameters initialised from {@code seed}.
     *
     * @throws EngineException if the network is not valid, naming its first problem
     */
    public static CompiledNetwork compile(Network network, DataType dataType, long seed) throws EngineException {
        return compile(Analysis.of(network), dataType, seed);
    }

    /** Compiles the network of an analysis already made. */
    static CompiledNetwork compile(Analysis analysis, DataType dataType, long seed) throws EngineException {
        requireValid(analysis);
        return new CompiledNetwork(analysis, dataType, seed);
    }

    /** Refuses a network that is not valid, naming its first problem. */
    static void requireValid(Analysis analysis) throws EngineException {
        List<Problem> errors = analysis.errors();
        if (!errors.isEmpty()) {
            String name = analysis.network().name();
            String first = errors.get(0).message();
            throw new EngineException(errors.size() > 1
                    ? Texts.format("compiledNetwork.cannot.train.more", name, first,
                            Texts.count("count.more.problems", errors.size() - 1))
                    : Texts.format("compiledNetwork.cannot.train", name, first));
        }
    }

    private Layer layer(String name, LayerSpec spec, Map<Parameters.Role, Parameters.Parameter> params) {
        Parameters.Parameter weight = params.get(Parameters.Role.WEIGHT);
        Parameters.Parameter bias = params.get(Parameters.Role.BIAS);
        if (spec instanceof Dense) {
            return new DenseLayer(name, weight, bias, bias != null && reluFollows(name));
        } else if (spec instanceof Activation activation && activation.function() == ActivationFunction.RELU
                && fusedInto(name)) {
            // the Dense, BatchNorm or Add before it already applied the ReLU: pass its output on
            return new ActivationLayer(name, ActivationFunction.IDENTITY);
        } else if (spec instanceof Conv2D conv) {
            return new ConvLayer(name, weight, bias, conv.stride(), conv.padding());
        } else if (spec instanceof BatchNorm bn) {
            return new BatchNormLayer(name, params.get(Parameters.Role.GAMMA), params.get(Parameters.Role.BETA),
                    bn.epsilon(), bn.momentum(), reluFollows(name));
        } else if (spec instanceof Activation activation && activation.function() == ActivationFunction.RELU) {
            return ReluLayer.single(name);
        } else if (spec instanceof Activation activation) {
            return new ActivationLayer(name, activation.function());
        } else if (spec instanceof Add) {
            return reluFollows(name) ? ReluLayer.afterAdd(name) : new AddLayer(name);
        } else if (spec instanceof Shortcut shortcut) {
            return shortcut(name, shortcut, params);
        } else if (spec instanceof MaxPool pool) {
            return PoolLayer.max(name, pool.kernel(), pool.stride(), pool.padding());
        } else if (spec instanceof AvgPool pool) {
            return PoolLayer.average(name, pool.kernel(), pool.stride(), pool.padding());
        } else if (spec instanceof GlobalAvgPool) {
            return PoolLayer.globalAverage(name);
        } else if (spec instanceof Flatten) {
            return new ReshapeLayer(name);
        } else if (spec instanceof Dropout dropout) {
            return new DropoutLayer(name, dropout.rate());
        }
        throw new IllegalStateException("no engine layer for " + spec.kind());
    }

    /** Whether a node's only consumer is a ReLU, which a Dense (with bias), BatchNorm or Add then computes itself. */
    private boolean reluFollows(String node) {
        List<Wire> next = network.consumers(node);
        return next.size() == 1 && network.requireNode(next.get(0).to()).layer() instanceof Activation a
                && a.function() == ActivationFunction.RELU;
    }

    /** Whether this ReLU was fused into the Dense with bias, the BatchNorm or the Add that feeds it. */
    private boolean fusedInto(String relu) {
        String from = sources.get(relu)[0];
        LayerSpec before = network.requireNode(from).layer();
        return (before instanceof Dense dense && dense.bias() || before instanceof BatchNorm || before instanceof Add)
                && reluFollows(from);
    }

    private Layer shortcut(String name, Shortcut shortcut, Map<Parameters.Role, Parameters.Parameter> params) {
        Analysis.Facts facts = analysis.facts(name).orElseThrow();
        Shape in = facts.inputs().get(0);
        if (!shortcut.projects(in)) {
            return new ShortcutLayer(name, in, facts.output(), shortcut.stride());
        }
        Layer projection = in instanceof Shape.Image
                ? new ConvLayer(name + "#conv", params.get(Parameters.Role.WEIGHT), null, shortcut.stride(), 0)
                : new DenseLayer(name + "#dense", params.get(Parameters.Role.WEIGHT), null);
        Layer norm = new BatchNormLayer(name + "#bn", params.get(Parameters.Role.GAMMA), params.get(Parameters.Role.BETA),
                BatchNorm.DEFAULT_EPSILON, BatchNorm.DEFAULT_MOMENTUM);
        return new ShortcutLayer(name, projection, norm);
    }

    /**
     * Runs a batch through the network and returns the logits [B, classes]. Every node's output stays readable
     * through {@link #activation} until the next pass.
     */
    public INDArray forward(INDArray batch, boolean training) {
        activations.clear();
        inputGradient = null;
        inputBatch = batch;
        activations.put(inputNode, ChannelsLast.fromChannelsFirst(batch));
        for (Map.Entry<String, Layer> entry : layers.entrySet()) {
            String[] from = sources.get(entry.getKey());
            INDArray[] inputs = new INDArray[from.length];
            for (int i = 0; i < from.length; i++) {
                inputs[i] = activations.get(from[i]);
            }
            if (profile == null) {
                activations.put(entry.getKey(), entry.getValue().forward(inputs, training));
            } else {
                long start = System.nanoTime();
                activations.put(entry.getKey(), entry.getValue().forward(inputs, training));
                profile.record(entry.getValue(), false, System.nanoTime() - start);
            }
        }
        return activations.get(logitsNode);
    }

    /**
     * Back-propagates dL/d(logits) through the last pass, leaving every parameter's gradient in
     * {@link #gradients()} (zero for parameters the loss does not reach) and dL/d(input) in {@link #inputGradient()}
     * (unless told to {@link #skipInputGradient skip it}).
     * After a training pass BatchNorm's gradient runs through the batch's statistics; after an inference pass
     * through the running ones, held constant.
     */
    public void backward(INDArray gradLogits) {
        parameters.grads().assign(0);
        Map<String, INDArray> grads = new HashMap<>();
        grads.put(logitsNode, gradLogits);
        List<String> reversed = new ArrayList<>(layers.keySet());
        Collections.reverse(reversed);
        for (String name : reversed) {
            INDArray grad = grads.remove(name);
            if (grad == null) {
                continue;
            }
            long start = profile == null ? 0 : System.nanoTime();
            INDArray[] inputGrads = layers.get(name).backward(grad);
            if (profile != null) {
                profile.record(layers.get(name), true, System.nanoTime() - start);
            }
            String[] from = sources.get(name);
            for (int i = 0; i < from.length; i++) {
                if (inputGrads[i] == null) { // a layer on the input that was told no one needs its gradient
                    continue;
                }
                // add() rather than addi(): an Add hands the same array to both of its inputs
                grads.merge(from[i], inputGrads[i], INDArray::add);
            }
        }
        INDArray toInput = grads.get(inputNode);
        inputGradient = toInput == null ? null : ChannelsLast.toChannelsFirst(toInput);
    }

    /**
     * Lets the backward skip dL/d(input) where that saves work: a convolution on the network's input then computes
     * its weights' gradient alone (the images' gradient cost as much again). Training does this; {@link
     * #inputGradient()} may then be empty. Every other use keeps the default, with the input's gradient.
     */
    void skipInputGradient() {
        for (Map.Entry<String, Layer> entry : layers.entrySet()) {
            String[] from = sources.get(entry.getKey());
            if (entry.getValue() instanceof ConvLayer conv && from.length == 1 && from[0].equals(inputNode)) {
                conv.computeInputGradient(false);
            }
        }
    }

    /**
     * dL/d(input) of the last {@link #backward}, in the input's shape with the batch first (in the caller's
     * workspace, valid until the next pass); empty before the first backward or when the loss does not reach the
     * input.
     */
    public Optional<INDArray> inputGradient() {
        return Optional.ofNullable(inputGradient);
    }

    /**
     * Makes every BatchNorm's running statistics those of the last training pass's batch, so that inference passes
     * over that batch compute what the training pass computed, but each example as a function of itself alone:
     * {@link InputGradients} differentiates that function. The trained state's statistics are overwritten.
     */
    void keepBatchStatistics() {
        for (BatchNormLayer bn : batchNorms()) {
            bn.keepBatchStatistics();
        }
    }

    /** The engine layer of a node (none for the Input and the Output). */
    Optional<Layer> layer(String node) {
        return Optional.ofNullable(layers.get(node));
    }

    /**
     * The values of a node's output in the last pass as floats, in the engine's layout (channels last for an image
     * batch): for statistics over all of them, which do not depend on the order (the measurements every few steps
     * read them without a reordered copy). From the Java-side arrays of a BatchNorm (for a float network the array
     * itself, valid until the next pass: read, do not keep), else copied.
     */
    Optional<float[]> outputValuesAnyOrder(String node) {
        if (layers.get(node) instanceof BatchNormLayer bn && activations.containsKey(node)) {
            return Optional.of(bn.outputValuesAnyOrder());
        }
        return engineOutput(node).map(a -> a.reshape(a.length()).toFloatVector());
    }

    /** The Euclidean norm of a node's output in the last pass (the order of its values does not matter). */
    Optional<Double> outputNorm(String node) {
        return engineOutput(node).map(a -> a.norm2Number().doubleValue());
    }

    /**
     * The trained state now: every trainable value and every BatchNorm's running statistics, copied, tagged with
     * the run and the steps trained.
     */
    public NetworkState state(String run, int step) {
        Map<String, double[]> statistics = new HashMap<>();
        for (BatchNormLayer bn : batchNorms()) {
            statistics.put(bn.name, bn.runningStatistics());
        }
        return new NetworkState(run, step, network, parameters.values().toFloatVector(), statistics, weightSlices);
    }

    /**
     * Puts a state of the same network back: every trainable value (cast to this network's precision) and every
     * running statistic, so the next pass computes what the network computed when the state was taken.
     *
     * @throws IllegalArgumentException if the state is of another network
     */
    public void load(NetworkState state) {
        if (!state.network().equals(network) || state.parameterCount() != parameters.count()) {
            throw new IllegalArgumentException("a state of " + state.network().name() + " cannot load into "
                    + network.name());
        }
        try (var ignored = org.nd4j.linalg.factory.Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (parameters.count() > 0) {
                parameters.values().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(state.values())
                        .castTo(dataType));
            }
        }
        for (BatchNormLayer bn : batchNorms()) {
            double[] statistics = state.runningStatistics().get(bn.name);
            if (statistics == null) {
                throw new IllegalArgumentException("the state has no running statistics for " + bn.name);
            }
            bn.loadRunningStatistics(statistics);
        }
    }

    /** Every BatchNorm of the network, those inside projection shortcuts too. */
    private List<BatchNormLayer> batchNorms() {
        List<BatchNormLayer> found = new ArrayList<>();
        for (Layer layer : layers.values()) {
            if (layer instanceof BatchNormLayer bn) {
                found.add(bn);
            } else if (layer instanceof ShortcutLayer shortcut
                    && shortcut.projectionNorm().orElse(null) instanceof BatchNormLayer bn) {
                found.add(bn);
            }
        }
        return found;
    }

    /** Where each layer's weights lie among the values (what a state of this network records). */
    Map<String, NetworkState.Slice> weightSlices() {
        return weightSlices;
    }

    /** Times every layer call into {@code profile} from now on ({@code null}: stop timing). */
    void profile(LayerProfile profile) {
        this.profile = profile;
    }

    /**
     * The output of a node in the last pass (the batch itself for the Input), an image batch channels first
     * (NCHW) like the input: a copy of the engine's NHWC tensor, in the current workspace.
     */
    public Optional<INDArray> activation(String node) {
        if (node.equals(inputNode)) {
            return Optional.ofNullable(inputBatch);
        }
        return engineOutput(node).map(ChannelsLast::toChannelsFirst);
    }

    /** A node's output in the last pass in the engine's layout (channels last for an image batch). */
    private Optional<INDArray> engineOutput(String node) {
        // a layer that applies the ReLU after it stores the ReLU's output; the node's own output is before it
        INDArray output = activations.get(node);
        if (output != null) {
            if (layers.get(node) instanceof BatchNormLayer bn && bn.fusesRelu()) {
                output = bn.preActivation();
            } else if (layers.get(node) instanceof ReluLayer relu && relu.adds()) {
                output = relu.sum();
            }
        }
        return Optional.ofNullable(output);
    }

    public Network network() {
        return network;
    }

    public Analysis analysis() {
        return analysis;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The flat buffer of every trainable value. */
    public INDArray values() {
        return parameters.values();
    }

    /** The flat buffer of every gradient, in the layout of {@link #values()}. */
    public INDArray gradients() {
        return parameters.grads();
    }

    Parameters parameters() {
        return parameters;
    }

    /** Trainable values, as {@link Analysis#totalParams()} counts them. */
    public long parameterCount() {
        return parameters.count();
    }
}
