package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each layer kind's rules, checked against numbers worked out by hand: the shape it outputs, its trainable
 * parameters and its multiply-adds, plus the checks on its settings.
 */
@DisplayName("Layer specs")
class LayerSpecTest {

    // ---------------------------------------------------------------- helpers

    private static Shape.Image img(int c, int h, int w) {
        return Shape.image(c, h, w);
    }

    private static Shape.Flat flat(int n) {
        return Shape.flat(n);
    }

    /** The output shape of a one-input layer, failing the test (with the layer's own message) if refused. */
    private static Shape out(LayerSpec layer, Shape in) {
        try {
            return layer.outputShape(List.of(in));
        } catch (ShapeException e) {
            throw new AssertionError(layer + " refused " + in + ": " + e.getMessage(), e);
        }
    }

    private static long params(LayerSpec layer, Shape in) {
        return layer.params(List.of(in));
    }

    private static long macs(LayerSpec layer, Shape in) {
        return layer.macs(List.of(in), out(layer, in));
    }

    private static ThrowingCallable shapeOf(LayerSpec layer, Shape in) {
        return () -> layer.outputShape(List.of(in));
    }

    private static void assertRefusedSetting(ThrowingCallable construct, String setting, String got) {
        assertThatThrownBy(construct)
                .as("a bad %s should be refused with an IllegalArgumentException", setting)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(setting + " must be")
                .hasMessageContaining("(got " + got + ")");
    }

    // ---------------------------------------------------------------- Input

    @Nested
    @DisplayName("Input")
    class InputRules {
        @Test
        @DisplayName("has no input ports and outputs exactly the shape it was given, with no parameters")
        void outputsItsShape() throws ShapeException {
            Input image = new Input(img(3, 32, 32));
            Input vector = new Input(flat(2));

            assertThat(image.inputPorts()).as("an Input reads from no other layer").isEmpty();
            assertThat(image.outputShape(List.of())).as("an image Input's output shape").isEqualTo(img(3, 32, 32));
            assertThat(vector.outputShape(List.of())).as("a flat Input's output shape").isEqualTo(flat(2));
            assertThat(image.params(List.of())).as("an Input has nothing to learn").isZero();
            assertThat(image.macs(List.of(), img(3, 32, 32))).as("an Input computes nothing").isZero();
            assertThat(image.kind()).as("kind of an Input").isEqualTo("Input");
            assertThat(image.label()).as("label of an Input").isEqualTo("Input");
        }

        @Test
        @DisplayName("refuses a missing shape, naming it")
        void refusesNullShape() {
            assertThatThrownBy(() -> new Input(null)).as("an Input without a shape")
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("shape");
        }
    }

    // ---------------------------------------------------------------- Conv2D

    @Nested
    @DisplayName("Conv2D")
    class Conv2DRules {
        @Test
        @DisplayName("3x3 stride 2 padding 1 with 32 filters halves a 16x32x32 image to 32x16x16")
        void stridedConvolution() {
            Conv2D conv = new Conv2D(32, 3, 2, 1, false);
            Shape.Image in = img(16, 32, 32);

            assertThat(out(conv, in)).as("floor((32 + 2*1 - 3) / 2) + 1 = 16 on each axis, 32 filters")
                    .isEqualTo(img(32, 16, 16));
            assertThat(params(conv, in)).as("3x3 kernels over 16 channels for 32 filters, no bias")
                    .isEqualTo(3L * 3 * 16 * 32);
            assertThat(macs(conv, in)).as("one 3*3*16 dot product per filter per output pixel (16x16)")
                    .isEqualTo(3L * 3 * 16 * 32 * 16 * 16);
        }

        @Test
        @DisplayName("with a bias has one more parameter per filter and the same multiply-adds")
        void biasAddsOnePerFilter() {
            Conv2D conv = new Conv2D(32, 3, 2, 1, true);
            Shape.Image in = img(16, 32, 32);

            assertThat(params(conv, in)).as("weights plus one bias per filter").isEqualTo(3L * 3 * 16 * 32 + 32);
            assertThat(macs(conv, in)).as("a bias adds no multiplications").isEqualTo(3L * 3 * 16 * 32 * 16 * 16);
        }

        @Test
        @DisplayName("the ImageNet stem, 7x7 stride 2 padding 3, takes 3x224x224 to 64x112x112")
        void imageNetStem() {
            Conv2D conv = new Conv2D(64, 7, 2, 3, false);
            Shape.Image in = img(3, 224, 224);

            assertThat(out(conv, in)).as("floor((224 + 6 - 7) / 2) + 1 = 112").isEqualTo(img(64, 112, 112));
            assertThat(params(conv, in)).as("7*7*3*64 weights").isEqualTo(7L * 7 * 3 * 64);
            assertThat(macs(conv, in)).as("7*7*3*64 per output pixel, 112x112 pixels").isEqualTo(7L * 7 * 3 * 64 * 112 * 112);
        }

