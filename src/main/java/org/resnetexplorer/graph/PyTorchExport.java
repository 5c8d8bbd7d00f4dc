package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.resnetexplorer.i18n.Texts;

/**
 * Writes a network as a self-contained, readable PyTorch module: one {@code nn.Module} class per distinct
 * residual block (blocks of the same structure share it), a {@code Net} class whose {@code forward} follows
 * the graph node by node with the graph's names, and a module-level {@code build()} that returns the model.
 * Shortcuts are written as the graph has them: option A as subsampling plus zero channels appended (no
 * parameters), projections as a 1x1 convolution (or a linear map) without bias followed by BatchNorm. The
 * generated model has the parameter count {@link Analysis#totalParams()} reports and the output shape the
 * graph infers (PyTorch counts BatchNorm's running statistics as buffers, not parameters, as the graph does).
 */
public final class PyTorchExport {
    private static final String INDENT = "    ";

    private final Network network;
    private final Analysis analysis;
    /** The trained values build() loads, or null for a model initialised by PyTorch's defaults. */
    private final TrainedValues trained;
    private final StringBuilder out = new StringBuilder();
    /** Each node's module as Net's state_dict names it ("block1.conv1"), for the trained values' keys. */
    private final Map<String, String> modulePaths = new HashMap<>();
    /** Per block class, the attribute of each member (by its name within the block) that has a module. */
    private final Map<String, Map<String, String>> memberAttributes = new HashMap<>();

    private PyTorchExport(Network network, TrainedValues trained) {
        this.network = network;
        this.analysis = Analysis.of(network);
        this.trained = trained;
    }

    /**
     * The Python source of {@code network} as a PyTorch module.
     *
     * @throws IllegalArgumentException if the graph is not valid (its first problem, naming the node)
     */
    public static String code(Network network) {
        return checked(new PyTorchExport(network, null)).write(true);
    }

    /**
     * The Python source of {@code network} as a PyTorch module whose build() loads these trained values, the
     * BatchNorm running statistics included ({@link PyTorchWeights} says how they are embedded).
     *
     * @throws IllegalArgumentException if the graph is not valid, or a value belongs to no module of the export
     */
    public static String code(Network network, TrainedValues trained) {
        return checked(new PyTorchExport(network, Objects.requireNonNull(trained, "trained"))).write(true);
    }

    /**
     * {@link #code(Network, TrainedValues)} without its closing {@code if __name__ == "__main__":} demonstration, for
     * a file that goes on with a main of its own (the training script of {@code export-pytorch --train}).
     */
    public static String module(Network network, TrainedValues values) {
        return checked(new PyTorchExport(network, Objects.requireNonNull(values, "values"))).write(false);
    }

