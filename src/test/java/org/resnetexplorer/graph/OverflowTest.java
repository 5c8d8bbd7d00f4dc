package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Shapes and counts never wrap around (issue 11, item 5): for settings and shapes near powers of two and 2^31-1,
 * every shape and count is the exact one, compared against {@link BigInteger}, or a clean refusal (a
 * {@link ShapeException}, a {@link Problem} of the analysis, an {@link IllegalArgumentException} from a constructor).
 */
@DisplayName("Overflow of shapes and counts")
class OverflowTest {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final int TRIALS = 4000;

    /** Values a setting or a dimension is drawn from: small ones, powers of two and their neighbours, 2^31-1. */
    private static final List<Integer> EDGES = edges();

    private static List<Integer> edges() {
        List<Integer> values = new ArrayList<>(List.of(1, 2, 3, 5, 7, Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
        for (int k = 2; k <= 30; k++) {
            values.add((1 << k) - 1);
            values.add(1 << k);
            values.add((1 << k) + 1);
        }
        return List.copyOf(values);
    }

    /** Mostly small values, so that many draws give shapes that fit, with edge values among them. */
    private static int draw(Random random, int min) {
        int value = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : EDGES.get(random.nextInt(EDGES.size()));
        return random.nextInt(8) == 0 ? min : Math.max(min, value);
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static BigInteger product(long... factors) {
        BigInteger p = BigInteger.ONE;
        for (long f : factors) {
            p = p.multiply(big(f));
        }
        return p;
    }

    /** An image of these dimensions, or null after checking that the constructor refuses it as uncountable. */
    private static Shape.Image image(int c, int h, int w) {
        if (product(c, h, w).compareTo(LONG_MAX) > 0) {
            assertThatThrownBy(() -> Shape.image(c, h, w)).as("%dx%dx%d", c, h, w)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more values than can be counted");
            return null;
        }
        Shape.Image image = Shape.image(c, h, w);
        assertThat(image.elementCount()).isEqualTo(product(c, h, w).longValueExact());
        return image;
    }

    /** {@code floor((n + 2 padding - kernel) / stride) + 1}, or null when the window does not fit. */
    private static BigInteger window(int n, int kernel, int stride, int padding) {
        BigInteger span = big(n).add(big(padding).shiftLeft(1)).subtract(big(kernel));
        return span.signum() < 0 ? null : span.divide(big(stride)).add(BigInteger.ONE);
    }

    /** The layer's output for {@code in} is {@code c x h x w} if that is countable, and refused otherwise. */
    private static Shape.Image expectOutput(LayerSpec layer, Shape.Image in, BigInteger c, BigInteger h, BigInteger w)
            throws ShapeException {
        String what = layer + " on " + in;
        if (h == null || w == null) {
            assertThatThrownBy(() -> layer.outputShape(List.of(in))).as(what).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("window");
            return null;
        }
        if (h.compareTo(INT_MAX) > 0 || w.compareTo(INT_MAX) > 0 || c.multiply(h).multiply(w).compareTo(LONG_MAX) > 0) {
            assertThatThrownBy(() -> layer.outputShape(List.of(in))).as(what).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("too large to count");
            return null;
        }
        Shape out = layer.outputShape(List.of(in));
        assertThat(out).as(what).isEqualTo(Shape.image(c.intValueExact(), h.intValueExact(), w.intValueExact()));
        return (Shape.Image) out;
    }

    /** The count is the exact value when it fits a long, and an ArithmeticException when it does not. */
    private static void expectCount(String what, BigInteger expected, CountCall call) {
        if (expected.compareTo(LONG_MAX) > 0) {
            assertThatThrownBy(call::count).as(what).isInstanceOf(ArithmeticException.class);
        } else {
            assertThatCode(call::count).as(what).doesNotThrowAnyException();
            assertThat(call.count()).as(what).isEqualTo(expected.longValueExact());
        }
    }

    private interface CountCall {
        long count();
    }

    @Test
    @DisplayName("convolutions of generated sizes, kernels, strides and paddings give the exact shape and counts, or refuse")
    void convolutions() throws ShapeException {
        Random random = new Random(2024);
        int computed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Shape.Image in = image(draw(random, 1), draw(random, 1), draw(random, 1));
            if (in == null) {
                continue;
            }
            Conv2D conv = new Conv2D(draw(random, 1), draw(random, 1), draw(random, 1), draw(random, 0),
                    random.nextBoolean());
            Shape.Image out = expectOutput(conv, in, big(conv.filters()),
                    window(in.height(), conv.kernel(), conv.stride(), conv.padding()),
                    window(in.width(), conv.kernel(), conv.stride(), conv.padding()));
            if (out == null) {
                continue;
            }
            computed++;
            BigInteger weights = product(conv.kernel(), conv.kernel(), in.channels(), conv.filters());
            expectCount(conv + " params", weights.add(big(conv.bias() ? conv.filters() : 0)),
                    () -> conv.params(List.of(in)));
            expectCount(conv + " macs", weights.multiply(product(out.height(), out.width())),
                    () -> conv.macs(List.of(in), out));
        }
        assertThat(computed).as("draws whose shape could be computed").isGreaterThan(TRIALS / 10);
    }

    @Test
    @DisplayName("max and average pooling of generated sizes give the exact shape, or refuse")
    void pooling() throws ShapeException {
        Random random = new Random(7);
        for (int trial = 0; trial < TRIALS; trial++) {
            Shape.Image in = image(draw(random, 1), draw(random, 1), draw(random, 1));
            if (in == null) {
                continue;
            }
            int kernel = draw(random, 1);
            int stride = draw(random, 1);
            int padding = Math.min(draw(random, 0), kernel / 2); // a pool's padding is at most half its kernel
            LayerSpec pool = random.nextBoolean() ? new MaxPool(kernel, stride, padding) : new AvgPool(kernel, stride, padding);
            expectOutput(pool, in, big(in.channels()), window(in.height(), kernel, stride, padding),
                    window(in.width(), kernel, stride, padding));
        }
    }

    @Test
    @DisplayName("projection shortcuts of generated sizes give the exact shape and counts, or refuse")
    void shortcuts() throws ShapeException {
        Random random = new Random(99);
        for (int trial = 0; trial < TRIALS; trial++) {
            Shape.Image in = image(draw(random, 1), draw(random, 1), draw(random, 1));
            if (in == null) {
                continue;
            }
            Shortcut shortcut = new Shortcut(ShortcutOption.C, draw(random, 1), draw(random, 1));
            BigInteger stride = big(shortcut.stride());
            Shape.Image out = expectOutput(shortcut, in, big(shortcut.filters()),
                    big(in.height() - 1).divide(stride).add(BigInteger.ONE),
                    big(in.width() - 1).divide(stride).add(BigInteger.ONE));
            if (out == null) {
                continue;
            }
            BigInteger weights = product(in.channels(), shortcut.filters());
            expectCount(shortcut + " params", weights.add(product(2, shortcut.filters())),
                    () -> shortcut.params(List.of(in)));
            expectCount(shortcut + " macs", weights.multiply(product(out.height(), out.width())),
                    () -> shortcut.macs(List.of(in), out));
        }
    }

    @Test
    @DisplayName("dense layers on generated inputs, flat or flattened images, count exactly or refuse")
    void denseLayers() throws ShapeException {
        Random random = new Random(3);
        for (int trial = 0; trial < TRIALS; trial++) {
            Dense dense = new Dense(draw(random, 1), random.nextBoolean());
            Shape in = Shape.flat(draw(random, 1));
            expectCount(dense + " on " + in + " params", product(in.elementCount(), dense.units())
                    .add(big(dense.bias() ? dense.units() : 0)), () -> dense.params(List.of(in)));
            expectCount(dense + " on " + in + " macs", product(in.elementCount(), dense.units()),
                    () -> dense.macs(List.of(in), Shape.flat(dense.units())));
        }
    }

    @Test
    @DisplayName("the analysis of networks built from generated layers has exact counts and totals, or a problem at the"
            + " node that would overflow; never a negative or wrapped count")
    void analysis() {
        Random random = new Random(31);
        int refused = 0;
        for (int trial = 0; trial < 400; trial++) {
            Shape.Image inShape = image(draw(random, 1), draw(random, 1), draw(random, 1));
            if (inShape == null) {
                continue;
            }
            NetworkBuilder b = new NetworkBuilder("net" + trial);
            String x = b.add("input", new Input(inShape));
            for (int layer = 0; layer < 3; layer++) {
                x = b.add("conv" + layer, new Conv2D(draw(random, 1), draw(random, 1), draw(random, 1), draw(random, 0),
                        false), x);
            }
            x = b.add("pool", new GlobalAvgPool(), x);
            x = b.add("fc", new Dense(draw(random, 2), true), x);
            x = b.add("fc2", new Dense(2, true), x);
            b.add("output", new Output(2), x);
            Network network = b.build();
            Analysis analysis = Analysis.of(network);
            BigInteger params = BigInteger.ZERO;
            BigInteger macs = BigInteger.ZERO;
            for (String node : analysis.order()) {
                Analysis.Facts facts = analysis.facts(node).orElse(null);
                if (facts == null) {
                    continue;
                }
                assertThat(facts.params()).as("params of %s in %s", node, network).isNotNegative();
                assertThat(facts.macs()).as("macs of %s in %s", node, network).isNotNegative();
                params = params.add(big(facts.params()));
                macs = macs.add(big(facts.macs()));
            }
            assertThat(big(analysis.totalParams())).as("total params of %s", network).isEqualTo(params);
            assertThat(big(analysis.totalMacs())).as("total macs of %s", network).isEqualTo(macs);
            if (analysis.facts("output").isEmpty()) {
                refused++;
                assertThat(analysis.errors()).as("a network with an unknown output shape has a problem: %s", network)
                        .isNotEmpty();
            }
        }
        assertThat(refused).as("networks refused").isPositive();
    }

    @Test
    @DisplayName("resnet-18 on a 100,000,000 x 100,000,000 input is refused at the layer whose multiply-adds would pass"
            + " a long, not counted negative")
    void hugeInput() {
        Network network = Templates.build("resnet-18", TemplateOptions.defaults()
                .withInput(Shape.parse("3,100000000,100000000")));
        Analysis analysis = Analysis.of(network);
        assertThat(analysis.errors()).isNotEmpty();
        assertThat(analysis.errors().get(0).node()).isEqualTo("conv1");
        assertThat(analysis.errors().get(0).message()).isEqualTo("Conv2D 'conv1' has more parameters or multiply-adds than"
                + " can be counted (over 9,223,372,036,854,775,807 with the layers before it): make it smaller (fewer"
                + " units or filters, or a smaller input)");
        assertThat(analysis.totalMacs()).isNotNegative();
        Analysis smaller = Analysis.of(Templates.build("resnet-18", TemplateOptions.defaults()
                .withInput(Shape.parse("3,1000000,1000000"))));
        assertThat(smaller.isValid()).as("resnet-18 on 3x1000000x1000000: %s", smaller.problems()).isTrue();
        assertThat(smaller.totalMacs()).isGreaterThan(Analysis.of(Templates.build("resnet-18")).totalMacs());
    }

    @Test
    @DisplayName("a padding of 2^31-1 gives the true shape when it fits (with a large stride) and is refused when it does not")
    void hugePadding() throws ShapeException {
        Shape.Image in = Shape.image(1, 1, 1);
        assertThatThrownBy(() -> new Conv2D(1, 1, 1, Integer.MAX_VALUE, false).outputShape(List.of(in)))
                .isInstanceOf(ShapeException.class).hasMessage("gets 1x1x1 and would output 1 x 4294967295 x 4294967295,"
                        + " too large to count: use a smaller input, fewer filters or less padding");
        assertThat(new Conv2D(1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, false).outputShape(List.of(in)))
                .isEqualTo(Shape.image(1, 3, 3));
        assertThat(new MaxPool(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE / 2).outputShape(List.of(in)))
                .isEqualTo(Shape.image(1, 1, 1));
    }

    @Test
    @DisplayName("template widths near 2^31 are refused with the largest width that fits, or give exact counts")
    void templateWidths() {
        assertThatThrownBy(() -> Templates.build("resnet-18", TemplateOptions.defaults().withWidth(1 << 28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'resnet-18': width 268435456 would give its widest layers 2147483648 channels, more than"
                        + " 2147483647: use a width of at most 268435455");
        assertThatThrownBy(() -> Templates.build("resnet-50", TemplateOptions.defaults().withWidth(1 << 26)))
                .hasMessageContaining("use a width of at most 67108863");
        assertThatThrownBy(() -> Templates.build("cifar-resnet-20", TemplateOptions.defaults().withWidth(Integer.MAX_VALUE)))
                .hasMessageContaining("use a width of at most 536870911");
        for (String name : List.of("resnet-18", "resnet-50", "cifar-resnet-20", "cifar-preact-resnet-20", "mlp-resnet-8",
                "mlp-plain-3")) {
            for (int width : List.of(1 << 16, (1 << 20) - 1, 1 << 24, 67_108_863, 268_435_455, 536_870_911,
                    Integer.MAX_VALUE)) {
                Network network;
                try {
                    network = Templates.build(name, TemplateOptions.defaults().withWidth(width));
                } catch (IllegalArgumentException e) {
                    assertThat(e).hasMessageContaining("use a width of at most");
                    continue;
                }
                Analysis analysis = Analysis.of(network);
                assertThat(analysis.totalParams()).as("%s width %d", name, width).isNotNegative();
                assertThat(analysis.totalMacs()).as("%s width %d", name, width).isNotNegative();
            }
        }
        Analysis mlp = Analysis.of(Templates.build("mlp-plain-1", TemplateOptions.defaults().withWidth(Integer.MAX_VALUE)));
        assertThat(mlp.isValid()).isTrue();
        BigInteger w = big(Integer.MAX_VALUE);
        // dense1 (2 inputs and a bias per unit), dense_last (w inputs and a bias), fc (w inputs, 2 units and biases)
        assertThat(big(mlp.totalParams())).isEqualTo(w.multiply(big(3)).add(w.multiply(w).add(w)).add(w.multiply(big(2))
                .add(big(2))));
    }

    @Test
    @DisplayName("a block whose strides multiply past 2^31 can have its shortcut turned on (the stride is held at 2^31-1)")
    void strideProduct() {
        Network plain = Templates.build("cifar-plain-8")
                .withLayer("block1.conv1", new Conv2D(16, 3, 65_536, 1, false))
                .withLayer("block1.conv2", new Conv2D(16, 3, 65_536, 1, false));
        Network on = plain.withShortcut("block1", true);
        Shortcut shortcut = (Shortcut) on.requireNode("block1.shortcut").layer();
        assertThat(shortcut.stride()).isEqualTo(Integer.MAX_VALUE);
        assertThat(Analysis.of(on).outputShape("block1.shortcut")).contains(Shape.image(16, 1, 1));
    }

    @Test
    @DisplayName("a shape is parsed from plain decimal digits only, and a dimension past 2^31-1 is refused by name")
    void parsing() {
        assertThat(Shape.parse("3,100000000,100000000")).isEqualTo(Shape.image(3, 100_000_000, 100_000_000));
        assertThat(Shape.parse(" 3 x 32 x 32 ")).isEqualTo(Shape.image(3, 32, 32));
        for (String bad : List.of("+3,32,32", "3,٣٢,32", "3,32,32f", "3,,32", "3.0,32,32", "３,32,32", "")) {
            assertThatThrownBy(() -> Shape.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + bad + "' is not a shape: write C,H,W (e.g. 3,32,32) or a size (e.g. 2)");
        }
        assertThatThrownBy(() -> Shape.parse("3,2147483648,1")).hasMessage("'3,2147483648,1' has a dimension over"
                + " 2147483647: make it smaller");
        assertThatThrownBy(() -> Shape.parse("2147483647,2147483647,2147483647"))
                .hasMessage("an image of 2147483647 x 2147483647 x 2147483647 has more values than can be counted:"
                        + " make it smaller");
        assertThatThrownBy(() -> Shape.parse("-3,32,32")).hasMessageContaining("at least 1");
    }
}