        @ParameterizedTest(name = "kernel {0} stride {1} padding {2} on {3}x{4} gives {5}x{6}")
        @DisplayName("rounds odd sizes down: floor((n + 2p - k) / s) + 1 on each axis separately")
        @CsvSource({
            "7, 2, 0, 9, 9, 2, 2",     // (9 - 7) / 2 + 1
            "7, 2, 3, 15, 15, 8, 8",   // (15 + 6 - 7) / 2 + 1
            "3, 2, 1, 7, 7, 4, 4",     // (7 + 2 - 3) / 2 + 1
            "3, 2, 1, 15, 9, 8, 5",    // non-square: height and width each on their own
            "3, 1, 0, 5, 3, 3, 1",     // valid convolution shrinks by k - 1
            "1, 2, 0, 7, 7, 4, 4",     // 1x1 stride 2, as a projection shortcut
            "3, 3, 1, 10, 10, 4, 4",   // (10 + 2 - 3) / 3 + 1 = 3 + 1
        })
        void oddSizes(int kernel, int stride, int padding, int h, int w, int outH, int outW) {
            Conv2D conv = new Conv2D(8, kernel, stride, padding, false);
            Shape.Image in = img(4, h, w);

            assertThat(out(conv, in)).as("output of %dx%d stride %d padding %d on %s", kernel, kernel, stride, padding, in)
                    .isEqualTo(img(8, outH, outW));
            assertThat(macs(conv, in)).as("multiply-adds follow the output size %dx%d", outH, outW)
                    .isEqualTo((long) kernel * kernel * 4 * 8 * outH * outW);
        }

        @Test
        @DisplayName("refuses an image smaller than its window, saying what to do")
        void windowLargerThanInput() {
            assertThatThrownBy(shapeOf(new Conv2D(8, 5, 1, 0, false), img(3, 4, 4)))
                    .as("a 5x5 kernel cannot slide over a 4x4 image without padding")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 3x4x4, smaller than its 5x5 window: use a smaller kernel, more padding or a larger input");
        }

        @Test
        @DisplayName("accepts a window exactly as large as the padded input (one output pixel)")
        void windowExactlyFits() {
            assertThat(out(new Conv2D(8, 5, 1, 1, false), img(3, 3, 3))).as("3 + 2*1 - 5 = 0, so 1 pixel")
                    .isEqualTo(img(8, 1, 1));
        }

        @Test
        @DisplayName("refuses a flat vector, pointing at Flatten")
        void refusesFlatInput() {
            assertThatThrownBy(shapeOf(Conv2D.same(8, 3, 1), flat(10)))
                    .as("a convolution needs an image")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 10, a flat vector, but needs an image (channels x height x width): "
                            + "convolutions go before Flatten, not after");
        }

        @Test
        @DisplayName("same() pads by half the kernel, keeps the size at stride 1 and has no bias")
        void same() {
            assertThat(Conv2D.same(16, 3, 1)).as("same(16, 3, 1)").isEqualTo(new Conv2D(16, 3, 1, 1, false));
            assertThat(Conv2D.same(64, 7, 2)).as("same(64, 7, 2)").isEqualTo(new Conv2D(64, 7, 2, 3, false));
            assertThat(out(Conv2D.same(16, 3, 1), img(3, 11, 13))).as("a same convolution keeps 11x13")
                    .isEqualTo(img(16, 11, 13));
        }

