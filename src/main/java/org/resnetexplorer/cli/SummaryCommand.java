package org.resnetexplorer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.graph.LayerSummary;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;

/**
 * {@code summary MODEL}: a table of layers (name, kind, output shape, parameters, multiply-adds) and the
 * totals, like the well-known model summaries; with {@code --json}, one JSON object with the same figures.
 */
final class SummaryCommand implements Command {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return "MODEL [--json] " + ModelOptions.USAGE;
    }

    @Override
    public String description() {
        return "layers, output shapes, parameters and multiply-adds of a template or graph file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Set<String> flags = new HashSet<>(ModelOptions.FLAGS);
        flags.add("--json");
        Arguments parsed = Arguments.parse(name(), args, ModelOptions.OPTIONS, flags);
        if (parsed.positional().size() != 1) {
            throw new UsageException("'summary' needs one MODEL, a template name (see 'templates') or a graph file,"
                    + (parsed.positional().isEmpty() ? " and got none" : " not " + parsed.positional().size()));
        }
        String model = parsed.positional().get(0);
        Network network = Models.resolve(model, ModelOptions.from(parsed));
        Analysis analysis = Models.requireValid(model, network);
        for (Problem warning : analysis.problems()) {
            err.println("warning: " + warning.message());
        }
        if (parsed.flag("--json")) {
            out.println(json(model, analysis));
        } else {
            printTable(model, analysis, out);
        }
        return 0;
    }

    private static String json(String model, Analysis analysis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ArrayNode input = root.putArray("input");
        analysis.inputShape().map(Shape::dims).orElse(List.of()).forEach(input::add);
        root.put("totalParams", analysis.totalParams());
        root.put("totalMacs", analysis.totalMacs());
        ArrayNode layers = root.putArray("layers");
        for (LayerSummary row : analysis.summary()) {
            ObjectNode layer = layers.addObject();
            layer.put("name", row.name());
            layer.put("kind", row.kind());
            ArrayNode shape = layer.putArray("outputShape");
            row.shape().map(Shape::dims).orElse(List.of()).forEach(shape::add);
            layer.put("params", row.params());
            layer.put("macs", row.macs());
        }
        return root.toString();
    }

    private static void printTable(String model, Analysis analysis, PrintStream out) {
        List<LayerSummary> rows = analysis.summary();
        int nameWidth = Math.max("Layer".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        int kindWidth = Math.max("Kind".length(), rows.stream().mapToInt(r -> r.kind().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %-" + kindWidth + "s  %-13s  %12s  %15s%n";
        out.println(model + ": input " + analysis.inputShape().map(Shape::toString).orElse("?") + ", "
                + analysis.classes().map(k -> k + " classes").orElse("no output") + ", "
                + analysis.network().blocks().size() + " blocks ("
                + analysis.network().blocks().stream().filter(b -> analysis.network().hasShortcut(b.name())).count()
                + " with shortcut)");
        String header = String.format(format, "Layer", "Kind", "Output shape", "Params", "Mult-adds");
        String rule = "-".repeat(header.length() - 1);
        out.println(rule);
        out.print(header);
        out.println(rule);
        for (LayerSummary row : rows) {
            out.printf(format, row.name(), row.kind(), row.shape().map(Shape::toString).orElse("?"),
                    Counts.grouped(row.params()), Counts.grouped(row.macs()));
        }
        out.println(rule);
        out.println("Total params:    " + Counts.grouped(analysis.totalParams()) + " (" + Counts.abbreviated(analysis.totalParams()) + ")");
        out.println("Total mult-adds: " + Counts.grouped(analysis.totalMacs()) + " (" + Counts.abbreviated(analysis.totalMacs())
                + ") per example");
    }
}
