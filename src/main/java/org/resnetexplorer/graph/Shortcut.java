package org.resnetexplorer.graph;

import java.util.List;
import java.util.Objects;

/**
 * The shortcut path of a residual block, carrying x around the residual branch to the {@link Add}. It maps
 * its input to {@code filters} channels (features) subsampled by {@code stride}, the shape of the branch's
 * output, as its {@link ShortcutOption} says: by identity and zero padding (A), or by a 1x1 projection
 * convolution followed by BatchNorm (B where the shape changes, C always).
 */
public record Shortcut(ShortcutOption option, int filters, int stride) implements LayerSpec {
    public Shortcut {
        Objects.requireNonNull(option, "option");
        Checks.atLeast(1, filters, "filters");
        Checks.atLeast(1, stride, "stride");
    }

    @Override
    public String kind() {
        return "Shortcut";
    }

    @Override
    public String label() {
        return "Shortcut " + option;
    }

    /** Whether this shortcut is a 1x1 projection (with parameters) for this input, rather than an identity. */
    public boolean projects(Shape input) {
        return switch (option) {
            case A -> false;
            case B -> stride != 1 || LayerSpec.features(input) != filters;
            case C -> true;
        };
    }

    @Override
    public Shape outputShape(List<Shape> inputs) throws ShapeException {
        Shape in = inputs.get(0);
        int features = LayerSpec.features(in);
        if (option == ShortcutOption.A && filters < features) {
            throw new ShapeException(String.format(ShapeException.OPTION_A_SHRINKS, in, features, filters));
        }
        if (in instanceof Shape.Image image) {
            return Windows.image(image, filters, subsampled(image.height()), subsampled(image.width()));
        }
        if (stride != 1) {
            throw new ShapeException(String.format(ShapeException.FLAT_STRIDE, in));
        }
        return Shape.flat(filters);
    }

    /** Length along one axis after taking every {@code stride}-th value (what a 1x1 conv of that stride sees). */
    private int subsampled(int n) {
        return (n - 1) / stride + 1;
    }

    @Override
    public long params(List<Shape> inputs) {
        Shape in = inputs.get(0);
        return projects(in) ? Math.addExact((long) LayerSpec.features(in) * filters, 2L * filters) : 0;
    }

    @Override
    public long macs(List<Shape> inputs, Shape output) {
        Shape in = inputs.get(0);
        if (!projects(in)) {
            return 0;
        }
        long positions = output instanceof Shape.Image image ? (long) image.height() * image.width() : 1;
        return Math.multiplyExact((long) LayerSpec.features(in) * filters, positions);
    }
}
