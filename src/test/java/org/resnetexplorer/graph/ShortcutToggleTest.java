package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Turning residual blocks into their plain twins and back. */
@DisplayName("Shortcut toggling")
class ShortcutToggleTest {

    private static boolean weighted(Node node) {
        return node.layer() instanceof Conv2D || node.layer() instanceof Dense;
    }

    private static boolean shortcutOrAdd(Node node) {
        return node.layer() instanceof Shortcut || node.layer() instanceof Add;
    }

    private static List<Node> nodes(Network network, Predicate<Node> which) {
        return network.nodes().stream().filter(which).toList();
    }

    private static String problems(Analysis analysis) {
        return analysis.problems().toString();
    }

    // ---------------------------------------------------------------- templates

    @Nested
    @DisplayName("on the paper's templates")
    class OnTemplates {

        @ParameterizedTest(name = "{0} without shortcuts is {1}")
        @DisplayName("turning every shortcut off gives exactly the plain template of that name")
        @CsvSource({"cifar-resnet-20, cifar-plain-20", "resnet-18, plain-18", "resnet-50, plain-50",
                "mlp-resnet-4, mlp-plain-4"})
        void plainTwinIsPlainTemplate(String resnetName, String plainName) {
            Network twin = Templates.build(resnetName).withAllShortcuts(false);
            Network plain = Templates.build(plainName);

            assertThat(twin.name()).as("turning shortcuts off keeps the network's name").isEqualTo(resnetName);
            assertThat(twin.nodes()).as("nodes of %s without shortcuts vs %s", resnetName, plainName)
                    .containsExactlyElementsOf(plain.nodes());
            assertThat(twin.blocks()).as("blocks of %s without shortcuts vs %s", resnetName, plainName)
                    .containsExactlyElementsOf(plain.blocks());
            assertThat(twin.wires()).as("wires of %s without shortcuts vs %s", resnetName, plainName)
                    .containsExactlyInAnyOrderElementsOf(plain.wires());
            assertThat(twin.withName(plainName)).as("%s without shortcuts, renamed, equals %s", resnetName, plainName)
                    .isEqualTo(plain);
        }

        @ParameterizedTest(name = "{0} and {1}")
        @DisplayName("turning every shortcut of the plain template on gives exactly the ResNet")
        @CsvSource({"cifar-plain-20, cifar-resnet-20", "plain-18, resnet-18", "plain-50, resnet-50",
                "mlp-plain-4, mlp-resnet-4"})
        void plainTemplateTurnedOnIsResNet(String plainName, String resnetName) {
            Network residual = Templates.build(plainName).withAllShortcuts(true).withName(resnetName);
            assertThat(residual).as("%s with every shortcut on equals %s", plainName, resnetName)
                    .isEqualTo(Templates.build(resnetName));
        }

