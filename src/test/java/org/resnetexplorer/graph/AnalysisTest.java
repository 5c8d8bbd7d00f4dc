package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation messages, shape inference, network order and totals, and what the Network constructor refuses. */
@DisplayName("Analysis")
class AnalysisTest {

    // ---------------------------------------------------------------- helpers

    /** input(2) -> dense1(16) -> relu1 -> fc(2) -> output(2): a small valid MLP. */
    private static Network smallMlp() {
        NetworkBuilder b = new NetworkBuilder("small");
        b.add("input", new Input(Shape.flat(2)));
        b.add("dense1", new Dense(16, true), "input");
        b.add("relu1", Activation.RELU, "dense1");
        b.add("fc", new Dense(2, true), "relu1");
        b.add("output", new Output(2), "fc");
        return b.build();
    }

    /**
     * A small residual CNN whose one block, 'block1', adds conv -> bn to an option-A shortcut; every node is
     * used and the network is valid.
     */
    private static Network smallResidualCnn() {
        NetworkBuilder b = new NetworkBuilder("cnn");
        b.add("input", new Input(Shape.image(3, 8, 8)));
        b.add("conv1", Conv2D.same(8, 3, 1), "input");
        int mark = b.size();
        b.add("block1.conv1", Conv2D.same(8, 3, 1), "conv1");
        b.add("block1.bn1", new BatchNorm(), "block1.conv1");
        b.add("block1.shortcut", new Shortcut(ShortcutOption.A, 8, 1), "conv1");
        b.add("block1.add", new Add(), "block1.bn1", "block1.shortcut");
        b.add("block1.relu", Activation.RELU, "block1.add");
        b.addBlock(new Block("block1", BlockKind.BASIC, ShortcutOption.A, "block1.bn1", b.namesSince(mark)));
        b.add("avgpool", new GlobalAvgPool(), "block1.relu");
        b.add("fc", new Dense(10, true), "avgpool");
        b.add("output", new Output(10), "fc");
        return b.build();
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.severity() + " at " + p.node() + ": " + p.message())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    /** The single problem of the analysis, failing with the whole list if there is not exactly one. */
    private static Problem onlyProblem(Analysis analysis) {
        assertThat(analysis.problems()).as("expected exactly one problem, got:%s", describe(analysis.problems()))
                .hasSize(1);
        return analysis.problems().get(0);
    }

    private static Problem onlyError(Analysis analysis) {
        assertThat(analysis.errors()).as("expected exactly one error, got:%s", describe(analysis.problems())).hasSize(1);
        return analysis.errors().get(0);
    }

    private static void assertError(Problem problem, String node, String message) {
        assertThat(problem.isError()).as("'%s' should be an error", problem.message()).isTrue();
        assertThat(problem.severity()).as("severity of '%s'", problem.message()).isEqualTo(Problem.Severity.ERROR);
        assertThat(problem.message()).as("wording of the problem at '%s'", node).isEqualTo(message);
        assertThat(problem.node()).as("node named by '%s'", message).isEqualTo(node);
        assertThat(problem.nodeName()).as("nodeName() of '%s'", message).contains(node);
        assertThat(problem).as("a problem prints as its message").hasToString(message);
    }

    // ---------------------------------------------------------------- valid networks

    @Test
    @DisplayName("a well-formed network has no problems at all and infers every shape")
    void validNetwork() {
        Analysis analysis = Analysis.of(smallResidualCnn());
        assertThat(analysis.problems()).as("problems of a well-formed network:%s", describe(analysis.problems())).isEmpty();
        assertThat(analysis.isValid()).as("a network without problems is valid").isTrue();
        assertThat(analysis.outputShape("block1.add")).as("shape after the addition").contains(Shape.image(8, 8, 8));
        assertThat(analysis.outputShape("avgpool")).as("shape after global pooling").contains(Shape.flat(8));
        assertThat(analysis.inputShape()).as("the network's input shape").contains(Shape.image(3, 8, 8));
        for (Node node : analysis.network().nodes()) {
            assertThat(analysis.facts(node.name())).as("facts of '%s' in a valid network", node.name()).isPresent();
        }
        assertThat(analysis.facts("block1.add").orElseThrow().inputs()).as("the Add receives residual then shortcut")
                .containsExactly(Shape.image(8, 8, 8), Shape.image(8, 8, 8));
    }

