package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final StringBuilder out = new StringBuilder();

    private PyTorchExport(Network network) {
        this.network = network;
        this.analysis = Analysis.of(network);
    }

    /**
     * The Python source of {@code network} as a PyTorch module.
     *
     * @throws IllegalArgumentException if the graph is not valid (its first problem, naming the node)
     */
    public static String code(Network network) {
        PyTorchExport export = new PyTorchExport(network);
        List<Problem> errors = export.analysis.errors();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(Texts.format("pyTorchExport.not.yet", network.name(), errors.get(0).message()));
        }
        return export.write();
    }

    /** A residual block written as a class: its members, its one input and its one output. */
    private record BlockPlan(Block block, String input, String output, String signature) {
    }

    private String write() {
        List<String> order = analysis.order();
        String inputNode = order.stream().filter(n -> network.requireNode(n).layer() instanceof Input).findFirst()
                .orElseThrow();
        String outputNode = order.stream().filter(n -> network.requireNode(n).layer() instanceof Output).findFirst()
                .orElseThrow();
        String logits = network.source(outputNode, network.requireNode(outputNode).layer().inputPorts().get(0))
                .orElseThrow();

        Map<String, BlockPlan> blockOf = new HashMap<>();
        Map<String, String> classOfSignature = new LinkedHashMap<>();
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
        line(0, "\"\"\"" + network.name() + " as a PyTorch module, written by ResNet Explorer.");
        line(0, "");
        line(0, "Input: a batch of " + describe(input) + "; output: " + analysis.classes().orElse(0)
                + " class scores (logits).");
        line(0, "Parameters: " + String.format(Locale.ROOT, "%,d", analysis.totalParams()) + " (as the graph counts them).");
        line(0, "");
        line(0, "    model = build()");
        line(0, "    logits = model(torch.randn(8, " + dims(input) + "))");
        line(0, "\"\"\"");
        line(0, "import torch");
        line(0, "import torch.nn as nn");
        line(0, "import torch.nn.functional as F");
        boolean padding = order.stream().anyMatch(n -> network.requireNode(n).layer() instanceof Shortcut s
                && !s.projects(analysis.facts(n).orElseThrow().inputs().get(0))
                && (s.stride() != 1 || LayerSpec.features(analysis.facts(n).orElseThrow().inputs().get(0)) != s.filters()));
        if (padding) {
            writePadShortcut();
        }
        for (Map.Entry<String, BlockPlan> entry : classExample.entrySet()) {
            writeBlockClass(entry.getKey(), entry.getValue(), usersOfClass.get(entry.getKey()));
        }

        line(0, "");
        line(0, "");
        line(0, "class Net(nn.Module):");
        line(1, "\"\"\"" + network.name() + ": " + order.size() + " nodes, " + network.blocks().size()
                + " residual blocks.\"\"\"");
        line(0, "");
        line(1, "def __init__(self):");
        line(2, "super().__init__()");
        Names names = new Names();
        Set<BlockPlan> declared = new HashSet<>();
        for (String node : order) {
            BlockPlan plan = blockOf.get(node);
            if (plan != null) {
                if (declared.add(plan)) {
                    String className = classOfSignature.get(plan.signature());
                    line(2, "self." + names.attribute(plan.block().name()) + " = " + className + "()");
                }
                continue;
            }
            module(node).ifPresent(m -> line(2, "self." + names.attribute(node) + " = " + m));
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
                    String variable = names.variable(plan.block().name());
                    line(2, variable + " = self." + names.attribute(plan.block().name()) + "(" + variables.get(plan.input())
                            + ")");
                    variables.put(plan.output(), variable);
                }
                continue;
            }
            String variable = names.variable(node);
            line(2, variable + " = " + call(node, "self." + names.attribute(node), variables));
            variables.put(node, variable);
        }
        line(2, "return " + variables.get(logits));
        line(0, "");
        line(0, "");
        line(0, "def build():");
        line(1, "\"\"\"The model, freshly initialised by PyTorch's defaults.\"\"\"");
        line(1, "return Net()");
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
        line(1, "\"\"\"Option A shortcut: every stride-th value, then zero channels (features) appended up to channels.\"\"\"");
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
        StringBuilder signature = new StringBuilder(block.kind() + "|" + analysis.outputShape(input).orElseThrow());
        for (String member : analysis.order()) {
            if (!members.contains(member)) {
                continue;
            }
            signature.append('|').append(relative(block, member)).append('=').append(network.requireNode(member).layer());
            for (String port : network.requireNode(member).layer().inputPorts()) {
                String from = network.source(member, port).orElseThrow();
                signature.append(',').append(port).append('<').append(from.equals(input) ? "x" : relative(block, from));
            }
        }
        return new BlockPlan(block, input, outputs.iterator().next(), signature.toString());
    }

    private static String className(Block block, boolean residual, Map<String, String> taken) {
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

    private void writeBlockClass(String className, BlockPlan plan, List<String> users) {
        Block block = plan.block();
        Set<String> members = new LinkedHashSet<>(block.members());
        List<String> order = analysis.order().stream().filter(members::contains).toList();
        Shape in = analysis.outputShape(plan.input()).orElseThrow();
        Shape outShape = analysis.outputShape(plan.output()).orElseThrow();
        boolean residual = hasAdd(block);
        line(0, "");
        line(0, "");
        line(0, "class " + className + "(nn.Module):");
        line(1, "\"\"\"" + (residual ? "Residual " : "Plain (shortcut off) ") + block.kind().name().toLowerCase(Locale.ROOT)
                + " block, " + describe(in) + " -> " + describe(outShape) + "; used by " + String.join(", ", users)
                + ".\"\"\"");
        line(0, "");
        line(1, "def __init__(self):");
        line(2, "super().__init__()");
        Names names = new Names();
        boolean any = false;
        for (String member : order) {
            String relative = relative(block, member);
            var module = module(member);
            if (module.isPresent()) {
                line(2, "self." + names.attribute(relative) + " = " + module.get());
                any = true;
            }
        }
        if (!any) {
            line(2, "pass");
        }
        line(0, "");
        line(1, "def forward(self, x):");
        Map<String, String> variables = new HashMap<>();
        variables.put(plan.input(), "x");
        for (String member : order) {
            String relative = relative(block, member);
            String variable = names.variable(relative);
            line(2, variable + " = " + call(member, "self." + names.attribute(relative), variables));
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

    private static String relative(Block block, String member) {
        String prefix = block.name() + ".";
        return member.startsWith(prefix) ? member.substring(prefix.length()) : member;
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

    /** Python identifiers from node names, unique within one class. */
    private static final class Names {
        private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
                "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
                "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
                "yield", "x", "self", "F", "nn", "torch", "training", "forward");
        private final Map<String, String> attributes = new HashMap<>();
        private final Set<String> taken = new HashSet<>();

        String attribute(String name) {
            return attributes.computeIfAbsent(name, this::fresh);
        }

        /** The forward's variable for a node: its attribute name, so the code reads as the graph does. */
        String variable(String name) {
            return attribute(name);
        }

        private String fresh(String name) {
            String base = name.replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
                base = "n_" + base;
            }
            if (RESERVED.contains(base)) {
                base = base + "_";
            }
            String candidate = base;
            for (int i = 2; !taken.add(candidate); i++) {
                candidate = base + "_" + i;
            }
            return candidate;
        }
    }
}
