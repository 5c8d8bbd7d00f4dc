package org.resnetexplorer.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.resnetexplorer.i18n.Texts;

/**
 * What can be known about a network without running it: its problems (validation), the shape every node
 * outputs, and the parameters and multiply-adds of each node and in total.
 *
 * <p>Nodes are visited in network order: a topological order that keeps, among the nodes ready at each
 * step, the order they were added in. A node whose inputs are unknown (open, or after a problem) gets no
 * shape and no counts, and causes no further message: each problem is reported once, where it is.
 */
public final class Analysis {
    /** The problem of a wire that closes a cycle (format: the cycle's nodes). */
    public static final String CYCLE = Texts.get("analysis.cycle");
    /** The problem of an input port with no wire (format: the node, which input). */
    public static final String UNCONNECTED = Texts.get("analysis.unconnected");
    static final String NO_INPUT = Texts.get("analysis.no.input");
    static final String NO_OUTPUT = Texts.get("analysis.no.output");
    static final String TOO_MANY = Texts.get("analysis.too.many");
    static final String ITS_INPUT = Texts.get("analysis.its.input");
    static final String ITS_PORT_INPUT = Texts.get("analysis.its.port.input");
    static final String FEEDS_NOTHING = Texts.get("analysis.feeds.nothing");
    static final String SHAPE_PROBLEM = Texts.get("analysis.shape.problem");
    static final String TOO_MANY_TO_COUNT = Texts.get("analysis.too.many.to.count");

