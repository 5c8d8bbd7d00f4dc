package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained values in an export: only build() and what it loads are added to the untrained code, the keys are
 * the export's own identifiers whatever the graph's names, and under PyTorch every value lands in the model.
 */
class PyTorchWeightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Networks of every base kind under hostile names, half of them with names shared across blocks. */
    private static List<Network> hostile(long seed, int count) {
        HostileNames names = new HostileNames(seed, "/tmp/marker");
        List<Network> bases = PyTorchExportNamesTest.bases();
        List<Network> networks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            networks.add(names.renamed(bases.get(i % bases.size()), i % 2 == 0));
        }
        return networks;
    }

    /**
     * Values for every parameter and running statistic of a network, in the graph's layout (as the engine gives
     * them): value k of the whole network is a small number made from k, a running variance positive.
     */
    static TrainedValues values(Network network) {
        Analysis analysis = Analysis.of(network);
        List<TrainedValues.Tensor> tensors = new ArrayList<>();
        int[] next = {0};
        for (String name : analysis.order()) {
            LayerSpec layer = network.requireNode(name).layer();
            Shape in = analysis.facts(name).map(f -> f.inputs().isEmpty() ? null : f.inputs().get(0)).orElse(null);
            if (layer instanceof Dense d) {
                tensors.add(tensor(name, TrainedValues.Part.WEIGHT, next, in.elementCount(), d.units()));
                if (d.bias()) {
                    tensors.add(tensor(name, TrainedValues.Part.BIAS, next, d.units()));
                }
            } else if (layer instanceof Conv2D c) {
                tensors.add(tensor(name, TrainedValues.Part.WEIGHT, next, c.filters(), LayerSpec.features(in), c.kernel(),
                        c.kernel()));
                if (c.bias()) {
                    tensors.add(tensor(name, TrainedValues.Part.BIAS, next, c.filters()));
                }
            } else if (layer instanceof BatchNorm) {
                norm(tensors, name, LayerSpec.features(in), next);
            } else if (layer instanceof Shortcut s && s.projects(in)) {
                tensors.add(in instanceof Shape.Image
                        ? tensor(name, TrainedValues.Part.WEIGHT, next, s.filters(), LayerSpec.features(in), 1, 1)
                        : tensor(name, TrainedValues.Part.WEIGHT, next, LayerSpec.features(in), s.filters()));
                norm(tensors, name, s.filters(), next);
            }
        }
        return new TrainedValues("a \"run\"\n", 3, tensors);
    }

    private static void norm(List<TrainedValues.Tensor> tensors, String name, int features, int[] next) {
        for (TrainedValues.Part part : List.of(TrainedValues.Part.GAMMA, TrainedValues.Part.BETA,
                TrainedValues.Part.RUNNING_MEAN, TrainedValues.Part.RUNNING_VAR)) {
            tensors.add(tensor(name, part, next, features));
        }
    }

    private static TrainedValues.Tensor tensor(String node, TrainedValues.Part part, int[] next, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            float v = (next[0]++ % 97) / 97f - 0.5f;
            values[i] = part == TrainedValues.Part.RUNNING_VAR ? Math.abs(v) + 0.5f : v;
        }
        return new TrainedValues.Tensor(node, part, shape, values);
    }

    @Test
    @DisplayName("the trained export is the untrained one with two imports, the values and another build()")
    void onlyBuildChanges() {
        for (Network network : hostile(31, 70)) {
            String plain = PyTorchExport.code(network);
            String trained = PyTorchExport.code(network, values(network));
            String before = plain.substring(0, plain.indexOf("def build():")).replace("\nimport torch\n",
                    "\nimport base64\nimport numpy\nimport torch\n");
            assertThat(trained).as("the code before build() of %s", PythonText.literal(network.name())).startsWith(before);
            assertThat(trained).endsWith(plain.substring(plain.indexOf("\n\nif __name__ == \"__main__\":")));
            String tensors = trained.substring(trained.indexOf("TRAINED_TENSORS = [\n") + 20, trained.indexOf("]\n#"));
            assertThat(tensors.lines().toList()).as("the keys are the export's ASCII identifiers")
                    .allSatisfy(line -> assertThat(line).matches(" {4}\\(\"[A-Za-z0-9_.]+\", \\(\\d+(, \\d+)*,?\\)\\),"));
        }
    }

    @Test
    @DisplayName("under PyTorch, every trained value of a network with hostile names lands in its model")
    void loadsUnderPyTorch(@TempDir Path folder) throws IOException, InterruptedException {
        String python = PyTorchExportTest.pythonWithTorch();
        Assumptions.assumeTrue(python != null, () -> {
            String message = "SKIPPED: trained exports of hostile names not checked under PyTorch: no python3 with torch"
                    + " here (install Debian's python3-torch)";
            System.err.println(message);
            return message;
        });
        List<Network> networks = hostile(32, 14);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            TrainedValues values = values(networks.get(i));
            Files.write(folder.resolve("net_" + i + ".py"),
                    PyTorchExport.code(networks.get(i), values).getBytes(StandardCharsets.UTF_8));
            double sum = 0;
            long count = 0;
            for (TrainedValues.Tensor tensor : values.tensors()) {
                for (float v : tensor.values()) {
                    sum += v;
                }
                count += tensor.values().length;
            }
            expected.add(Map.of("sum", sum, "count", count));
        }
        Path driver = folder.resolve("driver.py");
        Files.write(driver, List.of("import importlib, json, sys", "sys.dont_write_bytecode = True",
                "sys.path.insert(0, sys.argv[1])", "for i in range(int(sys.argv[2])):",
                "    state = importlib.import_module('net_%d' % i).build().state_dict()",
                "    values = [v for k, v in state.items() if not k.endswith('num_batches_tracked')]",
                "    print(json.dumps({'sum': float(sum(v.double().sum() for v in values)),"
                        + " 'count': sum(v.numel() for v in values)}))"), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(python, driver.toString(), folder.toString(), String.valueOf(networks.size()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python exit code; output:%n%s", output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(networks.size());
        for (int i = 0; i < networks.size(); i++) {
            JsonNode result = JSON.readTree(lines.get(i));
            assertThat(result.get("count").asLong()).as("values in net_%d's model", i).isEqualTo(expected.get(i).get("count"));
            assertThat(result.get("sum").asDouble()).as("sum of net_%d's values", i)
                    .isCloseTo((double) expected.get(i).get("sum"), org.assertj.core.api.Assertions.within(1e-3));
        }
    }
}
