package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small valid network holding every layer kind, every activation, every shortcut option (A on images, B and C
 * on flat vectors), dense layers with and without bias, and a block of each kind: the network the tests of the
 * code that handles each kind in turn (files, engine, initialiser, PyTorch export) run on.
 */
public final class EveryKind {
    private EveryKind() {
    }

    public static Network network() {
        NetworkBuilder b = new NetworkBuilder("every kind");
        String x = b.add("input", new Input(Shape.image(3, 16, 16)));
        x = b.add("conv", new Conv2D(8, 3, 1, 1, true), x);
        x = b.add("bn", new BatchNorm(1e-3, 0.01), x);
        x = b.add("tanh", new Activation(ActivationFunction.TANH), x);
        x = b.add("maxpool", new MaxPool(3, 2, 1), x);
        x = b.add("avgpool", new AvgPool(2, 2, 0), x);
        x = residual(b, "skip", BlockKind.CUSTOM, x, new Conv2D(16, 3, 2, 1, false), new Shortcut(ShortcutOption.A, 16, 2));
        x = b.add("relu", Activation.RELU, x);
        x = b.add("gap", new GlobalAvgPool(), x);
        x = b.add("flatten", new Flatten(), x);
        x = b.add("dense", new Dense(12, false), x);
        x = b.add("sigmoid", new Activation(ActivationFunction.SIGMOID), x);
        x = b.add("dropout", new Dropout(0.25), x);
        x = residual(b, "project", BlockKind.BOTTLENECK, x, new Dense(12, true), new Shortcut(ShortcutOption.C, 12, 1));
        x = residual(b, "narrow", BlockKind.PREACT, x, new Dense(10, true), new Shortcut(ShortcutOption.B, 10, 1));
        x = b.add("identity", new Activation(ActivationFunction.IDENTITY), x);
        b.add("output", new Output(10), x);
        Network network = b.build();
        assertThat(Analysis.of(network).problems()).as("problems of the every-kind network").isEmpty();
        assertThat(kinds(network)).as("the every-kind network covers every layer kind")
                .containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
        return network;
    }

    /** The layer kinds (record classes) of the network's nodes. */
    public static Set<Class<?>> kinds(Network network) {
        return network.nodes().stream().<Class<?>>map(n -> n.layer().getClass()).collect(Collectors.toSet());
    }

    private static String residual(NetworkBuilder b, String name, BlockKind kind, String in, LayerSpec layer,
            Shortcut shortcut) {
        int mark = b.size();
        String branch = b.add(name + ".layer", layer, in);
        String add = b.add(name + ".add", new Add(), branch, b.add(name + ".shortcut", shortcut, in));
        b.addBlock(new Block(name, kind, shortcut.option(), branch, b.namesSince(mark)));
        return add;
    }
}