    /** True if {@code message} was made from {@code format} (one of the formats above), in either language. */
    public static boolean isA(String format, String message) {
        StringBuilder regex = new StringBuilder();
        for (String part : format.split("%[sd]", -1)) {
            regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(message).matches();
    }

    private final Network network;
    private final List<String> order;
    private final Map<String, Facts> facts = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long totalParams;
    private long totalMacs;

    /** The shapes a node receives and outputs and what it costs. */
    public record Facts(List<Shape> inputs, Shape output, long params, long macs) {
    }

    private Analysis(Network network) {
        this.network = network;
        checkEnds(Input.class, "Input", NO_INPUT);
        checkEnds(Output.class, "Output", NO_OUTPUT);
        checkOpenPorts();
        this.order = sortTopologically();
        inferShapes();
        checkUnusedOutputs();
    }

    /** Validates the network and infers its shapes and counts. */
    public static Analysis of(Network network) {
        return new Analysis(network);
    }

    public Network network() {
        return network;
    }

    /** Every problem, errors and warnings, in the order found. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** True when nothing keeps the network from training (warnings allowed). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** Node names in network order (nodes inside a cycle come last, in the order they were added). */
    public List<String> order() {
        return order;
    }

    public Optional<Facts> facts(String node) {
        return Optional.ofNullable(facts.get(node));
    }

    public Optional<Shape> outputShape(String node) {
        return facts(node).map(Facts::output);
    }

    public long params(String node) {
        return facts(node).map(Facts::params).orElse(0L);
    }

    public long macs(String node) {
        return facts(node).map(Facts::macs).orElse(0L);
    }

    /**
     * Trainable parameters of every node whose shapes are known; exact, since a node that would take the total past
     * {@code Long.MAX_VALUE} is a problem and gets no counts.
     */
    public long totalParams() {
        return totalParams;
    }

    /** Multiply-adds of one forward pass of one example, over every node whose shapes are known; exact. */
    public long totalMacs() {
        return totalMacs;
    }

    /** One row per node, in network order: what a model summary table shows. */
    public List<LayerSummary> summary() {
        return order.stream().map(name -> {
            Facts f = facts.get(name);
            String kind = network.requireNode(name).layer().label();
            return f == null ? new LayerSummary(name, kind, null, 0, 0)
                    : new LayerSummary(name, kind, f.output(), f.params(), f.macs());
        }).toList();
    }

    /** The number of classes of the network's single Output, if it has exactly one. */
    public Optional<Integer> classes() {
        List<Output> outputs = network.nodes().stream().map(Node::layer).filter(Output.class::isInstance)
                .map(Output.class::cast).toList();
        return outputs.size() == 1 ? Optional.of(outputs.get(0).classes()) : Optional.empty();
    }

    /** The shape of the network's single Input, if it has exactly one. */
    public Optional<Shape> inputShape() {
        List<Input> inputs = network.nodes().stream().map(Node::layer).filter(Input.class::isInstance)
                .map(Input.class::cast).toList();
        return inputs.size() == 1 ? Optional.of(inputs.get(0).shape()) : Optional.empty();
    }

    private void error(String node, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, node, message));
    }

    /** {@code "Add 'block3.add'"}: how messages name a node. */
    static String describe(Node node) {
        return node.layer().label() + " '" + node.name() + "'";
    }

    private void checkEnds(Class<? extends LayerSpec> kind, String kindName, String missing) {
        List<String> found = network.nodes().stream().filter(n -> kind.isInstance(n.layer())).map(Node::name).toList();
        if (found.isEmpty()) {
            error(null, missing);
        }
        for (String extra : found.subList(Math.min(1, found.size()), found.size())) {
            error(extra, String.format(TOO_MANY, found.size(), kindName, quoted(found), extra));
        }
    }

    private void checkOpenPorts() {
        for (Node node : network.nodes()) {
            List<String> ports = node.layer().inputPorts();
            for (String port : ports) {
                if (network.source(node.name(), port).isEmpty()) {
                    String which = ports.size() == 1 ? ITS_INPUT : String.format(ITS_PORT_INPUT, port);
                    error(node.name(), String.format(UNCONNECTED, describe(node), which));
                }
            }
        }
    }

    private List<String> sortTopologically() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> waiting = new HashMap<>();
        for (Node node : network.nodes()) {
            index.put(node.name(), index.size());
            waiting.put(node.name(), 0);
        }
        for (Wire wire : network.wires()) {
            waiting.merge(wire.to(), 1, Integer::sum);
        }
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> Integer.compare(index.get(a), index.get(b)));
        waiting.forEach((name, count) -> {
            if (count == 0) {
                ready.add(name);
            }
        });
        List<String> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.poll();
            sorted.add(next);
            for (Wire wire : network.consumers(next)) {
                if (waiting.merge(wire.to(), -1, Integer::sum) == 0) {
                    ready.add(wire.to());
                }
            }
        }
        if (sorted.size() < network.nodes().size()) {
            List<String> stuck = network.nodes().stream().map(Node::name).filter(n -> !sorted.contains(n)).toList();
            reportCycle(stuck);
            sorted.addAll(stuck);
        }
        return List.copyOf(sorted);
    }

    /** Walks backwards through the stuck nodes until a node repeats: the nodes between form a cycle. */
    private void reportCycle(List<String> stuck) {
        List<String> path = new ArrayList<>();
        String current = stuck.get(0);
        while (!path.contains(current)) {
            path.add(current);
            String here = current;
            current = network.requireNode(here).layer().inputPorts().stream()
                    .map(port -> network.source(here, port).orElse(null))
                    .filter(s -> s != null && stuck.contains(s)).findFirst().orElseThrow();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        Collections.reverse(cycle);
        cycle.add(cycle.get(0));
        error(cycle.get(0), String.format(CYCLE,
                cycle.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" -> "))));
    }

    private void inferShapes() {
        for (String name : order) {
            Node node = network.requireNode(name);
            List<Shape> inputs = new ArrayList<>();
            for (String port : node.layer().inputPorts()) {
                Facts source = network.source(name, port).map(facts::get).orElse(null);
                if (source == null) {
                    break;
                }
                inputs.add(source.output());
            }
            if (inputs.size() < node.layer().inputPorts().size()) {
                continue;
            }
            Shape output;
            try {
                output = node.layer().outputShape(inputs);
            } catch (ShapeException e) {
                error(name, String.format(SHAPE_PROBLEM, describe(node), e.getMessage()));
                continue;
            }
            try {
                long params = node.layer().params(inputs);
                long macs = node.layer().macs(inputs, output);
                long nextParams = Math.addExact(totalParams, params);
                long nextMacs = Math.addExact(totalMacs, macs);
                facts.put(name, new Facts(List.copyOf(inputs), output, params, macs));
                totalParams = nextParams;
                totalMacs = nextMacs;
            } catch (ArithmeticException e) {
                // the counts would wrap around: the node is refused like one whose shapes do not fit
                error(name, String.format(TOO_MANY_TO_COUNT, describe(node), Counts.grouped(Long.MAX_VALUE)));
            }
        }
    }

    private void checkUnusedOutputs() {
        for (Node node : network.nodes()) {
            if (!(node.layer() instanceof Output) && network.consumers(node.name()).isEmpty()) {
                problems.add(new Problem(Problem.Severity.WARNING, node.name(), String.format(FEEDS_NOTHING,
                        describe(node))));
            }
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
