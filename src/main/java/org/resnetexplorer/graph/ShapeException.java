package org.resnetexplorer.graph;

/**
 * A layer cannot take the shapes it is given. The message continues a sentence that starts with the node,
 * e.g. {@code "gets 16x32x32 and 32x16x16: use a projection shortcut or option A"}.
 */
public final class ShapeException extends Exception {
    public ShapeException(String message) {
        super(message);
    }

    static Shape.Image requireImage(Shape in, String hint) throws ShapeException {
        if (in instanceof Shape.Image image) {
            return image;
        }
        throw new ShapeException("gets " + in + ", a flat vector, but needs an image (channels x height x width): " + hint);
    }

    static Shape.Flat requireFlat(Shape in, String hint) throws ShapeException {
        if (in instanceof Shape.Flat flat) {
            return flat;
        }
        throw new ShapeException("gets " + in + ", an image, but needs a flat vector: " + hint);
    }
}