        @Test
        @DisplayName("refuses filters, kernel or stride below 1 and negative padding, naming the setting")
        void checksSettings() {
            assertRefusedSetting(() -> new Conv2D(0, 3, 1, 1, false), "filters", "0");
            assertRefusedSetting(() -> new Conv2D(16, 0, 1, 1, false), "kernel", "0");
            assertRefusedSetting(() -> new Conv2D(16, 3, 0, 1, false), "stride", "0");
            assertRefusedSetting(() -> new Conv2D(16, 3, 1, -1, false), "padding", "-1");
            assertThat(new Conv2D(1, 1, 1, 0, false).padding()).as("padding 0 is allowed").isZero();
        }
    }

    // ---------------------------------------------------------------- Dense

    @Nested
    @DisplayName("Dense")
    class DenseRules {
        @Test
        @DisplayName("maps N features to its units, with N*units weights plus units biases")
        void withBias() {
            Dense dense = new Dense(10, true);
            assertThat(out(dense, flat(20))).as("20 features into 10 units").isEqualTo(flat(10));
            assertThat(params(dense, flat(20))).as("20*10 weights and 10 biases").isEqualTo(20L * 10 + 10);
            assertThat(macs(dense, flat(20))).as("one multiply-add per weight").isEqualTo(20L * 10);
        }

        @Test
        @DisplayName("without a bias has only the weights")
        void withoutBias() {
            Dense dense = new Dense(16, false);
            assertThat(params(dense, flat(2))).as("2*16 weights, no bias").isEqualTo(2L * 16);
            assertThat(macs(dense, flat(2))).as("one multiply-add per weight").isEqualTo(2L * 16);
        }

        @Test
        @DisplayName("refuses an image, pointing at Flatten or GlobalAvgPool")
        void refusesImage() {
            assertThatThrownBy(shapeOf(new Dense(10, true), img(64, 8, 8)))
                    .as("a Dense layer needs a flat vector")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 64x8x8, an image, but needs a flat vector: put a Flatten or GlobalAvgPool before it");
        }

        @Test
        @DisplayName("refuses fewer than 1 unit, naming the setting")
        void checksUnits() {
            assertRefusedSetting(() -> new Dense(0, true), "units", "0");
            assertRefusedSetting(() -> new Dense(-3, false), "units", "-3");
        }
    }

    // ---------------------------------------------------------------- BatchNorm

    @Nested
    @DisplayName("BatchNorm")
    class BatchNormRules {
        @Test
        @DisplayName("keeps an image's shape and learns a scale and a shift per channel (2*C)")
        void onImage() {
            BatchNorm bn = new BatchNorm();
            assertThat(out(bn, img(64, 56, 56))).as("BatchNorm keeps the shape").isEqualTo(img(64, 56, 56));
            assertThat(params(bn, img(64, 56, 56))).as("gamma and beta per channel, not per pixel").isEqualTo(2L * 64);
            assertThat(macs(bn, img(64, 56, 56))).as("BatchNorm counts no multiply-adds, as the paper does").isZero();
        }

        @Test
        @DisplayName("on a flat vector learns a scale and a shift per feature (2*N)")
        void onFlat() {
            BatchNorm bn = new BatchNorm();
            assertThat(out(bn, flat(16))).as("BatchNorm keeps the shape").isEqualTo(flat(16));
            assertThat(params(bn, flat(16))).as("gamma and beta per feature").isEqualTo(2L * 16);
        }

        @Test
        @DisplayName("defaults to epsilon 1e-5 and momentum 0.1")
        void defaults() {
            assertThat(new BatchNorm()).as("the default BatchNorm").isEqualTo(new BatchNorm(1e-5, 0.1));
        }

        @Test
        @DisplayName("refuses an epsilon that is not a positive number and a momentum outside [0, 1), naming it")
        void checksSettings() {
            assertRefusedSetting(() -> new BatchNorm(0, 0.1), "epsilon", "0.0");
            assertRefusedSetting(() -> new BatchNorm(-1e-5, 0.1), "epsilon", "-1.0E-5");
            assertRefusedSetting(() -> new BatchNorm(Double.NaN, 0.1), "epsilon", "NaN");
            assertRefusedSetting(() -> new BatchNorm(Double.POSITIVE_INFINITY, 0.1), "epsilon", "Infinity");
            assertRefusedSetting(() -> new BatchNorm(1e-5, 1.0), "momentum", "1.0");
            assertRefusedSetting(() -> new BatchNorm(1e-5, -0.1), "momentum", "-0.1");
            assertRefusedSetting(() -> new BatchNorm(1e-5, Double.NaN), "momentum", "NaN");
            assertThat(new BatchNorm(1e-3, 0).momentum()).as("momentum 0 (frozen statistics) is allowed").isZero();
        }
    }

    // ---------------------------------------------------------------- Activation

    @Nested
    @DisplayName("Activation")
    class ActivationRules {
        @ParameterizedTest(name = "{0}")
        @DisplayName("keeps the shape, has no parameters, and is labelled by its function")
        @EnumSource(ActivationFunction.class)
        void keepsShape(ActivationFunction function) {
            Activation act = new Activation(function);
            assertThat(out(act, img(16, 32, 32))).as("%s keeps an image's shape", function).isEqualTo(img(16, 32, 32));
            assertThat(out(act, flat(7))).as("%s keeps a vector's shape", function).isEqualTo(flat(7));
            assertThat(params(act, img(16, 32, 32))).as("%s learns nothing", function).isZero();
            assertThat(macs(act, img(16, 32, 32))).as("%s counts no multiply-adds", function).isZero();
            assertThat(act.kind()).as("kind of every activation").isEqualTo("Activation");
        }

        @Test
        @DisplayName("labels read ReLU, Tanh, Sigmoid and Identity, and RELU is the ReLU activation")
        void labels() {
            assertThat(new Activation(ActivationFunction.RELU).label()).as("label of relu").isEqualTo("ReLU");
            assertThat(new Activation(ActivationFunction.TANH).label()).as("label of tanh").isEqualTo("Tanh");
            assertThat(new Activation(ActivationFunction.SIGMOID).label()).as("label of sigmoid").isEqualTo("Sigmoid");
            assertThat(new Activation(ActivationFunction.IDENTITY).label()).as("label of identity").isEqualTo("Identity");
            assertThat(Activation.RELU).as("the RELU constant").isEqualTo(new Activation(ActivationFunction.RELU));
        }

        @Test
        @DisplayName("function ids read back in any case, and unknown text is refused with the choices")
        void parsesFunctions() {
            assertThat(ActivationFunction.parse(" ReLU ")).as("parse ' ReLU '").isEqualTo(ActivationFunction.RELU);
            assertThat(ActivationFunction.parse("tanh")).as("parse 'tanh'").isEqualTo(ActivationFunction.TANH);
            assertThat(ActivationFunction.SIGMOID.id()).as("id of SIGMOID").isEqualTo("sigmoid");
            assertThatThrownBy(() -> ActivationFunction.parse("gelu")).as("an unknown activation")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'gelu' is not an activation: use relu, tanh, sigmoid or identity");
        }

        @Test
        @DisplayName("refuses a missing function, naming it")
        void refusesNull() {
            assertThatThrownBy(() -> new Activation(null)).as("an activation without a function")
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("function");
        }
    }

    // ---------------------------------------------------------------- Add

    @Nested
    @DisplayName("Add")
    class AddRules {
        @Test
        @DisplayName("reads a residual and a shortcut port and outputs their common shape, costing nothing")
        void sameShapes() throws ShapeException {
            Add add = new Add();
            List<Shape> in = List.of(img(16, 32, 32), img(16, 32, 32));
            assertThat(add.inputPorts()).as("ports of Add, in order").containsExactly("residual", "shortcut");
            assertThat(add.outputShape(in)).as("F(x) + x has the shape of both").isEqualTo(img(16, 32, 32));
            assertThat(add.params(in)).as("an addition learns nothing").isZero();
            assertThat(add.macs(in, img(16, 32, 32))).as("an addition counts no multiply-adds").isZero();
        }

        @Test
        @DisplayName("refuses different shapes, residual first, pointing at a projection or option A")
        void mismatch() {
            assertThatThrownBy(() -> new Add().outputShape(List.of(img(16, 32, 32), img(32, 16, 16))))
                    .as("F(x) and x of different shapes cannot be added")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 16x32x32 and 32x16x16: use a projection shortcut or option A");
            assertThatThrownBy(() -> new Add().outputShape(List.of(flat(16), img(16, 1, 1))))
                    .as("a vector of 16 and a 16x1x1 image are different shapes")
                    .isInstanceOf(ShapeException.class);
        }
    }

    // ---------------------------------------------------------------- Shortcut

    @Nested
    @DisplayName("Shortcut")
    class ShortcutRules {
        @Test
        @DisplayName("option A is an identity where the shape stays the same")
        void optionAIdentity() {
            Shortcut shortcut = new Shortcut(ShortcutOption.A, 16, 1);
            Shape.Image in = img(16, 32, 32);
            assertThat(out(shortcut, in)).as("identity").isEqualTo(in);
            assertThat(shortcut.projects(in)).as("option A never projects").isFalse();
            assertThat(params(shortcut, in)).as("an identity has no parameters").isZero();
            assertThat(macs(shortcut, in)).as("an identity has no multiply-adds").isZero();
        }

        @Test
        @DisplayName("option A subsamples by the stride and pads the new channels with zeros, still free")
        void optionAZeroPads() {
            Shortcut shortcut = new Shortcut(ShortcutOption.A, 32, 2);
            assertThat(out(shortcut, img(16, 32, 32))).as("every 2nd pixel, 16 channels padded to 32")
                    .isEqualTo(img(32, 16, 16));
            assertThat(out(shortcut, img(16, 7, 7))).as("every 2nd pixel of 7 is 4 pixels, as a 3x3/2 pad 1 conv")
                    .isEqualTo(img(32, 4, 4));
            assertThat(shortcut.projects(img(16, 32, 32))).as("option A never projects").isFalse();
            assertThat(params(shortcut, img(16, 32, 32))).as("zero padding has no parameters").isZero();
            assertThat(macs(shortcut, img(16, 32, 32))).as("zero padding has no multiply-adds").isZero();
        }

        @Test
        @DisplayName("option A refuses to go down in channels, pointing at option B")
        void optionARefusesFewerChannels() {
            assertThatThrownBy(shapeOf(new Shortcut(ShortcutOption.A, 8, 1), img(16, 32, 32)))
                    .as("zero padding cannot remove channels")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 16x32x32 but option A can only add channels (padding zeros), not go from 16 down"
                            + " to 8: use option B");
        }

        @Test
        @DisplayName("option B is a free identity where the shape is unchanged")
        void optionBIdentity() {
            Shortcut shortcut = new Shortcut(ShortcutOption.B, 64, 1);
            Shape.Image in = img(64, 56, 56);
            assertThat(out(shortcut, in)).as("identity").isEqualTo(in);
            assertThat(shortcut.projects(in)).as("B does not project when nothing changes").isFalse();
            assertThat(params(shortcut, in)).as("B's identity has no parameters").isZero();
            assertThat(macs(shortcut, in)).as("B's identity has no multiply-adds").isZero();
        }

        @Test
        @DisplayName("option B projects with a 1x1 conv and BatchNorm where channels and size change")
        void optionBProjects() {
            Shortcut shortcut = new Shortcut(ShortcutOption.B, 128, 2);
            Shape.Image in = img(64, 56, 56);
            assertThat(out(shortcut, in)).as("1x1 stride 2 on 56 gives 28, 128 filters").isEqualTo(img(128, 28, 28));
            assertThat(shortcut.projects(in)).as("B projects when the shape changes").isTrue();
            assertThat(params(shortcut, in)).as("64*128 1x1 weights plus BatchNorm's 2*128")
                    .isEqualTo(64L * 128 + 2 * 128);
            assertThat(macs(shortcut, in)).as("64*128 per output pixel, 28x28 pixels").isEqualTo(64L * 128 * 28 * 28);
        }

        @Test
        @DisplayName("option B projects where only the channels change, or only the stride")
        void optionBProjectsOnEitherChange() {
            Shortcut widen = new Shortcut(ShortcutOption.B, 256, 1);
            assertThat(widen.projects(img(64, 56, 56))).as("64 -> 256 channels at stride 1").isTrue();
            assertThat(params(widen, img(64, 56, 56))).as("64*256 + 2*256").isEqualTo(64L * 256 + 2 * 256);
            assertThat(macs(widen, img(64, 56, 56))).as("64*256 per pixel, 56x56").isEqualTo(64L * 256 * 56 * 56);

            Shortcut subsample = new Shortcut(ShortcutOption.B, 64, 2);
            assertThat(subsample.projects(img(64, 56, 56))).as("same channels but stride 2").isTrue();
            assertThat(out(subsample, img(64, 56, 56))).as("stride 2 halves 56").isEqualTo(img(64, 28, 28));
            assertThat(params(subsample, img(64, 56, 56))).as("64*64 + 2*64").isEqualTo(64L * 64 + 2 * 64);
        }

        @Test
        @DisplayName("option C projects every time, even where the shape is unchanged")
        void optionCAlwaysProjects() {
            Shortcut shortcut = new Shortcut(ShortcutOption.C, 16, 1);
            Shape.Image in = img(16, 32, 32);
            assertThat(out(shortcut, in)).as("the shape is unchanged").isEqualTo(in);
            assertThat(shortcut.projects(in)).as("C always projects").isTrue();
            assertThat(params(shortcut, in)).as("16*16 1x1 weights plus 2*16").isEqualTo(16L * 16 + 2 * 16);
            assertThat(macs(shortcut, in)).as("16*16 per pixel, 32x32 pixels").isEqualTo(16L * 16 * 32 * 32);
        }

        @Test
        @DisplayName("on flat vectors A pads features for free while B and C project (one position)")
        void flatShortcuts() {
            Shortcut a = new Shortcut(ShortcutOption.A, 20, 1);
            assertThat(out(a, flat(10))).as("A on 10 features to 20").isEqualTo(flat(20));
            assertThat(params(a, flat(10))).as("A pads with zeros, no parameters").isZero();

            Shortcut b = new Shortcut(ShortcutOption.B, 20, 1);
            assertThat(out(b, flat(10))).as("B on 10 features to 20").isEqualTo(flat(20));
            assertThat(params(b, flat(10))).as("10*20 weights plus 2*20").isEqualTo(10L * 20 + 2 * 20);
            assertThat(macs(b, flat(10))).as("one position: 10*20").isEqualTo(10L * 20);
            assertThat(params(b, flat(20))).as("B on unchanged 20 features is an identity").isZero();

            Shortcut c = new Shortcut(ShortcutOption.C, 16, 1);
            assertThat(params(c, flat(16))).as("C on 16 features to 16: 16*16 + 2*16").isEqualTo(16L * 16 + 2 * 16);
            assertThat(macs(c, flat(16))).as("C on 16 features: 16*16").isEqualTo(16L * 16);
        }

        @Test
        @DisplayName("refuses a stride on a flat vector and channel reduction on flat option A")
        void flatStrideRefused() {
            assertThatThrownBy(shapeOf(new Shortcut(ShortcutOption.B, 10, 2), flat(10)))
                    .as("a flat vector has no pixels to skip")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 10, a flat vector, which cannot be subsampled: set stride 1");
            assertThatThrownBy(shapeOf(new Shortcut(ShortcutOption.A, 4, 1), flat(10)))
                    .as("option A cannot drop features either")
                    .isInstanceOf(ShapeException.class)
                    .hasMessageContaining("not go from 10 down to 4: use option B");
        }

        @Test
        @DisplayName("is labelled with its option")
        void label() {
            assertThat(new Shortcut(ShortcutOption.B, 8, 1).label()).as("label of a B shortcut").isEqualTo("Shortcut B");
            assertThat(new Shortcut(ShortcutOption.B, 8, 1).kind()).as("kind of a shortcut").isEqualTo("Shortcut");
        }

        @Test
        @DisplayName("refuses filters or stride below 1 and a missing option, naming the setting")
        void checksSettings() {
            assertRefusedSetting(() -> new Shortcut(ShortcutOption.A, 0, 1), "filters", "0");
            assertRefusedSetting(() -> new Shortcut(ShortcutOption.A, 16, 0), "stride", "0");
            assertThatThrownBy(() -> new Shortcut(null, 16, 1)).as("a shortcut without an option")
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("option");
        }

        @Test
        @DisplayName("options read back in any case, and unknown text is refused")
        void parsesOptions() {
            assertThat(ShortcutOption.parse(" b ")).as("parse ' b '").isEqualTo(ShortcutOption.B);
            assertThatThrownBy(() -> ShortcutOption.parse("D")).as("an unknown option")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'D' is not a shortcut option: use A, B or C");
        }
    }

    // ---------------------------------------------------------------- pooling

    @Nested
    @DisplayName("MaxPool and AvgPool")
    class PoolingRules {
        private List<LayerSpec> pools(int kernel, int stride, int padding) {
            return List.of(new MaxPool(kernel, stride, padding), new AvgPool(kernel, stride, padding));
        }

        @Test
        @DisplayName("3x3 stride 2 padding 1 takes 64x112x112 to 64x56x56, with no parameters or multiply-adds")
        void imageNetPool() {
            for (LayerSpec pool : pools(3, 2, 1)) {
                assertThat(out(pool, img(64, 112, 112))).as("%s: floor((112 + 2 - 3) / 2) + 1 = 56", pool.kind())
                        .isEqualTo(img(64, 56, 56));
                assertThat(out(pool, img(8, 7, 9))).as("%s on odd 7x9: 4x5", pool.kind()).isEqualTo(img(8, 4, 5));
                assertThat(params(pool, img(64, 112, 112))).as("%s learns nothing", pool.kind()).isZero();
                assertThat(macs(pool, img(64, 112, 112))).as("%s counts no multiply-adds", pool.kind()).isZero();
            }
        }

        @Test
        @DisplayName("2x2 stride 2 without padding halves an even image and drops the last row of an odd one")
        void halving() {
            for (LayerSpec pool : pools(2, 2, 0)) {
                assertThat(out(pool, img(3, 8, 8))).as("%s 2x2/2 on 8x8", pool.kind()).isEqualTo(img(3, 4, 4));
                assertThat(out(pool, img(3, 9, 9))).as("%s 2x2/2 on 9x9", pool.kind()).isEqualTo(img(3, 4, 4));
            }
        }

        @Test
        @DisplayName("refuses a window larger than the input")
        void windowLargerThanInput() {
            for (LayerSpec pool : pools(3, 2, 0)) {
                assertThatThrownBy(shapeOf(pool, img(8, 2, 2))).as("%s 3x3 on a 2x2 image", pool.kind())
                        .isInstanceOf(ShapeException.class)
                        .hasMessage("gets 8x2x2, smaller than its 3x3 window: use a smaller kernel, more padding or a"
                                + " larger input");
            }
        }

        @Test
        @DisplayName("takes a padding of at most half the kernel, as PyTorch does: a window of padding alone has nothing")
        void paddingAtMostHalfTheKernel() {
            for (int kernel = 1; kernel <= 7; kernel++) {
                assertThat(pools(kernel, 1, kernel / 2)).hasSize(2);
                int tooMuch = kernel / 2 + 1;
                int k = kernel;
                assertThatThrownBy(() -> new MaxPool(k, 1, tooMuch)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("at most half its kernel (" + k / 2 + " for a kernel of " + k + ")");
                assertThatThrownBy(() -> new AvgPool(k, 1, tooMuch)).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        @DisplayName("refuses a flat vector, pointing before Flatten")
        void refusesFlat() {
            for (LayerSpec pool : pools(2, 2, 0)) {
                assertThatThrownBy(shapeOf(pool, flat(64))).as("%s on a flat vector", pool.kind())
                        .isInstanceOf(ShapeException.class)
                        .hasMessage("gets 64, a flat vector, but needs an image (channels x height x width): pooling goes"
                                + " before Flatten, not after");
            }
        }

        @Test
        @DisplayName("refuses kernel or stride below 1 and negative padding, naming the setting")
        void checksSettings() {
            assertRefusedSetting(() -> new MaxPool(0, 2, 0), "kernel", "0");
            assertRefusedSetting(() -> new MaxPool(2, 0, 0), "stride", "0");
            assertRefusedSetting(() -> new MaxPool(2, 2, -1), "padding", "-1");
            assertRefusedSetting(() -> new AvgPool(0, 2, 0), "kernel", "0");
            assertRefusedSetting(() -> new AvgPool(2, 0, 0), "stride", "0");
            assertRefusedSetting(() -> new AvgPool(2, 2, -1), "padding", "-1");
        }
    }

    // ---------------------------------------------------------------- GlobalAvgPool

    @Nested
    @DisplayName("GlobalAvgPool")
    class GlobalAvgPoolRules {
        @Test
        @DisplayName("averages each channel of CxHxW into a flat vector of C, with no parameters")
        void toFlatChannels() {
            GlobalAvgPool gap = new GlobalAvgPool();
            assertThat(out(gap, img(512, 7, 7))).as("one average per channel").isEqualTo(flat(512));
            assertThat(out(gap, img(64, 8, 5))).as("non-square images too").isEqualTo(flat(64));
            assertThat(params(gap, img(512, 7, 7))).as("averaging learns nothing").isZero();
            assertThat(macs(gap, img(512, 7, 7))).as("averaging counts no multiply-adds").isZero();
        }

        @Test
        @DisplayName("refuses a flat vector")
        void refusesFlat() {
            assertThatThrownBy(shapeOf(new GlobalAvgPool(), flat(64))).as("global pooling of a vector")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 64, a flat vector, but needs an image (channels x height x width): it already is one"
                            + " value per feature");
        }
    }

    // ---------------------------------------------------------------- Flatten

    @Nested
    @DisplayName("Flatten")
    class FlattenRules {
        @Test
        @DisplayName("lays CxHxW out as C*H*W values and passes a flat vector unchanged")
        void flattens() {
            Flatten flatten = new Flatten();
            assertThat(out(flatten, img(64, 4, 4))).as("64*4*4 values").isEqualTo(flat(64 * 4 * 4));
            assertThat(out(flatten, img(3, 5, 7))).as("3*5*7 values").isEqualTo(flat(3 * 5 * 7));
            assertThat(out(flatten, flat(10))).as("a vector stays as it is").isEqualTo(flat(10));
            assertThat(params(flatten, img(64, 4, 4))).as("flattening learns nothing").isZero();
            assertThat(macs(flatten, img(64, 4, 4))).as("flattening counts no multiply-adds").isZero();
        }

        @Test
        @DisplayName("refuses an image of more values than one vector can hold")
        void tooLarge() {
            assertThatThrownBy(shapeOf(new Flatten(), img(65536, 65536, 1))).as("2^32 values")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 65536x65536x1, too many values for one vector: pool the image first");
        }
    }

    // ---------------------------------------------------------------- Dropout

    @Nested
    @DisplayName("Dropout")
    class DropoutRules {
        @Test
        @DisplayName("keeps the shape and has no parameters")
        void keepsShape() {
            Dropout dropout = new Dropout(0.5);
            assertThat(out(dropout, img(16, 8, 8))).as("dropout keeps an image").isEqualTo(img(16, 8, 8));
            assertThat(out(dropout, flat(100))).as("dropout keeps a vector").isEqualTo(flat(100));
            assertThat(params(dropout, flat(100))).as("dropout learns nothing").isZero();
            assertThat(macs(dropout, flat(100))).as("dropout counts no multiply-adds").isZero();
        }

        @ParameterizedTest(name = "rate {0}")
        @DisplayName("accepts a rate from 0 up to, not including, 1")
        @ValueSource(doubles = {0.0, 0.1, 0.5, 0.999})
        void acceptsRates(double rate) {
            assertThat(new Dropout(rate).rate()).as("rate %s is kept", rate).isEqualTo(rate);
        }

        @ParameterizedTest(name = "rate {0}")
        @DisplayName("refuses a rate of 1 or more, below 0 or not a number, naming the rate")
        @ValueSource(doubles = {1.0, 1.5, -0.1, Double.NaN})
        void refusesRates(double rate) {
            assertRefusedSetting(() -> new Dropout(rate), "rate", String.valueOf(rate));
        }
    }

    // ---------------------------------------------------------------- Output

    @Nested
    @DisplayName("Output")
    class OutputRules {
        @Test
        @DisplayName("takes exactly one score per class and passes it on, with no parameters")
        void exactScores() {
            Output output = new Output(10);
            assertThat(out(output, flat(10))).as("10 scores for 10 classes").isEqualTo(flat(10));
            assertThat(params(output, flat(10))).as("softmax learns nothing").isZero();
            assertThat(macs(output, flat(10))).as("softmax counts no multiply-adds").isZero();
        }

        @Test
        @DisplayName("refuses the wrong number of scores, or an image, pointing at a Dense of K units")
        void refusesOtherShapes() {
            assertThatThrownBy(shapeOf(new Output(10), flat(5))).as("5 scores for 10 classes")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 5 but predicts 10 classes: make the layer before it a Dense of 10 units");
            assertThatThrownBy(shapeOf(new Output(10), img(10, 1, 1))).as("a 10x1x1 image is not 10 scores")
                    .isInstanceOf(ShapeException.class)
                    .hasMessage("gets 10x1x1 but predicts 10 classes: make the layer before it a Dense of 10 units");
        }

        @Test
        @DisplayName("needs at least 2 classes, naming the setting")
        void checksClasses() {
            assertRefusedSetting(() -> new Output(1), "classes", "1");
            assertRefusedSetting(() -> new Output(0), "classes", "0");
            assertThat(new Output(2).classes()).as("2 classes is the smallest classifier").isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- common

    @Test
    @DisplayName("every kind but Input and Add reads one port named 'in', and labels itself by its kind")
    void portsAndKinds() {
        List<LayerSpec> singles = List.of(new Dense(4, true), Conv2D.same(4, 3, 1), new BatchNorm(), new MaxPool(2, 2, 0),
                new AvgPool(2, 2, 0), new GlobalAvgPool(), new Flatten(), new Dropout(0.1), new Output(2));
        List<String> kinds = List.of("Dense", "Conv2D", "BatchNorm", "MaxPool", "AvgPool", "GlobalAvgPool", "Flatten",
                "Dropout", "Output");
        for (int i = 0; i < singles.size(); i++) {
            LayerSpec layer = singles.get(i);
            assertThat(layer.inputPorts()).as("ports of %s", layer).containsExactly(LayerSpec.IN);
            assertThat(layer.kind()).as("kind of %s", layer).isEqualTo(kinds.get(i));
            assertThat(layer.label()).as("label of %s", layer).isEqualTo(kinds.get(i));
        }
        assertThat(new Shortcut(ShortcutOption.A, 4, 1).inputPorts()).as("ports of a Shortcut").containsExactly("in");
        assertThat(Activation.RELU.inputPorts()).as("ports of an Activation").containsExactly("in");
        assertThat(LayerSpec.IN).as("the single port's name").isEqualTo("in");
    }

    @Test
    @DisplayName("features() is the channels of an image and the size of a vector")
    void features() {
        assertThat(LayerSpec.features(img(16, 4, 8))).as("features of 16x4x8").isEqualTo(16);
        assertThat(LayerSpec.features(flat(7))).as("features of a 7-vector").isEqualTo(7);
    }

    // ---------------------------------------------------------------- Shape

    @Nested
    @DisplayName("Shape")
    class ShapeRules {
        @Test
        @DisplayName("parses C,H,W and CxHxW (any case, spaces allowed) as an image and one number as a vector")
        void parses() {
            assertThat(Shape.parse("3,32,32")).as("parse '3,32,32'").isEqualTo(img(3, 32, 32));
            assertThat(Shape.parse("3x32x32")).as("parse '3x32x32'").isEqualTo(img(3, 32, 32));
            assertThat(Shape.parse(" 1 X 28 , 28 ")).as("parse ' 1 X 28 , 28 '").isEqualTo(img(1, 28, 28));
            assertThat(Shape.parse("2")).as("parse '2'").isEqualTo(flat(2));
            assertThat(Shape.parse(" 784 ")).as("parse ' 784 '").isEqualTo(flat(784));
        }

        @Test
        @DisplayName("prints as it parses: 3x32x32 and 2")
        void printsBack() {
            assertThat(img(3, 32, 32)).as("an image prints as CxHxW").hasToString("3x32x32");
            assertThat(flat(2)).as("a vector prints as its size").hasToString("2");
            assertThat(Shape.parse(img(16, 8, 4).toString())).as("parse of toString").isEqualTo(img(16, 8, 4));
            assertThat(img(3, 32, 32).elementCount()).as("values in 3x32x32").isEqualTo(3L * 32 * 32);
            assertThat(img(3, 32, 32).dims()).as("dims of 3x32x32").containsExactly(3, 32, 32);
            assertThat(flat(2).dims()).as("dims of a 2-vector").containsExactly(2);
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses text that is not numbers, saying how to write a shape")
        @ValueSource(strings = {"abc", "", "3;32;32", "3,,32", "3.5", "99999999999", ",3,32,32"})
        void refusesText(String text) {
            assertThatThrownBy(() -> Shape.parse(text)).as("parse '%s'", text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + text + "' is not a shape: write C,H,W (e.g. 3,32,32) or a size (e.g. 2)");
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses two or four dimensions, saying a shape has 1 or 3")
        @ValueSource(strings = {"32,32", "1,3,32,32"})
        void refusesDimensionCount(String text) {
            assertThatThrownBy(() -> Shape.parse(text)).as("parse '%s'", text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a shape has 1 dimension (a flat size) or 3 (C,H,W), not ");
        }

        @Test
        @DisplayName("refuses zero or negative sizes, naming the dimension")
        void refusesNonPositive() {
            assertRefusedSetting(() -> Shape.parse("0,32,32"), "channels", "0");
            assertRefusedSetting(() -> Shape.parse("3,0,32"), "height", "0");
            assertRefusedSetting(() -> Shape.parse("3,32,0"), "width", "0");
            assertRefusedSetting(() -> Shape.parse("-2"), "size", "-2");
            assertRefusedSetting(() -> Shape.flat(0), "size", "0");
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("refuses a trailing separator instead of ignoring it")
        @ValueSource(strings = {"3,32,32,", "3x32x32x", "3,"})
        void refusesTrailingSeparator(String text) {
            assertThatThrownBy(() -> Shape.parse(text)).as("parse '%s' should refuse the dangling separator", text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- names

    @Test
    @DisplayName("a node, a wire end and a block need a non-blank name")
    void names() {
        assertThatThrownBy(() -> new Node(" ", new Flatten())).as("a node named ' '")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a node needs a name");
        assertThatThrownBy(() -> new Wire("a", "", "in")).as("a wire to ''")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a wire's end needs a name");
        assertThatThrownBy(() -> new Block("b", BlockKind.CUSTOM, ShortcutOption.A, "x", List.of("y")))
                .as("a block whose branch end is not a member")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("block 'b' does not hold its branch end 'x'");
    }
}
