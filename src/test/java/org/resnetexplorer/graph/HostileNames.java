package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates names a careless or hostile graph file could hold, from a seeded {@link Random}: quotes and triple
 * quotes, backslashes, line breaks of every kind and other control and format characters, Python keywords,
 * builtins and {@code nn.Module} attributes, dunders, the export's own names, path pieces, code that tries to
 * run when the exported module is imported, non-BMP characters, lone surrogates, whitespace that looks empty,
 * and very long names; mostly a few of these run together. {@link #renamed} gives a network every node and
 * block, and the network itself, such a name.
 */
final class HostileNames {
    private final Random random;
    private final List<String> pieces = new ArrayList<>();

    /** Names drawn with that seed; {@code marker} is the file the code in some names tries to write. */
    HostileNames(long seed, String marker) {
        this.random = new Random(seed);
        pieces.addAll(List.of("\"", "'", "\"\"\"", "'''", "\\", "\\\"\"\"", "\"\"\"\\", "\\N{BULLET}", "\\x41", "{0}", "%s",
                "\n", "\r", "\r\n", "\t", "\f", "\u000B", "\u0000", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029",
                "\u200B", "\u200E", "\u202E", "\uFEFF", "\u00AD", "\uDB40\uDC01", "\uE000", "\uFFFE",
                " ", "  ", "\u00A0", "\u3000", "\u2007", "\u202F", "\u1680",
                "..", ".", "/", "../..", "a/b", "C:\\temp", "~",
                "__class__", "__init__", "__dict__", "__call__", "__getattr__", "__import__", "_modules", "_parameters",
                "_", "__", "_x",
                "torch", "nn", "F", "x", "self", "pad_shortcut", "build", "Net", "model", "BasicBlock", "Bottleneck",
                "PreActBlock", "PlainBasicBlock", "ResidualBlock",
                "\uD83D\uDE00", "\uD840\uDC00", "\uD835\uDD18", "残差块", "卷积", "é", "e\u0301", "Ω",
                "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
                "conv", "bn", "relu", "1", "9x", "0", "-", "=", "+", "@", ",", ";", "#", "a b", "x.y"));
        pieces.addAll(List.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
                "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
                "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
                "match", "case", "type"));
        pieces.addAll(List.of("print", "sum", "len", "eval", "exec", "open", "input", "super", "object", "id", "list",
                "dict", "range", "compile", "globals", "__build_class__", "Exception", "NotImplemented", "Ellipsis"));
        pieces.addAll(List.of("eval", "parameters", "forward", "training", "train", "to", "float", "half", "cuda", "cpu",
                "modules", "children", "apply", "state_dict", "zero_grad", "add_module", "register_buffer",
                "requires_grad_", "T_destination", "dump_patches", "extra_repr"));
        pieces.addAll(List.of(
                "\"\"\"\nopen(" + q(marker) + ", 'w').write('ran')\n\"\"\"",
                "\"\"\" + open(" + q(marker) + ", 'w').write('ran') + \"\"\"",
                "\\\"\"\"; __import__('os').system('touch ' + " + q(marker) + ") #",
                "\n__import__('os').system('touch ' + " + q(marker) + ")\n",
                "\r__import__('os').system('touch ' + " + q(marker) + ")\r",
                "\u2028open(" + q(marker) + ", 'w')\u2029",
                "\"); print('printed on import'); (\"",
                "''' + print('printed on import') + '''",
                "{__import__('os').system('touch ' + " + q(marker) + ")}",
                "\nprint('printed on import')\n"));
    }

    private static String q(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** One name: a single piece (a keyword, a builtin, ...) or several run together; never blank. */
    String name() {
        while (true) {
            StringBuilder name = new StringBuilder();
            int roll = random.nextInt(100);
            if (roll < 2) {
                name.append(longName());
            } else if (roll < 40) {
                name.append(piece());
            } else if (roll < 50) {
                name.append(randomCodeUnits(1 + random.nextInt(8)));
            } else {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    name.append(piece());
                }
            }
            if (!name.toString().isBlank()) {
                return name.toString();
            }
        }
    }

    /** About 10,000 characters, of one piece repeated or of random code units. */
    private String longName() {
        return random.nextBoolean() ? piece().repeat(1 + 10_000 / Math.max(1, piece().length()))
                : randomCodeUnits(10_000);
    }

    private String piece() {
        return pieces.get(random.nextInt(pieces.size()));
    }

    /** Any UTF-16 code units, lone surrogates included, leaning towards ASCII and the odd ones. */
    private String randomCodeUnits(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(4);
            text.append((char) switch (kind) {
                case 0 -> random.nextInt(128);
                case 1 -> 0xD800 + random.nextInt(0x800);
                case 2 -> 0x80 + random.nextInt(0x2080);
                default -> random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    /**
     * The network with a generated name, every node and block renamed to generated names. With
     * {@code sharedMembers}, a block's nodes are named "block name" + "." + a generated name per name within
     * the block, the same in every block (so blocks of one structure still share a class); without, every node
     * gets its own name.
     */
    Network renamed(Network network, boolean sharedMembers) {
        while (true) {
            Set<String> taken = new HashSet<>();
            Map<String, String> blockNames = new HashMap<>();
            for (Block block : network.blocks()) {
                blockNames.put(block.name(), fresh(taken));
            }
            Map<String, String> relativeNames = new HashMap<>();
            Map<String, String> nodeNames = new HashMap<>();
            boolean clash = false;
            for (Node node : network.nodes()) {
                Block block = network.blockOf(node.name()).orElse(null);
                String prefix = block == null ? null : block.name() + ".";
                String name;
                if (sharedMembers && prefix != null && node.name().startsWith(prefix)) {
                    String relative = relativeNames.computeIfAbsent(node.name().substring(prefix.length()), r -> name());
                    name = blockNames.get(block.name()) + "." + relative;
                    clash |= !taken.add(name);
                } else {
                    name = fresh(taken);
                }
                nodeNames.put(node.name(), name);
            }
            if (clash) {
                continue; // two generated names met: draw again
            }
            List<Node> nodes = network.nodes().stream().map(n -> new Node(nodeNames.get(n.name()), n.layer())).toList();
            List<Wire> wires = network.wires().stream()
                    .map(w -> new Wire(nodeNames.get(w.from()), nodeNames.get(w.to()), w.port())).toList();
            List<Block> blocks = network.blocks().stream().map(b -> new Block(blockNames.get(b.name()), b.kind(),
                    b.shortcutOption(), nodeNames.get(b.branchEnd()), b.members().stream().map(nodeNames::get).toList()))
                    .toList();
            return new Network(name(), nodes, wires, blocks);
        }
    }

    private String fresh(Set<String> taken) {
        while (true) {
            String name = name();
            if (taken.add(name)) {
                return name;
            }
        }
    }
}