    // ---------------------------------------------------------------- shape errors

    @Nested
    @DisplayName("shape errors")
    class ShapeErrors {
        @Test
        @DisplayName("an Add of mismatched shapes gets the exact promised message, at the Add")
        void addMismatch() {
            NetworkBuilder b = new NetworkBuilder("mismatch");
            b.add("input", new Input(Shape.image(3, 32, 32)));
            b.add("conv1", Conv2D.same(16, 3, 1), "input");
            b.add("block3.conv1", Conv2D.same(16, 3, 1), "conv1");         // residual: 16x32x32
            b.add("block3.proj", new Conv2D(32, 1, 2, 0, false), "conv1"); // shortcut: 32x16x16
            b.add("block3.add", new Add(), "block3.conv1", "block3.proj");
            b.add("avgpool", new GlobalAvgPool(), "block3.add");
            b.add("fc", new Dense(10, true), "avgpool");
            b.add("output", new Output(10), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertThat(analysis.facts("block3.conv1").orElseThrow().output()).as("residual shape")
                    .isEqualTo(Shape.image(16, 32, 32));
            assertThat(analysis.facts("block3.proj").orElseThrow().output()).as("shortcut shape")
                    .isEqualTo(Shape.image(32, 16, 16));
            assertError(onlyProblem(analysis), "block3.add",
                    "Add 'block3.add' gets 16x32x32 and 32x16x16: use a projection shortcut or option A");
            assertThat(analysis.isValid()).as("a network with a shape error is invalid").isFalse();
        }

        @Test
        @DisplayName("a Dense after a convolution without Flatten or pooling gets the promised message")
        void denseAfterConv() {
            NetworkBuilder b = new NetworkBuilder("no-flatten");
            b.add("input", new Input(Shape.image(3, 8, 8)));
            b.add("conv", Conv2D.same(64, 3, 1), "input");
            b.add("fc", new Dense(10, true), "conv");
            b.add("output", new Output(10), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertError(onlyProblem(analysis), "fc",
                    "Dense 'fc' gets 64x8x8, an image, but needs a flat vector: put a Flatten or GlobalAvgPool before it");
        }

        @Test
        @DisplayName("a Dense fed an image straight from the Input does not blame a convolution")
        void denseAfterImageInputWording() {
            NetworkBuilder b = new NetworkBuilder("no-conv");
            b.add("input", new Input(Shape.image(3, 8, 8)));
            b.add("fc", new Dense(10, true), "input");
            b.add("output", new Output(10), "fc");
            Problem problem = onlyProblem(Analysis.of(b.build()));

            assertThat(problem.message()).as("the message should still say what to do")
                    .startsWith("Dense 'fc' gets 3x8x8").endsWith("put a Flatten or GlobalAvgPool before it");
            assertThat(problem.message()).as("there is no convolution before 'fc'").doesNotContain("convolution");
        }

        @Test
        @DisplayName("a convolution after Flatten is told that convolutions go before Flatten")
        void convAfterFlatten() {
            NetworkBuilder b = new NetworkBuilder("conv-after-flatten");
            b.add("input", new Input(Shape.image(3, 8, 8)));
            b.add("flatten", new Flatten(), "input");
            b.add("conv", Conv2D.same(16, 3, 1), "flatten");
            b.add("relu", Activation.RELU, "conv");
            b.add("avgpool", new GlobalAvgPool(), "relu");
            b.add("fc", new Dense(10, true), "avgpool");
            b.add("output", new Output(10), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertError(onlyProblem(analysis), "conv", "Conv2D 'conv' gets 192, a flat vector, but needs an image (channels"
                    + " x height x width): convolutions go before Flatten, not after");
        }

        @Test
        @DisplayName("an Output fed the wrong number of scores is told the Dense it needs")
        void outputClassMismatch() {
            NetworkBuilder b = new NetworkBuilder("classes");
            b.add("input", new Input(Shape.flat(4)));
            b.add("fc", new Dense(5, true), "input");
            b.add("output", new Output(10), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertError(onlyProblem(analysis), "output",
                    "Output 'output' gets 5 but predicts 10 classes: make the layer before it a Dense of 10 units");
        }

        @Test
        @DisplayName("messages name a layer by its label: an activation by its function, a shortcut by its option")
        void messagesUseLabels() {
            NetworkBuilder b = new NetworkBuilder("labels");
            b.add("input", new Input(Shape.image(16, 8, 8)));
            b.add("sc", new Shortcut(ShortcutOption.A, 8, 1), "input");
            b.add("avgpool", new GlobalAvgPool(), "sc");
            b.add("fc", new Dense(2, true), "avgpool");
            b.add("output", new Output(2), "fc");
            Problem problem = onlyProblem(Analysis.of(b.build()));
            assertThat(problem.message()).as("the shortcut is named with its option")
                    .startsWith("Shortcut A 'sc' gets 16x8x8 but option A can only add channels");

            Network open = smallMlp().disconnect("relu1", LayerSpec.IN);
            assertThat(onlyError(Analysis.of(open)).message()).as("the activation is named by its function")
                    .startsWith("ReLU 'relu1' has nothing connected");
        }
    }

    // ---------------------------------------------------------------- structure errors

    @Nested
    @DisplayName("structure errors")
    class StructureErrors {
        @Test
        @DisplayName("a single-input layer with nothing wired in says 'has nothing connected to its input'")
        void openSinglePort() {
            Analysis analysis = Analysis.of(smallMlp().disconnect("fc", LayerSpec.IN));
            assertError(onlyError(analysis), "fc",
                    "Dense 'fc' has nothing connected to its input: wire an earlier layer's output into it");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("an Add names the open port: 'its residual input' or 'its shortcut input'")
        @ValueSource(strings = {Add.RESIDUAL, Add.SHORTCUT})
        void openAddPort(String port) {
            Analysis analysis = Analysis.of(smallResidualCnn().disconnect("block1.add", port));
            assertError(onlyError(analysis), "block1.add",
                    "Add 'block1.add' has nothing connected to its " + port + " input: wire an earlier layer's output into it");
        }

        @Test
        @DisplayName("an Add with both ports open gets one message per port")
        void bothAddPortsOpen() {
            Network network = smallResidualCnn().disconnect("block1.add", Add.RESIDUAL).disconnect("block1.add", Add.SHORTCUT);
            List<String> messages = Analysis.of(network).errors().stream().map(Problem::message).toList();
            assertThat(messages).as("errors with both of the Add's ports open").containsExactly(
                    "Add 'block1.add' has nothing connected to its residual input: wire an earlier layer's output into it",
                    "Add 'block1.add' has nothing connected to its shortcut input: wire an earlier layer's output into it");
        }

        @Test
        @DisplayName("a cycle is reported once, as 'Cycle: ' and its nodes joined by ->, in the direction of the wires")
        void cycle() {
            NetworkBuilder b = new NetworkBuilder("cycle");
            b.add("input", new Input(Shape.flat(4)));
            b.add("dense1", new Dense(4, true), "input");
            b.add("loop.add", new Add(), "dense1", "loop.dense2");
            b.add("loop.dense1", new Dense(4, true), "loop.add");
            b.add("loop.dense2", new Dense(4, true), "loop.dense1");
            b.add("fc", new Dense(2, true), "loop.add");
            b.add("output", new Output(2), "fc");
            Network network = b.build();
            Analysis analysis = Analysis.of(network);

            Problem problem = onlyProblem(analysis);
            assertThat(problem.isError()).as("a cycle is an error").isTrue();
            assertThat(problem.message()).as("wording of a cycle").startsWith("Cycle: ")
                    .endsWith(". Data must flow one way, from Input to Output: remove one of these wires");
            String listed = problem.message().substring("Cycle: ".length(), problem.message().indexOf(". Data"));
            List<String> path = Arrays.stream(listed.split(" -> ")).map(s -> s.replace("'", "")).toList();
            assertThat(path).as("the cycle %s lists its three nodes and closes on the first", listed).hasSize(4);
            assertThat(path.get(path.size() - 1)).as("the cycle %s ends where it starts", listed).isEqualTo(path.get(0));
            assertThat(Set.copyOf(path)).as("the nodes of cycle %s", listed)
                    .containsExactlyInAnyOrder("loop.add", "loop.dense1", "loop.dense2");
            for (int i = 0; i + 1 < path.size(); i++) {
                String from = path.get(i);
                String to = path.get(i + 1);
                assertThat(network.consumers(from)).as("cycle %s: a wire from '%s' to '%s'", listed, from, to)
                        .anyMatch(w -> w.to().equals(to));
            }
            assertThat(path).as("the problem's node is on the cycle").contains(problem.node());
            assertThat(analysis.outputShape("fc")).as("no shape is inferred downstream of a cycle").isEmpty();
            assertThat(analysis.order()).as("order still lists every node once, the stuck ones last")
                    .containsExactly("input", "dense1", "loop.add", "loop.dense1", "loop.dense2", "fc", "output");
        }

        @Test
        @DisplayName("a network without an Input is told to add one, the problem naming no node")
        void noInput() {
            // Every layer but Input has a port, so a network without an Input also has an open port.
            Network network = new Network("headless", List.of(new Node("fc", new Dense(2, true)), new Node("output", new Output(2))),
                    List.of(Wire.of("fc", "output")), List.of());
            Analysis analysis = Analysis.of(network);

            Problem problem = analysis.problems().get(0);
            assertThat(problem.message()).as("first problem of a network without an Input")
                    .isEqualTo("The network has no Input layer: add one where the data comes in");
            assertThat(problem.node()).as("a missing Input concerns the whole network, not a node").isNull();
            assertThat(problem.nodeName()).as("nodeName() of a whole-network problem").isEmpty();
            assertThat(analysis.isValid()).as("a network without an Input is invalid").isFalse();
            assertThat(analysis.inputShape()).as("no Input, no input shape").isEmpty();
        }

        @Test
        @DisplayName("two Inputs: the second is named and asked to be removed")
        void twoInputs() {
            NetworkBuilder b = new NetworkBuilder("two-inputs");
            b.add("in1", new Input(Shape.flat(4)));
            b.add("in2", new Input(Shape.flat(4)));
            b.add("add", new Add(), "in1", "in2");
            b.add("fc", new Dense(2, true), "add");
            b.add("output", new Output(2), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertError(onlyProblem(analysis), "in2",
                    "There are 2 Input layers ('in1', 'in2'); a network has exactly one: remove 'in2'");
            assertThat(analysis.inputShape()).as("with two Inputs there is no single input shape").isEmpty();
        }

        @Test
        @DisplayName("a network without an Output is told to end with one")
        void noOutput() {
            NetworkBuilder b = new NetworkBuilder("endless");
            b.add("input", new Input(Shape.flat(4)));
            b.add("fc", new Dense(2, true), "input");
            Analysis analysis = Analysis.of(b.build());

            Problem problem = onlyError(analysis);
            assertThat(problem.message()).as("wording of a missing Output")
                    .isEqualTo("The network has no Output layer: end it with an Output (softmax and cross-entropy)");
            assertThat(problem.node()).as("a missing Output concerns the whole network").isNull();
        }

        @Test
        @DisplayName("two Outputs: the second is named and asked to be removed")
        void twoOutputs() {
            NetworkBuilder b = new NetworkBuilder("two-outputs");
            b.add("input", new Input(Shape.flat(4)));
            b.add("fc", new Dense(2, true), "input");
            b.add("out1", new Output(2), "fc");
            b.add("out2", new Output(2), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertError(onlyProblem(analysis), "out2",
                    "There are 2 Output layers ('out1', 'out2'); a network has exactly one: remove 'out2'");
        }

        @Test
        @DisplayName("three Outputs: each extra one gets its own message")
        void threeOutputs() {
            NetworkBuilder b = new NetworkBuilder("three-outputs");
            b.add("input", new Input(Shape.flat(4)));
            b.add("fc", new Dense(2, true), "input");
            b.add("a", new Output(2), "fc");
            b.add("b", new Output(2), "fc");
            b.add("c", new Output(2), "fc");
            Analysis analysis = Analysis.of(b.build());

            assertThat(analysis.errors()).as("errors with three Outputs:%s", describe(analysis.problems()))
                    .extracting(Problem::node).containsExactly("b", "c");
            assertThat(analysis.errors().get(1).message()).as("the message about 'c'")
                    .isEqualTo("There are 3 Output layers ('a', 'b', 'c'); a network has exactly one: remove 'c'");
        }

        @Test
        @DisplayName("a layer whose output goes nowhere is a warning, and the network stays valid")
        void unusedOutputIsWarning() {
            Network network = smallMlp().withNode(new Node("spare", Activation.RELU)).connect(Wire.of("relu1", "spare"));
            Analysis analysis = Analysis.of(network);

            Problem problem = onlyProblem(analysis);
            assertThat(problem.severity()).as("severity of an unused output").isEqualTo(Problem.Severity.WARNING);
            assertThat(problem.isError()).as("an unused output is not an error").isFalse();
            assertThat(problem.message()).as("wording of an unused output")
                    .isEqualTo("ReLU 'spare' feeds nothing: wire its output onward or delete it");
            assertThat(problem.node()).as("the warning names the unused node").isEqualTo("spare");
            assertThat(analysis.errors()).as("warnings are not errors").isEmpty();
            assertThat(analysis.isValid()).as("a warning does not make a network invalid").isTrue();
        }
    }

    // ---------------------------------------------------------------- one root problem

    @Nested
    @DisplayName("one root problem")
    class RootProblems {
        @Test
        @DisplayName("nodes downstream of a shape error get no shape, no counts and no further message")
        void downstreamOfShapeError() {
            NetworkBuilder b = new NetworkBuilder("downstream");
            b.add("input", new Input(Shape.image(3, 8, 8)));
            b.add("conv", new Conv2D(4, 3, 1, 1, true), "input");
            b.add("pool", new MaxPool(16, 1, 0), "conv");   // window larger than the image: the root problem
            b.add("conv2", Conv2D.same(4, 3, 1), "pool");
            b.add("bn", new BatchNorm(), "conv2");
            b.add("avgpool", new GlobalAvgPool(), "bn");
            b.add("fc", new Dense(3, true), "avgpool");
            b.add("output", new Output(7), "fc");           // 3 scores for 7 classes: unknown, so not reported
            Analysis analysis = Analysis.of(b.build());

            Problem problem = onlyProblem(analysis);
            assertThat(problem.node()).as("the root problem is at the pooling layer").isEqualTo("pool");
            assertThat(problem.message()).as("wording at the pooling layer")
                    .isEqualTo("MaxPool 'pool' gets 4x8x8, smaller than its 16x16 window: use a smaller kernel, more"
                            + " padding or a larger input");
            for (String downstream : List.of("pool", "conv2", "bn", "avgpool", "fc", "output")) {
                assertThat(analysis.facts(downstream)).as("facts of '%s', at or after the error", downstream).isEmpty();
                assertThat(analysis.params(downstream)).as("params of '%s', unknown", downstream).isZero();
                assertThat(analysis.macs(downstream)).as("multiply-adds of '%s', unknown", downstream).isZero();
            }
            assertThat(analysis.totalParams()).as("the total counts only the known conv: 3*3*3*4 + 4")
                    .isEqualTo(3L * 3 * 3 * 4 + 4);
            assertThat(analysis.totalMacs()).as("the total counts only the known conv: 3*3*3*4 per pixel, 8x8")
                    .isEqualTo(3L * 3 * 3 * 4 * 8 * 8);
        }

        @Test
        @DisplayName("nodes downstream of an open port get no further message")
        void downstreamOfOpenPort() {
            Analysis analysis = Analysis.of(smallResidualCnn().disconnect("block1.add", Add.SHORTCUT));
            // The shortcut now feeds nothing, which is a warning about a different node; no other errors.
            assertThat(analysis.errors()).as("errors:%s", describe(analysis.problems())).hasSize(1);
            assertThat(analysis.problems()).as("problems:%s", describe(analysis.problems()))
                    .noneMatch(p -> List.of("block1.relu", "avgpool", "fc", "output").contains(p.node()));
            assertThat(analysis.outputShape("output")).as("no shape after an open port").isEmpty();
        }
    }

    // ---------------------------------------------------------------- order and totals

    @Nested
    @DisplayName("order and totals")
    class OrderAndTotals {
        @Test
        @DisplayName("order() is topological even when nodes were added out of order")
        void topological() {
            Network network = new Network("shuffled",
                    List.of(new Node("output", new Output(2)), new Node("fc", new Dense(2, true)),
                            new Node("input", new Input(Shape.flat(3)))),
                    List.of(Wire.of("input", "fc"), Wire.of("fc", "output")), List.of());
            Analysis analysis = Analysis.of(network);

            assertThat(analysis.order()).as("inputs before the layers they feed").containsExactly("input", "fc", "output");
            assertThat(analysis.problems()).as("the order of adding does not matter:%s", describe(analysis.problems()))
                    .isEmpty();
        }

        @Test
        @DisplayName("among nodes ready at the same time, order() keeps the order they were added in")
        void keepsInsertionOrder() {
            NetworkBuilder b = new NetworkBuilder("diamond");
            b.add("input", new Input(Shape.flat(4)));
            b.add("right", new Dense(4, true), "input");
            b.add("left", new Dense(4, true), "input");
            b.add("left2", Activation.RELU, "left");
            b.add("add", new Add(), "left2", "right");
            b.add("side", new Dropout(0.1), "input");
            b.add("fc", new Dense(2, true), "add");
            b.add("output", new Output(2), "fc");
            b.add("side2", Activation.RELU, "side");
            Network network = b.build();
            List<String> order = Analysis.of(network).order();

            assertThat(order).as("network order of the diamond")
                    .containsExactly("input", "right", "left", "left2", "add", "side", "fc", "output", "side2");
            for (Wire wire : network.wires()) {
                assertThat(order.indexOf(wire.from())).as("'%s' comes before '%s'", wire.from(), wire.to())
                        .isLessThan(order.indexOf(wire.to()));
            }
        }

        @Test
        @DisplayName("every wire of a ResNet points forward in order(), and nodes keep their template order")
        void resnetOrder() {
            Network network = Templates.build("cifar-resnet-20");
            List<String> order = Analysis.of(network).order();
            assertThat(order).as("order of cifar-resnet-20 is the order the template added its nodes")
                    .isEqualTo(network.nodes().stream().map(Node::name).toList());
            for (Wire wire : network.wires()) {
                assertThat(order.indexOf(wire.from())).as("'%s' comes before '%s'", wire.from(), wire.to())
                        .isLessThan(order.indexOf(wire.to()));
            }
        }

        @Test
        @DisplayName("the counts of a small MLP are those worked out by hand, and the totals their sums")
        void handCounted() {
            Analysis analysis = Analysis.of(smallMlp());
            assertThat(analysis.params("dense1")).as("dense1: 2*16 + 16").isEqualTo(2L * 16 + 16);
            assertThat(analysis.macs("dense1")).as("dense1: 2*16").isEqualTo(2L * 16);
            assertThat(analysis.params("fc")).as("fc: 16*2 + 2").isEqualTo(16L * 2 + 2);
            assertThat(analysis.params("relu1")).as("relu1 has none").isZero();
            assertThat(analysis.totalParams()).as("total parameters: 48 + 34").isEqualTo(48L + 34);
            assertThat(analysis.totalMacs()).as("total multiply-adds: 32 + 32").isEqualTo(32L + 32);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("totals equal the sums over the nodes")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "mlp-resnet-4", "cifar-preact-resnet-14"})
        void totalsAreSums(String template) {
            Network network = Templates.build(template);
            Analysis analysis = Analysis.of(network);
            long params = 0;
            long macs = 0;
            for (Node node : network.nodes()) {
                params += analysis.params(node.name());
                macs += analysis.macs(node.name());
            }
            assertThat(analysis.totalParams()).as("total parameters of %s", template).isEqualTo(params).isPositive();
            assertThat(analysis.totalMacs()).as("total multiply-adds of %s", template).isEqualTo(macs).isPositive();
        }
    }

    // ---------------------------------------------------------------- Network constructor

    @Nested
    @DisplayName("the Network constructor")
    class Construction {
        private final List<Node> nodes = List.of(new Node("input", new Input(Shape.flat(2))),
                new Node("a", new Dense(2, true)), new Node("b", new Dense(2, true)), new Node("add", new Add()));

        @Test
        @DisplayName("refuses two nodes of one name")
        void duplicateNames() {
            List<Node> twice = new ArrayList<>(nodes);
            twice.add(new Node("a", Activation.RELU));
            assertThatThrownBy(() -> new Network("n", twice, List.of(), List.of())).as("two nodes named 'a'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("two nodes are named 'a'");
        }

        @Test
        @DisplayName("refuses wires from or to nodes that do not exist")
        void unknownNodes() {
            assertThatThrownBy(() -> new Network("n", nodes, List.of(Wire.of("ghost", "a")), List.of()))
                    .as("a wire from 'ghost'").isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a wire starts at 'ghost', which is not a node");
            assertThatThrownBy(() -> new Network("n", nodes, List.of(Wire.of("a", "ghost")), List.of()))
                    .as("a wire to 'ghost'").isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a wire ends at 'ghost', which is not a node");
        }

        @Test
        @DisplayName("refuses a wire into a port the layer does not have, listing its ports")
        void unknownPort() {
            assertThatThrownBy(() -> new Network("n", nodes, List.of(new Wire("input", "a", Add.SHORTCUT)), List.of()))
                    .as("a Dense has no shortcut port").isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Dense 'a' has no input port 'shortcut' (its ports: in)");
            assertThatThrownBy(() -> new Network("n", nodes, List.of(Wire.of("input", "add")), List.of()))
                    .as("an Add has no 'in' port").isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Add 'add' has no input port 'in' (its ports: residual, shortcut)");
        }

        @Test
        @DisplayName("refuses two wires into one port, also when added by connect()")
        void twoWiresIntoOnePort() {
            assertThatThrownBy(() -> new Network("n", nodes, List.of(Wire.of("input", "b"), Wire.of("a", "b")), List.of()))
                    .as("two wires into 'b'").isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input 'in' of 'b' gets two wires, from 'input' and 'a'");
            Network network = new Network("n", nodes, List.of(Wire.of("input", "b")), List.of());
            assertThatThrownBy(() -> network.connect(Wire.of("a", "b"))).as("connect() into a taken port")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gets two wires");
        }

        @Test
        @DisplayName("refuses a node in two blocks, two blocks of one name, and a block of a node's name")
        void blocks() {
            Block first = new Block("b1", BlockKind.CUSTOM, ShortcutOption.A, "a", List.of("a"));
            Block second = new Block("b2", BlockKind.CUSTOM, ShortcutOption.A, "b", List.of("a", "b"));
            assertThatThrownBy(() -> new Network("n", nodes, List.of(), List.of(first, second))).as("'a' in b1 and b2")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("'a' is in two blocks, 'b1' and 'b2'");

            Block again = new Block("b1", BlockKind.CUSTOM, ShortcutOption.A, "b", List.of("b"));
            assertThatThrownBy(() -> new Network("n", nodes, List.of(), List.of(first, again))).as("two blocks named b1")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("two blocks are named 'b1'");

            Block named = new Block("a", BlockKind.CUSTOM, ShortcutOption.A, "b", List.of("b"));
            assertThatThrownBy(() -> new Network("n", nodes, List.of(), List.of(named))).as("a block named like node 'a'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("block 'a' has the name of a node");

            Block ghost = new Block("g", BlockKind.CUSTOM, ShortcutOption.A, "ghost", List.of("ghost"));
            assertThatThrownBy(() -> new Network("n", nodes, List.of(), List.of(ghost))).as("a block holding no node")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("block 'g' holds 'ghost', which is not a node");
        }

        @Test
        @DisplayName("accepts an unfinished graph (open ports) and leaves its problems to Analysis")
        void acceptsUnfinished() {
            Network network = new Network("n", nodes, List.of(Wire.of("input", "a")), List.of());
            assertThat(network.nodes()).as("the nodes, in the order given").containsExactlyElementsOf(nodes);
            assertThat(Analysis.of(network).isValid()).as("the unfinished graph is not valid").isFalse();
        }

        @Test
        @DisplayName("the builder refuses a source list that does not match the layer's ports")
        void builderChecksPorts() {
            NetworkBuilder b = new NetworkBuilder("n");
            b.add("input", new Input(Shape.flat(2)));
            assertThatThrownBy(() -> b.add("add", new Add(), "input")).as("an Add fed from one node")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Add 'add' has 2 input ports, not 1");
        }
    }
}
