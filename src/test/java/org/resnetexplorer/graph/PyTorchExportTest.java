package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch export: readable code (blocks as classes, the graph's names, a build() function), and, run under
 * PyTorch where it is installed (Debian's python3-torch), exactly the parameter count the graph reports and
 * the output shape it infers, for plain, residual, pre-activation and bottleneck nets and every shortcut option.
 */
class PyTorchExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The nets run under PyTorch: name -> network. */
    private static Map<String, Network> nets() {
        Map<String, Network> nets = new LinkedHashMap<>();
        nets.put("mlp_resnet_8", Templates.build("mlp-resnet-8"));
        nets.put("mlp_plain_8", Templates.build("mlp-plain-8"));
        nets.put("mlp_resnet_6_sigmoid", Templates.build("mlp-resnet-6",
                TemplateOptions.defaults().withBatchNorm(false).withActivation(ActivationFunction.SIGMOID)));
        nets.put("cifar_resnet_20_A", Templates.build("cifar-resnet-20"));
        nets.put("cifar_resnet_8_B", Templates.build("cifar-resnet-8", TemplateOptions.defaults().withShortcut(ShortcutOption.B)));
        nets.put("cifar_resnet_8_C", Templates.build("cifar-resnet-8", TemplateOptions.defaults().withShortcut(ShortcutOption.C)));
        nets.put("cifar_plain_20", Templates.build("cifar-plain-20"));
        nets.put("cifar_preact_resnet_20", Templates.build("cifar-preact-resnet-20"));
        nets.put("cifar_resnet_8_small", Templates.build("cifar-resnet-8",
                TemplateOptions.defaults().withInput(Shape.image(1, 16, 16)).withWidth(8).withClasses(10)));
        nets.put("resnet_18", Templates.build("resnet-18"));
        nets.put("plain_18", Templates.build("plain-18"));
        nets.put("resnet_50", Templates.build("resnet-50"));
        return nets;
    }

    @Test
    @DisplayName("the code has a class per distinct block, the graph's names, shortcuts as in the graph and build()")
    void readableCode() {
        String code = PyTorchExport.code(Templates.build("cifar-resnet-20"));
        assertThat(code).contains("import torch", "class Net(nn.Module):", "def build():", "return Net()")
                .contains("class BasicBlock(nn.Module):", "used by block1, block2, block3")
                .contains("self.conv1 = nn.Conv2d(16, 16, kernel_size=3, stride=1, padding=1, bias=False)")
                .contains("shortcut = pad_shortcut(x, 32, 2)", "add = bn2 + shortcut")
                .contains("Parameters: 269,722");
        // cifar-resnet-20: stage 1 shares one class; stages 2 and 3 each have a first block and the rest
        assertThat(code.split("\nclass ", -1)).hasSize(1 + 5 + 1);

        String plain = PyTorchExport.code(Templates.build("cifar-plain-20"));
        assertThat(plain).doesNotContain("pad_shortcut", " + shortcut").contains("class PlainBasicBlock(nn.Module):")
                .contains("Plain (shortcut off) basic block");

        String projected = PyTorchExport.code(Templates.build("resnet-50"));
        assertThat(projected).contains("class Bottleneck(nn.Module):")
                .contains("nn.Sequential(nn.Conv2d(64, 256, kernel_size=1, stride=1, bias=False), nn.BatchNorm2d(256");
    }

    /** What the export writes for a node of each kind, in the module's constructor or in its forward. */
    private static final Map<Class<?>, List<String>> WRITTEN = Map.ofEntries(
            Map.entry(Input.class, List.of("def forward(self, x):")),
            Map.entry(Dense.class, List.of("nn.Linear(16, 12, bias=False)", "nn.Linear(12, 12)")),
            Map.entry(Conv2D.class, List.of("nn.Conv2d(3, 8, kernel_size=3, stride=1, padding=1)")),
            Map.entry(BatchNorm.class, List.of("nn.BatchNorm2d(8, eps=0.001, momentum=0.01)")),
            Map.entry(Activation.class, List.of("nn.Tanh()", "nn.ReLU()", "nn.Sigmoid()", "nn.Identity()")),
            Map.entry(Add.class, List.of("add = layer + shortcut")),
            Map.entry(Shortcut.class, List.of("shortcut = pad_shortcut(x, 16, 2)",
                    "nn.Sequential(nn.Linear(12, 10, bias=False), nn.BatchNorm1d(10")),
            Map.entry(MaxPool.class, List.of("nn.MaxPool2d(kernel_size=3, stride=2, padding=1)")),
            Map.entry(AvgPool.class, List.of("nn.AvgPool2d(kernel_size=2, stride=2, padding=0)")),
            Map.entry(GlobalAvgPool.class, List.of("nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())")),
            Map.entry(Flatten.class, List.of("self.flatten = nn.Flatten()")),
            Map.entry(Dropout.class, List.of("nn.Dropout(p=0.25)")),
            Map.entry(Output.class, List.of("return identity")));

    @Test
    @DisplayName("every layer kind is written as its PyTorch module or expression, and every module a forward calls"
            + " is made in its class's constructor")
    void everyLayerKindExported() {
        assertThat(WRITTEN.keySet()).as("the kinds this test knows")
                .containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
        Network network = EveryKind.network();
        String code = PyTorchExport.code(network);
        for (Map.Entry<Class<?>, List<String>> kind : WRITTEN.entrySet()) {
            assertThat(code).as("the export of %s", kind.getKey().getSimpleName()).contains(kind.getValue());
        }
        for (String type : code.split("\nclass ")) {
            Set<String> made = new HashSet<>();
            Matcher assignment = Pattern.compile("self\\.(\\w+) = ").matcher(type);
            while (assignment.find()) {
                made.add(assignment.group(1));
            }
            Matcher call = Pattern.compile("self\\.(\\w+)\\(").matcher(type);
            while (call.find()) {
                assertThat(made).as("modules made by class %s", type.lines().findFirst().orElse("")).contains(call.group(1));
            }
        }
    }

    @Test
    @DisplayName("an invalid graph is refused with the problem, naming the node")
    void invalidGraphRefused() {
        Network broken = Templates.build("cifar-resnet-8").disconnect("block2.add", Add.SHORTCUT);
        assertThatThrownBy(() -> PyTorchExport.code(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be exported yet").hasMessageContaining("block2.add");
    }

    @Test
    @DisplayName("under PyTorch, every exported net has the graph's parameter count and output shape")
    void runsUnderPyTorch(@TempDir Path folder) throws IOException, InterruptedException {
        String python = pythonWithTorch();
        Assumptions.assumeTrue(python != null, () -> {
            String message = "SKIPPED: PyTorch export not checked under PyTorch: no python3 with torch here"
                    + " (install Debian's python3-torch)";
            System.err.println(message);
            return message;
        });
        Map<String, Network> nets = nets();
        List<String> driver = new ArrayList<>(List.of("import importlib, json, sys, torch", "sys.path.insert(0, sys.argv[1])",
                "torch.manual_seed(0)"));
        for (Map.Entry<String, Network> net : nets.entrySet()) {
            Files.writeString(folder.resolve(net.getKey() + ".py"), PyTorchExport.code(net.getValue()), StandardCharsets.UTF_8);
            Shape input = Analysis.of(net.getValue()).inputShape().orElseThrow();
            String dims = String.join(", ", input.dims().stream().map(String::valueOf).toList());
            driver.add("m = importlib.import_module('" + net.getKey() + "').build().eval()");
            driver.add("with torch.no_grad(): y = m(torch.randn(2, " + dims + "))");
            driver.add("print(json.dumps({'net': '" + net.getKey() + "', 'params': sum(p.numel() for p in m.parameters()),"
                    + " 'shape': list(y.shape)}))");
        }
        Path script = folder.resolve("driver.py");
        Files.write(script, driver, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(python, script.toString(), folder.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python exit code; output:%n%s", output).isZero();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                results.put(node.get("net").asText(), node);
            }
        }
        assertThat(results.keySet()).containsExactlyElementsOf(nets.keySet());
        nets.forEach((name, network) -> {
            Analysis analysis = Analysis.of(network);
            JsonNode result = results.get(name);
            assertThat(result.get("params").asLong()).as("parameters of %s", name).isEqualTo(analysis.totalParams());
            assertThat(List.of(result.get("shape").get(0).asInt(), result.get("shape").get(1).asInt()))
                    .as("output shape of %s", name).containsExactly(2, analysis.classes().orElseThrow());
        });
    }

    /** Debian's python3 (where python3-torch installs), else the first python3 on the PATH, if it imports torch. */
    static String pythonWithTorch() throws InterruptedException {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                if (check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not installed here: try the next
            }
        }
        return null;
    }
}
