package org.resnetexplorer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A run folder's trained network: written and read back bit for bit, and every damaged or hostile file refused. */
class TrainedNetworkFilesTest {
    @TempDir
    Path folder;

    /**
     * A small convolutional ResNet with BatchNorm and projection shortcuts, its values moved off their initial ones
     * and its running statistics off theirs by a training pass.
     */
    static NetworkState trainedLooking(String template, TemplateOptions options, long seed) throws EngineException {
        Nd4jRuntime.start();
        Network network = Templates.build(template, options);
        CompiledNetwork compiled = CompiledNetwork.compile(network, DataType.FLOAT, seed);
        Nd4j.getRandom().setSeed(seed);
        compiled.values().addi(Nd4j.randn(DataType.FLOAT, compiled.values().shape()).muli(0.1));
        long[] shape = new long[1 + options.input().dims().size()];
        shape[0] = 16;
        for (int i = 1; i < shape.length; i++) {
            shape[i] = options.input().dims().get(i - 1);
        }
        compiled.forward(Nd4j.randn(DataType.FLOAT, shape), true);
        return compiled.state("cnn \"run\" \u00b7 \u4e00", 17);
    }

    private static NetworkState cnn() throws EngineException {
        return trainedLooking("cifar-resnet-8", TemplateOptions.defaults().withInput(Shape.image(3, 8, 8)).withWidth(4)
                .withShortcut(ShortcutOption.B), 5);
    }

    @Test
    @DisplayName("the state read back equals the state written, bit for bit, running statistics and weights included")
    void roundTrip() throws Exception {
        NetworkState written = cnn();
        assertThat(written.runningStatistics()).as("projections' BatchNorms too").anySatisfy((name, s) ->
                assertThat(name).endsWith("#bn"));
        TrainedNetworkFiles.write(written, folder);

        NetworkState read = TrainedNetworkFiles.read(folder);

        assertThat(read.run()).isEqualTo(written.run());
        assertThat(read.step()).isEqualTo(17);
        assertThat(read.network()).isEqualTo(written.network());
        assertThat(bits(read.values())).isEqualTo(bits(written.values()));
        assertThat(read.runningStatistics().keySet()).isEqualTo(written.runningStatistics().keySet());
        for (Map.Entry<String, double[]> entry : written.runningStatistics().entrySet()) {
            assertThat(Arrays.stream(read.runningStatistics().get(entry.getKey())).mapToLong(Double::doubleToRawLongBits)
                    .toArray()).as("running statistics of %s", entry.getKey())
                    .isEqualTo(Arrays.stream(entry.getValue()).mapToLong(Double::doubleToRawLongBits).toArray());
        }
        for (var node : written.network().nodes()) {
            assertThat(read.weights(node.name()).map(w -> Arrays.toString(bits(w.values())))).as("weights of %s", node.name())
                    .isEqualTo(written.weights(node.name()).map(w -> Arrays.toString(bits(w.values()))));
        }
    }

    @Test
    @DisplayName("the values file holds 4 bytes a parameter and 8 a running statistic, little-endian, nothing else")
    void valuesFileSize() throws Exception {
        NetworkState state = cnn();
        TrainedNetworkFiles.write(state, folder);
        long statistics = state.runningStatistics().values().stream().mapToLong(s -> s.length).sum();
        assertThat(Files.size(folder.resolve(TrainedNetworkFiles.VALUES)))
                .isEqualTo(4L * state.parameterCount() + 8 * statistics);
        byte[] bytes = Files.readAllBytes(folder.resolve(TrainedNetworkFiles.VALUES));
        int first = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 24;
        assertThat(first).isEqualTo(Float.floatToRawIntBits(state.values()[0]));
    }

    @Test
    @DisplayName("a values file one byte short, or one byte long, is refused naming the file")
    void valuesOfTheWrongSize() throws Exception {
        TrainedNetworkFiles.write(cnn(), folder);
        Path values = folder.resolve(TrainedNetworkFiles.VALUES);
        byte[] bytes = Files.readAllBytes(values);
        Files.write(values, Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(values.toString()).hasMessageContaining("holds " + (bytes.length - 1) + " bytes");
        Files.write(values, Arrays.copyOf(bytes, bytes.length + 1));
        assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(values.toString());
    }

    @Test
    @DisplayName("an index whose block has another shape, node or offset than the graph gives is refused")
    void indexThatDoesNotFit() throws Exception {
        TrainedNetworkFiles.write(cnn(), folder);
        Path index = folder.resolve(TrainedNetworkFiles.INDEX);
        String text = Files.readString(index);
        for (String[] change : new String[][] {{"\"shape\" : [ 4, 3, 3, 3 ]", "\"shape\" : [ 4000000, 3, 3, 3 ]"},
                {"\"node\" : \"conv1\"", "\"node\" : \"../../etc/passwd\""}, {"\"offset\" : 0", "\"offset\" : -8"}}) {
            assertThat(text).contains(change[0]);
            Files.writeString(index, text.replaceFirst(java.util.regex.Pattern.quote(change[0]), change[1]));
            assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).as(change[1]).isInstanceOf(StateFileException.class)
                    .hasMessageContaining(index.toString()).hasMessageContaining("block 1 is not the network's conv1");
        }
    }

    @Test
    @DisplayName("an index that is not JSON, of another format or version, or with a negative step is refused")
    void damagedIndex() throws Exception {
        TrainedNetworkFiles.write(cnn(), folder);
        Path index = folder.resolve(TrainedNetworkFiles.INDEX);
        String text = Files.readString(index);
        for (String damaged : new String[] {"{", "[]", text.replace("\"version\" : 1", "\"version\" : 2"),
                text.replace("\"step\" : 17", "\"step\" : -1"), text.replace("trained state", "other state"),
                text.replace("\"blocks\" : [", "\"blocks\" : [ {}, ")}) {
            Files.writeString(index, damaged, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).as(damaged.lines().findFirst().orElse(""))
                    .isInstanceOf(StateFileException.class).hasMessageContaining(index.toString());
        }
    }

    @Test
    @DisplayName("a missing values file or graph file is refused naming it")
    void missingFiles() throws Exception {
        TrainedNetworkFiles.write(cnn(), folder);
        Files.delete(folder.resolve(TrainedNetworkFiles.VALUES));
        assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(TrainedNetworkFiles.VALUES);
        Files.delete(folder.resolve(TrainedNetworkFiles.NETWORK));
        assertThatThrownBy(() -> TrainedNetworkFiles.read(folder)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(TrainedNetworkFiles.NETWORK);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
