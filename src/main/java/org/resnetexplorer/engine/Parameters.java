package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every trainable value of a network in one flat buffer, and every gradient in another of the same layout.
 * Each parameter is a view into them, so an optimiser updates the whole network in a handful of operations
 * and gradient norms are summed over ranges of one array read once.
 */
final class Parameters {

    /** What a parameter is, for gradient norms: weights of conv/dense layers, their biases, or BatchNorm's. */
    enum Role { WEIGHT, BIAS, GAMMA, BETA }

    /** One parameter: the node it belongs to, its role, where it lies in the buffers, and its two views. */
    record Parameter(String node, Role role, long offset, long length, INDArray value, INDArray grad) {
        boolean decays() {
            return role == Role.WEIGHT;
        }
    }

    /** A parameter before the buffers exist: its shape and initial values (row-major). */
    record Spec(String node, Role role, long[] shape, double[] initial) {
    }

    private final INDArray values;
    private final INDArray grads;
    private final List<Parameter> parameters;

    private Parameters(INDArray values, INDArray grads, List<Parameter> parameters) {
        this.values = values;
        this.grads = grads;
        this.parameters = parameters;
    }

    /** Allocates the buffers (outside any workspace: they live as long as the network) and the views. */
    static Parameters allocate(List<Spec> specs, DataType type) {
        long total = specs.stream().mapToLong(s -> s.initial().length).sum();
        double[] initial = new double[(int) total];
        int at = 0;
        for (Spec spec : specs) {
            System.arraycopy(spec.initial(), 0, initial, at, spec.initial().length);
            at += spec.initial().length;
        }
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray values = total == 0 ? Nd4j.create(type, 1) : Nd4j.createFromArray(initial).castTo(type);
            INDArray grads = Nd4j.zeros(type, Math.max(total, 1));
            List<Parameter> views = new ArrayList<>();
            long offset = 0;
            for (Spec spec : specs) {
                long length = spec.initial().length;
                views.add(new Parameter(spec.node(), spec.role(), offset, length, view(values, offset, length, spec.shape()),
                        view(grads, offset, length, spec.shape())));
                offset += length;
            }
            return new Parameters(values, grads, Collections.unmodifiableList(views));
        }
    }

    private static INDArray view(INDArray buffer, long offset, long length, long[] shape) {
        INDArray view = buffer.get(NDArrayIndex.interval(offset, offset + length)).reshape('c', shape);
        if (!view.isView() && length > 1) {
            throw new IllegalStateException("a parameter is not a view of its buffer");
        }
        return view;
    }

    List<Parameter> all() {
        return parameters;
    }

    /** The flat buffer of all values (for the optimiser). */
    INDArray values() {
        return values;
    }

    /** The flat buffer of all gradients, laid out as {@link #values()}. */
    INDArray grads() {
        return grads;
    }

    /** Number of trainable values. */
    long count() {
        return parameters.stream().mapToLong(Parameter::length).sum();
    }
}
