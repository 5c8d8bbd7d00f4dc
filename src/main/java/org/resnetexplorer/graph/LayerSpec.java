package org.resnetexplorer.graph;

import java.util.List;

/**
 * What one node of a network computes, with its settings. Each kind states its own rules side by side:
 * which input ports it has, the shape it outputs, its parameter count and its multiply-adds.
 *
 * <p>Multiply-adds count only the weighted layers (convolutions, dense layers, projection shortcuts), as
 * the paper's "FLOPs" do; BatchNorm, activations, pooling and additions count zero.
 */
public sealed interface LayerSpec
        permits Input, Dense, Conv2D, BatchNorm, Activation, Add, Shortcut, MaxPool, AvgPool, GlobalAvgPool,
        Flatten, Dropout, Output {

    /** The port every single-input layer reads from. */
    String IN = "in";

    /** Stable name of the kind, used in files: {@code "Conv2D"}. */
    String kind();

    /** What a student reads in a table: the kind, or the function for an activation ({@code "ReLU"}). */
    default String label() {
        return kind();
    }

    /** Names of the input ports, in the order {@link #outputShape} receives their shapes. */
    default List<String> inputPorts() {
        return List.of(IN);
    }

    /**
     * The output shape for the given input shapes (one per port, in port order).
     *
     * @throws ShapeException saying why this layer cannot take these shapes and what to do
     */
    Shape outputShape(List<Shape> inputs) throws ShapeException;

    /**
     * Trainable parameters for these input shapes (BatchNorm's running statistics are not trainable).
     *
     * @throws ArithmeticException if the count passes {@code Long.MAX_VALUE} ({@link Analysis} reports it)
     */
    default long params(List<Shape> inputs) {
        return 0;
    }

    /**
     * Multiply-adds of one forward pass of one example.
     *
     * @throws ArithmeticException if the count passes {@code Long.MAX_VALUE} ({@link Analysis} reports it)
     */
    default long macs(List<Shape> inputs, Shape output) {
        return 0;
    }

    /** Channels of an image, or features of a flat vector: what BatchNorm normalises and Shortcut maps. */
    static int features(Shape shape) {
        return shape instanceof Shape.Image image ? image.channels() : ((Shape.Flat) shape).size();
    }
}
