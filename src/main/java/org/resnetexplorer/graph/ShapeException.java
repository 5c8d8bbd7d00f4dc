package org.resnetexplorer.graph;

import org.resnetexplorer.i18n.Texts;

/**
 * A layer cannot take the shapes it is given. The message continues a sentence that starts with the node,
 * e.g. {@code "gets 16x32x32 and 32x16x16: use a projection shortcut or option A"}.
 */
public final class ShapeException extends Exception {
    static final String NEEDS_IMAGE = Texts.get("shape.needs.image");
    static final String NEEDS_FLAT = Texts.get("shape.needs.flat");
    static final String WINDOW_TOO_BIG = Texts.get("shape.window.too.big");
    static final String ADD_MISMATCH = Texts.get("shape.add.mismatch");
    static final String TOO_MANY_VALUES = Texts.get("shape.too.many.values");
    static final String TOO_LARGE = Texts.get("shape.too.large");
    static final String OPTION_A_SHRINKS = Texts.get("shape.option.a.shrinks");
    static final String FLAT_STRIDE = Texts.get("shape.flat.stride");
    static final String WRONG_CLASSES = Texts.get("shape.wrong.classes");
    static final String HINT_CONV_BEFORE_FLATTEN = Texts.get("shape.hint.conv.before.flatten");
    static final String HINT_FLATTEN_FIRST = Texts.get("shape.hint.flatten.first");
    static final String HINT_ALREADY_FLAT = Texts.get("shape.hint.already.flat");
    static final String HINT_POOL_BEFORE_FLATTEN = Texts.get("shape.hint.pool.before.flatten");
    public ShapeException(String message) {
        super(message);
    }

    static Shape.Image requireImage(Shape in, String hint) throws ShapeException {
        if (in instanceof Shape.Image image) {
            return image;
        }
        throw new ShapeException(String.format(NEEDS_IMAGE, in, hint));
    }

    static Shape.Flat requireFlat(Shape in, String hint) throws ShapeException {
        if (in instanceof Shape.Flat flat) {
            return flat;
        }
        throw new ShapeException(String.format(NEEDS_FLAT, in, hint));
    }
}