        @Test
        @DisplayName("the pre-activation ResNet without shortcuts has no Add or Shortcut left and is valid")
        void preActivationPlainTwin() {
            Network resnet = Templates.build("cifar-preact-resnet-14");
            Network twin = resnet.withAllShortcuts(false);
            Analysis analysis = Analysis.of(twin);

            assertThat(nodes(twin, ShortcutToggleTest::shortcutOrAdd)).as("Adds and Shortcuts left in the plain twin").isEmpty();
            assertThat(analysis.problems()).as("problems of the pre-activation plain twin: %s", problems(analysis)).isEmpty();
            assertThat(twin.nodes()).as("the twin keeps every other node, in order")
                    .containsExactlyElementsOf(nodes(resnet, n -> !shortcutOrAdd(n)));
            assertThat(analysis.totalParams()).as("option A shortcuts had no parameters to lose")
                    .isEqualTo(Analysis.of(resnet).totalParams());
            // With no activation after the addition, each block's last conv now feeds the next block directly.
            assertThat(twin.source("block2.bn1", LayerSpec.IN)).as("what feeds block2 in the twin")
                    .contains("block1.conv2");
            assertThat(twin.source("bn_final", LayerSpec.IN)).as("what feeds the final BatchNorm in the twin")
                    .contains("block6.conv2");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("turning every shortcut off and on again gives back the very same network")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "cifar-preact-resnet-14", "mlp-resnet-4"})
        void roundTrip(String name) {
            Network original = Templates.build(name);
            Network back = original.withAllShortcuts(false).withAllShortcuts(true);

            assertThat(back.nodes()).as("nodes of %s after off and on", name).containsExactlyElementsOf(original.nodes());
            assertThat(back.blocks()).as("blocks of %s after off and on", name).containsExactlyElementsOf(original.blocks());
            assertThat(back.wires()).as("wires of %s after off and on", name)
                    .containsExactlyInAnyOrderElementsOf(original.wires());
            assertThat(back).as("%s after off and on", name).isEqualTo(original);
            assertThat(back.hashCode()).as("hash of %s after off and on", name).isEqualTo(original.hashCode());
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("turning any one block off and on again gives back an equal network")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "cifar-preact-resnet-14", "mlp-resnet-4"})
        void oneBlockRoundTrip(String name) {
            Network original = Templates.build(name);
            assertThat(original.blocks()).as("blocks of %s", name).isNotEmpty();
            for (Block block : original.blocks()) {
                Network off = original.withShortcut(block.name(), false);
                assertThat(off).as("%s with %s off differs from the original", name, block.name()).isNotEqualTo(original);
                assertThat(off.withShortcut(block.name(), true)).as("%s with %s off and on again", name, block.name())
                        .isEqualTo(original);
            }
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("turning one block off affects that block only, and the network stays valid")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "cifar-preact-resnet-14", "mlp-resnet-4"})
        void oneBlockOff(String name) {
            Network original = Templates.build(name);
            Block middle = original.blocks().get(original.blocks().size() / 2);
            Network off = original.withShortcut(middle.name(), false);

            for (Block block : off.blocks()) {
                assertThat(off.hasShortcut(block.name())).as("%s with only %s off: shortcut of %s", name, middle.name(),
                        block.name()).isEqualTo(!block.name().equals(middle.name()));
            }
            Block shrunk = off.block(middle.name()).orElseThrow();
            assertThat(shrunk.members()).as("members of %s with its shortcut off", middle.name())
                    .containsExactlyElementsOf(middle.members().stream()
                            .filter(m -> !shortcutOrAdd(original.requireNode(m))).toList());
            assertThat(shrunk.branchEnd()).as("branch end of %s", middle.name()).isEqualTo(middle.branchEnd());
            assertThat(off.nodes()).as("%s loses exactly two nodes", name).hasSize(original.nodes().size() - 2);
            Analysis analysis = Analysis.of(off);
            assertThat(analysis.isValid()).as("%s with %s off is valid: %s", name, middle.name(), problems(analysis)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("hasShortcut is true for every block of a ResNet and false for every block of its twin")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "cifar-preact-resnet-14", "mlp-resnet-4"})
        void hasShortcutReflectsState(String name) {
            Network original = Templates.build(name);
            Network twin = original.withAllShortcuts(false);
            assertThat(twin.blocks()).as("the twin keeps every block of %s", name)
                    .extracting(Block::name).containsExactlyElementsOf(original.blocks().stream().map(Block::name).toList());
            for (Block block : original.blocks()) {
                assertThat(original.hasShortcut(block.name())).as("%s: shortcut of %s", name, block.name()).isTrue();
                assertThat(twin.hasShortcut(block.name())).as("twin of %s: shortcut of %s", name, block.name()).isFalse();
            }
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("the plain twin is valid and keeps every weighted layer, in order")
        @ValueSource(strings = {"cifar-resnet-20", "resnet-18", "resnet-50", "cifar-preact-resnet-14", "mlp-resnet-4"})
        void twinKeepsWeightedLayers(String name) {
            Network original = Templates.build(name);
            Network twin = original.withAllShortcuts(false);
            Analysis analysis = Analysis.of(twin);

            assertThat(analysis.isValid()).as("plain twin of %s is valid: %s", name, problems(analysis)).isTrue();
            assertThat(analysis.problems()).as("plain twin of %s has not even a warning", name).isEmpty();
            assertThat(nodes(twin, ShortcutToggleTest::weighted)).as("weighted layers of the twin of %s", name)
                    .isNotEmpty().containsExactlyElementsOf(nodes(original, ShortcutToggleTest::weighted));
            assertThat(nodes(twin, ShortcutToggleTest::shortcutOrAdd)).as("Adds and Shortcuts in the twin of %s", name)
                    .isEmpty();
            assertThat(analysis.outputShape("output")).as("the twin of %s predicts the same classes", name)
                    .isEqualTo(Analysis.of(original).outputShape("output"));
        }

        @Test
        @DisplayName("setting a shortcut to the state it is already in returns the network unchanged")
        void noOpToggle() {
            Network resnet = Templates.build("cifar-resnet-20");
            assertThat(resnet.withShortcut("block1", true)).as("turning on a shortcut that is on").isSameAs(resnet);
            Network plain = Templates.build("cifar-plain-20");
            assertThat(plain.withShortcut("block1", false)).as("turning off a shortcut that is off").isSameAs(plain);
            assertThat(plain.withAllShortcuts(false)).as("turning every shortcut off in a plain net").isEqualTo(plain);
        }

        @Test
        @DisplayName("the plain twin of an option-A CIFAR net has the same parameters and multiply-adds")
        void optionATwinHasSameCounts() {
            Analysis resnet = Analysis.of(Templates.build("cifar-resnet-20"));
            Analysis twin = Analysis.of(Templates.build("cifar-resnet-20").withAllShortcuts(false));
            assertThat(twin.totalParams()).as("option A shortcuts have no parameters, so the twin keeps them all")
                    .isEqualTo(resnet.totalParams());
            assertThat(twin.totalMacs()).as("option A shortcuts have no multiply-adds")
                    .isEqualTo(resnet.totalMacs());
        }

        @Test
        @DisplayName("plain-18 has fewer parameters than resnet-18: exactly its three projection shortcuts fewer")
        void plain18LosesProjections() {
            Analysis resnet = Analysis.of(Templates.build("resnet-18"));
            Analysis plain = Analysis.of(Templates.build("plain-18"));
            // Option B projects where a stage starts: 64->128 (28x28 out), 128->256 (14x14), 256->512 (7x7);
            // each is a 1x1 conv (in*out weights) with a BatchNorm (2*out).
            long projections = (64L * 128 + 2 * 128) + (128L * 256 + 2 * 256) + (256L * 512 + 2 * 512);
            long projectionMacs = 64L * 128 * 28 * 28 + 128L * 256 * 14 * 14 + 256L * 512 * 7 * 7;

            assertThat(plain.totalParams()).as("plain-18 has fewer parameters than resnet-18")
                    .isLessThan(resnet.totalParams());
            assertThat(resnet.totalParams() - plain.totalParams()).as("the parameters of the three projections")
                    .isEqualTo(projections);
            assertThat(resnet.totalMacs() - plain.totalMacs()).as("the multiply-adds of the three projections")
                    .isEqualTo(projectionMacs);
        }

        @Test
        @DisplayName("plain-50 has exactly resnet-50's four projection shortcuts fewer parameters")
        void plain50LosesProjections() {
            long resnet = Analysis.of(Templates.build("resnet-50")).totalParams();
            long plain = Analysis.of(Templates.build("resnet-50").withAllShortcuts(false)).totalParams();
            long projections = (64L * 256 + 2 * 256) + (256L * 512 + 2 * 512) + (512L * 1024 + 2 * 1024)
                    + (1024L * 2048 + 2 * 2048);
            assertThat(resnet - plain).as("conv2_1 to conv5_1 each project (the first one only widens 64 -> 256)")
                    .isEqualTo(projections);
        }

        @Test
        @DisplayName("turning shortcuts off and on restores the original strides even where the image is 1x1")
        void roundTripOnTinyImages() {
            Network original = Templates.build("resnet-18", TemplateOptions.defaults().withInput(Shape.image(3, 16, 16)));
            assertThat(Analysis.of(original).outputShape("conv4_2.relu2")).as("conv5_1 starts on a 1x1 image")
                    .contains(Shape.image(256, 1, 1));
            Network back = original.withAllShortcuts(false).withAllShortcuts(true);
            assertThat(back.requireNode("conv5_1.shortcut")).as("conv5_1's shortcut after off and on")
                    .isEqualTo(original.requireNode("conv5_1.shortcut"));
            assertThat(back).as("resnet-18 on 3x16x16 after off and on").isEqualTo(original);
        }
    }

    // ---------------------------------------------------------------- custom blocks

    @Nested
    @DisplayName("on a block wrapped by hand")
    class OnCustomBlocks {

        /**
         * input(2) -> dense0(16) -> relu0 -> [mine.d1(16) -> mine.relu -> mine.d2(width)] -> relu_out -> fc(2) ->
         * output, the bracket a CUSTOM block without a shortcut.
         */
        private Network denseBlock(int width, ShortcutOption option) {
            NetworkBuilder b = new NetworkBuilder("custom");
            b.add("input", new Input(Shape.flat(2)));
            b.add("dense0", new Dense(16, true), "input");
            b.add("relu0", Activation.RELU, "dense0");
            int mark = b.size();
            b.add("mine.d1", new Dense(16, true), "relu0");
            b.add("mine.relu", Activation.RELU, "mine.d1");
            b.add("mine.d2", new Dense(width, true), "mine.relu");
            b.addBlock(new Block("mine", BlockKind.CUSTOM, option, "mine.d2", b.namesSince(mark)));
            b.add("relu_out", Activation.RELU, "mine.d2");
            b.add("fc", new Dense(2, true), "relu_out");
            b.add("output", new Output(2), "fc");
            return b.build();
        }

        @Test
        @DisplayName("turning the shortcut on adds a Shortcut and an Add sized to the branch, wired around it")
        void turnOnAroundDenseLayers() {
            Network plain = denseBlock(16, ShortcutOption.A);
            assertThat(Analysis.of(plain).isValid()).as("the hand-made plain network is valid").isTrue();
            assertThat(plain.hasShortcut("mine")).as("the hand-made block starts without a shortcut").isFalse();

            Network residual = plain.withShortcut("mine", true);

            assertThat(residual.hasShortcut("mine")).as("the block's shortcut after turning it on").isTrue();
            assertThat(residual.requireNode("mine.shortcut").layer()).as("the new shortcut: option A, 16 features, stride 1")
                    .isEqualTo(new Shortcut(ShortcutOption.A, 16, 1));
            assertThat(residual.requireNode("mine.add").layer()).as("the new merge").isEqualTo(new Add());
            assertThat(residual.source("mine.shortcut", LayerSpec.IN)).as("the shortcut carries the block's input")
                    .contains("relu0");
            assertThat(residual.source("mine.add", Add.RESIDUAL)).as("the Add's residual is the branch end")
                    .contains("mine.d2");
            assertThat(residual.source("mine.add", Add.SHORTCUT)).as("the Add's shortcut").contains("mine.shortcut");
            assertThat(residual.source("relu_out", LayerSpec.IN)).as("what followed the branch now follows the Add")
                    .contains("mine.add");
            assertThat(residual.consumers("mine.d2")).as("the branch end feeds only the Add")
                    .containsExactly(new Wire("mine.d2", "mine.add", Add.RESIDUAL));
            assertThat(residual.block("mine").orElseThrow().members()).as("members of the block with its shortcut")
                    .containsExactly("mine.d1", "mine.relu", "mine.d2", "mine.shortcut", "mine.add");
            assertThat(residual.nodes()).extracting(Node::name).as("the new nodes follow the branch end")
                    .containsExactly("input", "dense0", "relu0", "mine.d1", "mine.relu", "mine.d2", "mine.shortcut",
                            "mine.add", "relu_out", "fc", "output");

            Analysis analysis = Analysis.of(residual);
            assertThat(analysis.problems()).as("problems with the shortcut on: %s", problems(analysis)).isEmpty();
            assertThat(analysis.outputShape("mine.add")).as("shape after the addition").contains(Shape.flat(16));
            assertThat(analysis.totalParams()).as("an option A identity adds no parameters")
                    .isEqualTo(Analysis.of(plain).totalParams());
            assertThat(residual.withShortcut("mine", false)).as("turning it off again gives the hand-made network")
                    .isEqualTo(plain);
        }

        @Test
        @DisplayName("a block that narrows 16 to 8 features gets an option B projection of 16*8 + 2*8 parameters")
        void turnOnProjection() {
            Network plain = denseBlock(8, ShortcutOption.B);
            Network residual = plain.withShortcut("mine", true);

            assertThat(residual.requireNode("mine.shortcut").layer()).as("the shortcut maps 16 features to 8")
                    .isEqualTo(new Shortcut(ShortcutOption.B, 8, 1));
            Analysis analysis = Analysis.of(residual);
            assertThat(analysis.isValid()).as("the projected block is valid: %s", problems(analysis)).isTrue();
            assertThat(analysis.params("mine.shortcut")).as("parameters of the projection").isEqualTo(16L * 8 + 2 * 8);
            assertThat(analysis.totalParams() - Analysis.of(plain).totalParams()).as("the projection is all that is added")
                    .isEqualTo(16L * 8 + 2 * 8);
        }

        @Test
        @DisplayName("a convolutional block that halves the image gets a shortcut of stride 2")
        void turnOnStridedConvBlock() {
            NetworkBuilder b = new NetworkBuilder("conv-custom");
            b.add("input", new Input(Shape.image(3, 15, 15)));
            b.add("conv1", Conv2D.same(16, 3, 1), "input");
            int mark = b.size();
            b.add("down.conv1", new Conv2D(32, 3, 2, 1, false), "conv1");
            b.add("down.relu", Activation.RELU, "down.conv1");
            b.add("down.conv2", Conv2D.same(32, 3, 1), "down.relu");
            b.addBlock(new Block("down", BlockKind.CUSTOM, ShortcutOption.A, "down.conv2", b.namesSince(mark)));
            b.add("avgpool", new GlobalAvgPool(), "down.conv2");
            b.add("fc", new Dense(10, true), "avgpool");
            b.add("output", new Output(10), "fc");
            Network residual = b.build().withShortcut("down", true);

            assertThat(residual.requireNode("down.shortcut").layer()).as("15x15 -> 8x8 needs stride 2, 16 -> 32 channels")
                    .isEqualTo(new Shortcut(ShortcutOption.A, 32, 2));
            Analysis analysis = Analysis.of(residual);
            assertThat(analysis.isValid()).as("the strided residual block is valid: %s", problems(analysis)).isTrue();
            assertThat(analysis.outputShape("down.add")).as("shape after the addition").contains(Shape.image(32, 8, 8));
        }

        @Test
        @DisplayName("turning a shortcut on where the shapes are unknown explains what to fix first")
        void unknownShapes() {
            NetworkBuilder b = new NetworkBuilder("broken");
            b.add("input", new Input(Shape.image(3, 4, 4)));
            b.add("dense0", new Dense(16, true), "input"); // an image into a Dense: no shapes from here on
            int mark = b.size();
            b.add("mine.d1", new Dense(16, true), "dense0");
            b.add("mine.d2", new Dense(16, true), "mine.d1");
            b.addBlock(new Block("mine", BlockKind.CUSTOM, ShortcutOption.A, "mine.d2", b.namesSince(mark)));
            b.add("fc", new Dense(2, true), "mine.d2");
            b.add("output", new Output(2), "fc");
            Network network = b.build();

            assertThatThrownBy(() -> network.withShortcut("mine", true)).as("a shortcut around unknown shapes")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the shapes around block 'mine' are not known yet: fix the problems the network shows first,"
                            + " then turn the shortcut on");
            assertThatThrownBy(() -> network.withAllShortcuts(true)).as("every shortcut on around unknown shapes")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("block 'mine'");
        }

        @Test
        @DisplayName("turning a shortcut on where the block's input is known but its output is not also explains")
        void unknownBranchEnd() {
            NetworkBuilder b = new NetworkBuilder("broken-inside");
            b.add("input", new Input(Shape.image(3, 4, 4)));
            b.add("conv1", Conv2D.same(8, 3, 1), "input");
            int mark = b.size();
            b.add("mine.d1", new Dense(16, true), "conv1"); // an image into a Dense, inside the block
            b.add("mine.d2", new Dense(16, true), "mine.d1");
            b.addBlock(new Block("mine", BlockKind.CUSTOM, ShortcutOption.A, "mine.d2", b.namesSince(mark)));
            b.add("fc", new Dense(2, true), "mine.d2");
            b.add("output", new Output(2), "fc");
            Network network = b.build();

            assertThat(Analysis.of(network).outputShape("conv1")).as("the block's input shape is known")
                    .contains(Shape.image(8, 4, 4));
            assertThatThrownBy(() -> network.withShortcut("mine", true)).as("a shortcut to an unknown branch end")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the shapes around block 'mine' are not known yet: fix the problems the network shows first,"
                            + " then turn the shortcut on");
        }

        @Test
        @DisplayName("a block with no input from outside cannot get a shortcut, and says why")
        void noEntry() {
            Network network = denseBlock(16, ShortcutOption.A).disconnect("mine.d1", LayerSpec.IN);
            assertThatThrownBy(() -> network.withShortcut("mine", true)).as("a shortcut for a block with no input")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("block 'mine' needs exactly one input from outside to carry around its layers, but has 0:"
                            + " connect its first layer to one earlier layer");
        }

        @Test
        @DisplayName("a block that turns an image into a vector cannot get a shortcut, and says why")
        void imageToVector() {
            NetworkBuilder b = new NetworkBuilder("flattening");
            b.add("input", new Input(Shape.image(4, 2, 2)));
            int mark = b.size();
            b.add("mine.flatten", new Flatten(), "input");
            b.add("mine.dense", new Dense(16, true), "mine.flatten");
            b.addBlock(new Block("mine", BlockKind.CUSTOM, ShortcutOption.B, "mine.dense", b.namesSince(mark)));
            b.add("fc", new Dense(2, true), "mine.dense");
            b.add("output", new Output(2), "fc");
            Network network = b.build();

            assertThatThrownBy(() -> network.withShortcut("mine", true)).as("a shortcut from an image to a vector")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no shortcut can take block 'mine's input 4x2x2 to its output 16: the block must keep or"
                            + " subsample the image size");
        }

        @Test
        @DisplayName("asking about or toggling a block that does not exist names it")
        void unknownBlock() {
            Network network = denseBlock(16, ShortcutOption.A);
            assertThatThrownBy(() -> network.withShortcut("nope", true)).as("toggling block 'nope'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("there is no block 'nope'");
            assertThatThrownBy(() -> network.hasShortcut("nope")).as("asking about block 'nope'")
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("there is no block 'nope'");
        }
    }
}
