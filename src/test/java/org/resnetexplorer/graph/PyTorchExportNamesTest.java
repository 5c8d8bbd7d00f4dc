package org.resnetexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The PyTorch export of networks whose name, nodes and blocks have generated hostile names ({@link HostileNames}):
 * in Java, the code keeps every name inside escaped literals and comments and makes valid identifiers of them;
 * under PyTorch, the module parses, imports without running anything of a name (no file written, nothing
 * printed), builds, and gives the graph's output shape, parameter count and names in its docstrings.
 */
class PyTorchExportNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An assignment to an attribute or a local, with the comment naming its node or block when they differ. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            " {8}(?:self\\.)?([A-Za-z0-9_]+) = [ -~]*?(?:  # (?:node|block) \"(.*)\")?");

    /** Small valid networks of each kind of block: MLP, CIFAR with option A, B and C, pre-activation, plain. */
    static List<Network> bases() {
        TemplateOptions small = TemplateOptions.defaults().withInput(Shape.image(1, 8, 8)).withWidth(4).withClasses(3);
        return List.of(Templates.build("mlp-resnet-8"),
                Templates.build("cifar-resnet-8", small),
                Templates.build("cifar-resnet-8", small.withShortcut(ShortcutOption.B)),
                Templates.build("cifar-resnet-8", small.withShortcut(ShortcutOption.C)),
                Templates.build("cifar-preact-resnet-8", small),
                Templates.build("cifar-plain-8", small),
                Templates.build("mlp-plain-4"));
    }

    /** {@code count} networks: the bases in turn, renamed, every other one with names shared across blocks. */
    private static List<Network> hostile(long seed, int count, String marker) {
        HostileNames names = new HostileNames(seed, marker);
        List<Network> bases = bases();
        List<Network> networks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            networks.add(names.renamed(bases.get(i % bases.size()), i % 2 == 0));
        }
        return networks;
    }

    @Test
    @DisplayName("every name reaches the code escaped, in docstrings and comments, or as a valid unreserved identifier")
    void namesStayInLiteralsAndComments() {
        for (Network network : hostile(21, 300, "/tmp/marker")) {
            String code = PyTorchExport.code(network);
            assertThat(new String(code.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .as("the code of %s through UTF-8", PythonText.literal(network.name())).isEqualTo(code);
            String[] lines = code.split("\n", -1);
            assertThat(PythonLiterals.value(lines[0].substring(3)))
                    .as("value of the module's first docstring line").isEqualTo(network.name()
                            + " as a PyTorch module, written by ResNet Explorer.");
            Set<String> names = new HashSet<>();
            network.nodes().forEach(n -> names.add(n.name()));
            network.blocks().forEach(b -> names.add(b.name()));
            Set<String> classes = new HashSet<>();
            for (String line : lines) {
                if (line.startsWith("class ")) {
                    classes.add(line.substring("class ".length(), line.indexOf('(')));
                }
            }
            boolean docstringNext = false;
            for (String line : lines) {
                if (docstringNext) {
                    assertThat(line).startsWith("    \"\"\"").endsWith("\"\"\"");
                    PythonLiterals.value(line.substring(7, line.length() - 3));
                    docstringNext = false;
                }
                if (line.startsWith("class ")) {
                    docstringNext = true;
                    if (line.equals("class Net(nn.Module):")) {
                        int at = code.indexOf(line) + line.length() + 1;
                        String docstring = code.substring(at, code.indexOf('\n', at));
                        assertThat(PythonLiterals.value(docstring.substring(7, docstring.length() - 3)))
                                .isEqualTo(PythonText.spellLoneSurrogates(network.name()) + ": "
                                        + network.nodes().size() + " nodes, "
                                        + network.blocks().size() + " residual blocks.");
                    }
                }
                if (line.startsWith("        ") && !line.matches(" {8}(return .*|pass|super\\(\\)\\.__init__\\(\\))")) {
                    assertAssignment(line, names, classes);
                }
            }
        }
    }

    /**
     * An assignment in a class is ASCII code to an unreserved identifier (or pad_shortcut's own x), with at
     * most a comment whose literal is the name of a node (within its block) or block of the graph.
     */
    private static void assertAssignment(String line, Set<String> names, Set<String> classes) {
        Matcher assignment = ASSIGNMENT.matcher(line);
        assertThat(assignment.matches()).as("a line of code with text other than ASCII or a comment: %s", line).isTrue();
        String identifier = assignment.group(1);
        assertThat(PythonNamesTest.reserved(identifier, classes) && !identifier.equals("x"))
                .as("reserved identifier %s in %s", identifier, line).isFalse();
        if (assignment.group(2) != null) {
            String name = PythonLiterals.value(assignment.group(2));
            assertThat(names.stream().anyMatch(n -> n.equals(name) || n.endsWith("." + name)))
                    .as("the comment's name %s is a node or block of the graph", name).isTrue();
        }
    }

    @Test
    @DisplayName("under PyTorch, hostile names give modules that import without side effects, build and match the graph")
    void runsUnderPyTorch(@TempDir Path folder) throws IOException, InterruptedException {
        String python = PyTorchExportTest.pythonWithTorch();
        Assumptions.assumeTrue(python != null, () -> {
            String message = "SKIPPED: exports of hostile names not checked under PyTorch: no python3 with torch here"
                    + " (install Debian's python3-torch)";
            System.err.println(message);
            return message;
        });
        Path marker = folder.resolve("marker-code-ran");
        List<Network> networks = hostile(22, 60, marker.toString());
        Path modules = Files.createDirectory(folder.resolve("modules"));
        List<Map<String, Object>> specs = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            Network network = networks.get(i);
            // as the CLI and the window write it (GraphFiles.writeAtomically): a lone surrogate left would become '?'
            Files.write(modules.resolve("net_" + i + ".py"), PyTorchExport.code(network).getBytes(StandardCharsets.UTF_8));
            specs.add(Map.of("module", "net_" + i, "dims", Analysis.of(network).inputShape().orElseThrow().dims()));
        }
        Path specFile = folder.resolve("nets.json");
        JSON.writeValue(specFile.toFile(), specs);
        Path driver = folder.resolve("driver.py");
        Files.write(driver, List.of(
                "import contextlib, importlib, io, json, os, sys, traceback",
                "sys.dont_write_bytecode = True",
                "modules, specs, marker = sys.argv[1], sys.argv[2], sys.argv[3]",
                "sys.path.insert(0, modules)",
                "import torch",
                "torch.manual_seed(0)",
                "for spec in json.load(open(specs, encoding='utf-8')):",
                "    name = spec['module']",
                "    path = os.path.join(modules, name + '.py')",
                "    result = {'module': name}",
                "    try:",
                "        with open(path, encoding='utf-8') as f:",
                "            compile(f.read(), path, 'exec')",
                "        result['parsed'] = True",
                "        before = set(os.listdir(modules)) | set(os.listdir(os.path.dirname(marker)))",
                "        printed = io.StringIO()",
                "        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):",
                "            module = importlib.import_module(name)",
                "        result['printed'] = printed.getvalue()",
                "        after = set(os.listdir(modules)) | set(os.listdir(os.path.dirname(marker)))",
                "        result['newFiles'] = sorted(after - before)",
                "        model = module.build().eval()",
                "        with torch.no_grad():",
                "            y = model(torch.randn(2, *spec['dims']))",
                "        result['params'] = sum(p.numel() for p in model.parameters())",
                "        result['shape'] = list(y.shape)",
                "        result['moduleDoc'] = module.__doc__",
                "        result['netDoc'] = module.Net.__doc__",
                "        result['blockDocs'] = [c.__doc__ for c in vars(module).values() if isinstance(c, type)"
                        + " and issubclass(c, torch.nn.Module) and c is not module.Net and c.__module__ == name]",
                "    except BaseException:",
                "        result['error'] = traceback.format_exc()",
                "    print(json.dumps(result), flush=True)"), StandardCharsets.UTF_8);
        Path errors = folder.resolve("stderr.txt");
        Process process = new ProcessBuilder(python, driver.toString(), modules.toString(), specFile.toString(),
                marker.toString()).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("python finished in 5 minutes").isTrue();
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("python exit code; output:%n%s%nstderr:%n%s", output, stderr).isZero();

        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            assertThat(line).as("a line python printed besides the results (stderr:%n%s)", stderr).startsWith("{");
            JsonNode result = JSON.readTree(line);
            results.put(result.get("module").asText(), result);
        }
        assertThat(marker).as("the marker file that code in the names tries to write").doesNotExist();
        assertThat(results).hasSize(networks.size());
        for (int i = 0; i < networks.size(); i++) {
            Network network = networks.get(i);
            Analysis analysis = Analysis.of(network);
            JsonNode result = results.get("net_" + i);
            String source = Files.readString(modules.resolve("net_" + i + ".py"), StandardCharsets.UTF_8);
            String what = "net_" + i + ".py, named " + PythonText.literal(network.name()) + ":\n" + source;
            assertThat(result.has("error")).as("%s failed in python:%n%s%nin %s", "net_" + i,
                    result.path("error").asText(), what).isFalse();
            assertThat(result.get("printed").asText()).as("what importing %s printed", what).isEmpty();
            assertThat(result.get("newFiles")).as("files importing %s created", what).isEmpty();
            assertThat(result.get("params").asLong()).as("parameters of %s", what).isEqualTo(analysis.totalParams());
            assertThat(List.of(result.get("shape").get(0).asInt(), result.get("shape").get(1).asInt()))
                    .as("output shape of %s", what).containsExactly(2, analysis.classes().orElseThrow());
            assertThat(result.get("moduleDoc").asText()).as("module docstring of %s", what)
                    .startsWith(network.name() + " as a PyTorch module, written by ResNet Explorer.\n");
            assertThat(result.get("netDoc").asText()).as("Net's docstring of %s", what)
                    .isEqualTo(PythonText.spellLoneSurrogates(network.name()) + ": "
                    + network.nodes().size() + " nodes, " + network.blocks().size() + " residual blocks.");
            List<String> docs = new ArrayList<>();
            result.get("blockDocs").forEach(d -> docs.add(d.asText()));
            for (Block block : network.blocks()) {
                String shown = PythonText.spellLoneSurrogates(block.name());
                assertThat(docs.stream().anyMatch(d -> d.contains(shown)))
                        .as("a block class docstring of %s names block %s", what, PythonText.literal(block.name()))
                        .isTrue();
            }
        }
    }
}
