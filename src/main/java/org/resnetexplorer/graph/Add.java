package org.resnetexplorer.graph;

import java.util.List;

/**
 * The merge of a residual block: {@code H(x) = F(x) + x}, the output of the residual branch (port
 * {@value #RESIDUAL}) plus the shortcut (port {@value #SHORTCUT}). Both must have the same shape.
 */
public record Add() implements LayerSpec {
    public static final String RESIDUAL = "residual";
    public static final String SHORTCUT = "shortcut";

    @Override
    public String kind() {
        return "Add";
    }

    @Override
    public List<String> inputPorts() {
        return List.of(RESIDUAL, SHORTCUT);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape residual = inputs.get(0);
        Shape shortcut = inputs.get(1);
        if (!residual.equals(shortcut)) {
            throw new ShapeException(String.format(ShapeException.ADD_MISMATCH, residual, shortcut));
        }
        return residual;
    }
}