    private static PyTorchExport checked(PyTorchExport export) {
        List<Problem> errors = export.analysis.errors();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(Texts.format("pyTorchExport.not.yet", export.network.name(),
                    errors.get(0).message()));
        }
        return export;
    }

    /**
     * A residual block written as a class: its members, its one input and its one output. Blocks of equal
     * {@code signature} (kind, input shape, and each member's name within the block, layer and sources) share
     * a class; a list, not a string, so that no name can make two different blocks look alike.
     */
    private record BlockPlan(Block block, String input, String output, List<Object> signature) {
    }

    /** @param demo whether the module ends with a main that builds the model and prints it */
    private String write(boolean demo) {
        List<String> order = analysis.order();
        String inputNode = order.stream().filter(n -> network.requireNode(n).layer() instanceof Input).findFirst()
                .orElseThrow();
        String outputNode = order.stream().filter(n -> network.requireNode(n).layer() instanceof Output).findFirst()
                .orElseThrow();
        String logits = network.source(outputNode, network.requireNode(outputNode).layer().inputPorts().get(0))
                .orElseThrow();

        Map<String, BlockPlan> blockOf = new HashMap<>();
        Map<List<Object>, String> classOfSignature = new LinkedHashMap<>();
        Map<String, List<String>> usersOfClass = new LinkedHashMap<>();
        Map<String, BlockPlan> classExample = new LinkedHashMap<>();
        for (Block block : network.blocks()) {
            BlockPlan plan = plan(block, logits);
            if (plan == null) {
                continue; // not one input and one output: its layers are written inline in Net
            }
            for (String member : block.members()) {
                blockOf.put(member, plan);
            }
            String className = classOfSignature.computeIfAbsent(plan.signature(), s -> className(block, hasAdd(block), classOfSignature));
            usersOfClass.computeIfAbsent(className, k -> new ArrayList<>()).add(block.name());
            classExample.putIfAbsent(className, plan);
        }

        Shape input = analysis.outputShape(inputNode).orElseThrow();
        docstring(0, network.name() + " as a PyTorch module, written by ResNet Explorer.", "",
                "Input: a batch of " + describe(input) + "; output: " + analysis.classes().orElse(0)
                        + " class scores (logits).",
                "Parameters: " + String.format(Locale.ROOT, "%,d", analysis.totalParams()) + " (as the graph counts them).",
                "", "    model = build()", "    logits = model(torch.randn(8, " + dims(input) + "))", "");
        if (trained != null) {
            line(0, "import base64");
            line(0, "import numpy");
        }
        line(0, "import torch");
        line(0, "import torch.nn as nn");
        line(0, "import torch.nn.functional as F");
        boolean padding = order.stream().anyMatch(n -> network.requireNode(n).layer() instanceof Shortcut s
                && !s.projects(analysis.facts(n).orElseThrow().inputs().get(0))
                && (s.stride() != 1 || LayerSpec.features(analysis.facts(n).orElseThrow().inputs().get(0)) != s.filters()));
        if (padding) {
            writePadShortcut();
        }
        Set<String> classNames = classExample.keySet();
        for (Map.Entry<String, BlockPlan> entry : classExample.entrySet()) {
            writeBlockClass(entry.getKey(), entry.getValue(), usersOfClass.get(entry.getKey()), classNames);
        }

        line(0, "");
        line(0, "");
        line(0, "class Net(nn.Module):");
        classDocstring(network.name() + ": " + order.size() + " nodes, " + network.blocks().size() + " residual blocks.");
        line(0, "");
        line(1, "def __init__(self):");
        line(2, "super().__init__()");
        PythonNames names = new PythonNames(classNames);
        Set<BlockPlan> declared = new HashSet<>();
        for (String node : order) {
            BlockPlan plan = blockOf.get(node);
            if (plan != null) {
                if (declared.add(plan)) {
                    String block = plan.block().name();
                    String className = classOfSignature.get(plan.signature());
                    line(2, "self." + names.identifier(block) + " = " + className + "()" + origin("block", block, names));
                    for (String member : plan.block().members()) {
                        String attribute = memberAttributes.get(className).get(relative(plan.block(), member));
                        if (attribute != null) {
                            modulePaths.put(member, names.identifier(block) + "." + attribute);
                        }
                    }
                }
                continue;
            }
            module(node).ifPresent(m -> {
                line(2, "self." + names.identifier(node) + " = " + m + origin("node", node, names));
                modulePaths.put(node, names.identifier(node));
            });
        }
        line(0, "");
        line(1, "def forward(self, x):");
        Map<String, String> variables = new HashMap<>();
        variables.put(inputNode, "x");
        Set<BlockPlan> called = new HashSet<>();
        for (String node : order) {
            LayerSpec layer = network.requireNode(node).layer();
            if (layer instanceof Input || layer instanceof Output) {
                continue;
            }
            BlockPlan plan = blockOf.get(node);
            if (plan != null) {
                if (called.add(plan)) {
                    String block = plan.block().name();
                    String variable = names.identifier(block);
                    line(2, variable + " = self." + variable + "(" + variables.get(plan.input()) + ")"
                            + origin("block", block, names));
                    variables.put(plan.output(), variable);
                }
                continue;
            }
            String variable = names.identifier(node);
            line(2, variable + " = " + call(node, "self." + variable, variables) + origin("node", node, names));
            variables.put(node, variable);
        }
        line(2, "return " + variables.get(logits));
        line(0, "");
        line(0, "");
        if (trained == null) {
            line(0, "def build():");
            docstring(1, "The model, freshly initialised by the defaults of PyTorch.");
            line(1, "return Net()");
        } else {
            out.append(new PyTorchWeights(trained, modulePaths, network).code());
        }
        if (!demo) {
            return out.toString();
        }
        line(0, "");
        line(0, "");
        line(0, "if __name__ == \"__main__\":");
        line(1, "model = build()");
        line(1, "print(model)");
        line(1, "print(\"parameters:\", sum(p.numel() for p in model.parameters()))");
        line(1, "print(\"output shape:\", tuple(model.eval()(torch.randn(2, " + dims(input) + ")).shape))");
        return out.toString();
    }

    private void writePadShortcut() {
        line(0, "");
        line(0, "");
        line(0, "def pad_shortcut(x, channels, stride):");
        docstring(1, "Option A shortcut: every stride-th value, then zero channels (features) appended up to channels.");
        line(1, "if x.dim() == 4 and stride > 1:");
        line(2, "x = x[:, :, ::stride, ::stride]");
        line(1, "extra = channels - x.shape[1]");
        line(1, "if extra > 0:");
        line(2, "x = F.pad(x, (0, 0, 0, 0, 0, extra) if x.dim() == 4 else (0, extra))");
        line(1, "return x");
    }

    /** The block as a class, or null when it has more than one input or output (written inline then). */
    private BlockPlan plan(Block block, String logits) {
        Set<String> members = new LinkedHashSet<>(block.members());
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>();
        for (Wire wire : network.wires()) {
            if (members.contains(wire.to()) && !members.contains(wire.from())) {
                inputs.add(wire.from());
            }
            if (members.contains(wire.from()) && !members.contains(wire.to())) {
                outputs.add(wire.from());
            }
        }
        if (members.contains(logits)) {
            outputs.add(logits);
        }
        if (inputs.size() != 1 || outputs.size() != 1) {
            return null;
        }
        String input = inputs.iterator().next();
        List<Object> signature = new ArrayList<>(List.of(block.kind(), analysis.outputShape(input).orElseThrow()));
        for (String member : analysis.order()) {
            if (!members.contains(member)) {
                continue;
            }
            LayerSpec layer = network.requireNode(member).layer();
            List<Object> sources = new ArrayList<>();
            for (String port : layer.inputPorts()) {
                String from = network.source(member, port).orElseThrow();
                // the block's input is the class's x, whatever its name; an inner source by its name in the block
                sources.add(List.of(port, from.equals(input) ? List.of() : List.of(relative(block, from))));
            }
            signature.add(List.of(relative(block, member), layer, sources));
        }
        return new BlockPlan(block, input, outputs.iterator().next(), List.copyOf(signature));
    }

    private static String className(Block block, boolean residual, Map<?, String> taken) {
        String base = switch (block.kind()) {
            case BASIC -> "BasicBlock";
            case BOTTLENECK -> "Bottleneck";
            case PREACT -> "PreActBlock";
            case CUSTOM -> "ResidualBlock";
        };
        if (!residual) {
            base = "Plain" + base.replace("ResidualBlock", "Block");
        }
        int count = 0;
        for (String name : taken.values()) {
            if (name.equals(base) || name.startsWith(base) && name.substring(base.length()).matches("\\d+")) {
                count++;
            }
        }
        return count == 0 ? base : base + (count + 1);
    }

    private boolean hasAdd(Block block) {
        return block.members().stream().anyMatch(m -> network.requireNode(m).layer() instanceof Add);
    }

    private void writeBlockClass(String className, BlockPlan plan, List<String> users, Set<String> classNames) {
        Block block = plan.block();
        Set<String> members = new LinkedHashSet<>(block.members());
        List<String> order = analysis.order().stream().filter(members::contains).toList();
        Shape in = analysis.outputShape(plan.input()).orElseThrow();
        Shape outShape = analysis.outputShape(plan.output()).orElseThrow();
        boolean residual = hasAdd(block);
        line(0, "");
        line(0, "");
        line(0, "class " + className + "(nn.Module):");
        classDocstring((residual ? "Residual " : "Plain (shortcut off) ") + block.kind().name().toLowerCase(Locale.ROOT)
                + " block, " + describe(in) + " -> " + describe(outShape) + "; used by " + String.join(", ", users) + ".");
        line(0, "");
        line(1, "def __init__(self):");
        line(2, "super().__init__()");
        PythonNames names = new PythonNames(classNames);
        Map<String, String> attributes = new HashMap<>();
        for (String member : order) {
            String relative = relative(block, member);
            var module = module(member);
            if (module.isPresent()) {
                line(2, "self." + names.identifier(relative) + " = " + module.get() + origin("node", relative, names));
                attributes.put(relative, names.identifier(relative));
            }
        }
        memberAttributes.put(className, attributes);
        boolean any = !attributes.isEmpty();
        if (!any) {
            line(2, "pass");
        }
        line(0, "");
        line(1, "def forward(self, x):");
        Map<String, String> variables = new HashMap<>();
        variables.put(plan.input(), "x");
        for (String member : order) {
            String relative = relative(block, member);
            String variable = names.identifier(relative);
            line(2, variable + " = " + call(member, "self." + variable, variables) + origin("node", relative, names));
            variables.put(member, variable);
        }
        line(2, "return " + variables.get(plan.output()));
    }

    /** The constructor of the node's module, if it has one (Add, option A shortcuts and pass-throughs have none). */
    private Optional<String> module(String node) {
        LayerSpec layer = network.requireNode(node).layer();
        Shape in = analysis.facts(node).map(f -> f.inputs().isEmpty() ? null : f.inputs().get(0)).orElse(null);
        String module = null;
        if (layer instanceof Dense d) {
            module = "nn.Linear(" + in.elementCount() + ", " + d.units() + (d.bias() ? "" : ", bias=False") + ")";
        } else if (layer instanceof Conv2D c) {
            module = "nn.Conv2d(" + LayerSpec.features(in) + ", " + c.filters() + ", kernel_size=" + c.kernel() + ", stride="
                    + c.stride() + ", padding=" + c.padding() + (c.bias() ? "" : ", bias=False") + ")";
        } else if (layer instanceof BatchNorm b) {
            module = batchNorm(in, LayerSpec.features(in), b.epsilon(), b.momentum());
        } else if (layer instanceof Activation a) {
            module = switch (a.function()) {
                case RELU -> "nn.ReLU()";
                case TANH -> "nn.Tanh()";
                case SIGMOID -> "nn.Sigmoid()";
                case IDENTITY -> "nn.Identity()";
            };
        } else if (layer instanceof MaxPool p) {
            module = "nn.MaxPool2d(kernel_size=" + p.kernel() + ", stride=" + p.stride() + ", padding=" + p.padding() + ")";
        } else if (layer instanceof AvgPool p) {
            module = "nn.AvgPool2d(kernel_size=" + p.kernel() + ", stride=" + p.stride() + ", padding=" + p.padding() + ")";
        } else if (layer instanceof GlobalAvgPool) {
            module = "nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())";
        } else if (layer instanceof Flatten) {
            module = "nn.Flatten()";
        } else if (layer instanceof Dropout d) {
            module = "nn.Dropout(p=" + number(d.rate()) + ")";
        } else if (layer instanceof Shortcut s && s.projects(in)) {
            String norm = batchNorm(in, s.filters(), BatchNorm.DEFAULT_EPSILON, BatchNorm.DEFAULT_MOMENTUM);
            module = in instanceof Shape.Image
                    ? "nn.Sequential(nn.Conv2d(" + LayerSpec.features(in) + ", " + s.filters() + ", kernel_size=1, stride="
                            + s.stride() + ", bias=False), " + norm + ")"
                    : "nn.Sequential(nn.Linear(" + LayerSpec.features(in) + ", " + s.filters() + ", bias=False), " + norm + ")";
        }
        return Optional.ofNullable(module);
    }

    private static String batchNorm(Shape in, int features, double epsilon, double momentum) {
        return (in instanceof Shape.Image ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(") + features + ", eps=" + number(epsilon)
                + ", momentum=" + number(momentum) + ")";
    }

    /** The expression computing a node from its inputs' variables. */
    private String call(String node, String self, Map<String, String> variables) {
        LayerSpec layer = network.requireNode(node).layer();
        List<String> args = new ArrayList<>();
        for (String port : layer.inputPorts()) {
            args.add(variables.get(network.source(node, port).orElseThrow()));
        }
        if (layer instanceof Add) {
            return args.get(0) + " + " + args.get(1);
        }
        if (layer instanceof Shortcut s) {
            Shape in = analysis.facts(node).orElseThrow().inputs().get(0);
            if (!s.projects(in)) {
                return s.stride() == 1 && LayerSpec.features(in) == s.filters() ? args.get(0)
                        : "pad_shortcut(" + args.get(0) + ", " + s.filters() + ", " + s.stride() + ")";
            }
        }
        return self + "(" + String.join(", ", args) + ")";
    }

    /**
     * A member's name within its block: without the block's name and a dot when every member starts with them
     * (the templates' "block1.conv1" is "conv1"), else its full name; either way distinct within the block.
     */
    private static String relative(Block block, String member) {
        String prefix = block.name() + ".";
        return block.members().stream().allMatch(m -> m.startsWith(prefix)) ? member.substring(prefix.length()) : member;
    }

    private static String describe(Shape shape) {
        return shape instanceof Shape.Image image
                ? image.channels() + "x" + image.height() + "x" + image.width() + " images"
                : ((Shape.Flat) shape).size() + "-feature vectors";
    }

    private static String dims(Shape shape) {
        return String.join(", ", shape.dims().stream().map(String::valueOf).toList());
    }

    private static String number(double value) {
        return Double.toString(value).replace('E', 'e');
    }

    private void line(int level, String text) {
        out.append(INDENT.repeat(level)).append(text).append('\n');
    }

    /**
     * A docstring of these lines, each escaped ({@link PythonText#escape}): names from the graph are written
     * here, and escaping the whole line leaves no way to write one unescaped. One line gives a one-line
     * docstring; more are written one under the other, the closing quotes after the last.
     */
    private void docstring(int level, String... lines) {
        String quotes = "\"\"\"";
        for (int i = 0; i < lines.length; i++) {
            String text = (i == 0 ? quotes : "") + PythonText.escape(lines[i]) + (i == lines.length - 1 ? quotes : "");
            line(text.isEmpty() ? 0 : level, text);
        }
    }

    /** A class's docstring, escaped, with lone surrogates spelled out ({@link PythonText#spellLoneSurrogates}). */
    private void classDocstring(String text) {
        docstring(1, PythonText.spellLoneSurrogates(text));
    }

    /**
     * A comment naming the node or block of a line, as a Python string literal (escaped, so no line break can
     * end the comment early), when its identifier is not its name; nothing when it is.
     */
    private static String origin(String what, String name, PythonNames names) {
        return names.identifier(name).equals(name) ? "" : "  # " + what + " " + PythonText.literal(name);
    }
}
