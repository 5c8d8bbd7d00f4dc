package org.resnetexplorer.ui.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Problem;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.Wire;
import org.resnetexplorer.i18n.Texts;

/**
 * Whether a wire may be drawn from one layer's output into some input ports, decided on the network the wire
 * would make ({@link Analysis} of the candidate): refused when it closes a cycle or when the shapes it joins do
 * not fit, with the reason in words ("16x32x32 cannot join 32x16x16 ..."). A wire into a taken port replaces the
 * wire there. Pure logic: no JavaFX.
 */
final class Connections {
    private static final String NO_INPUT = Texts.get("graphView.no.input");
    private static final String SELF_LOOP = Texts.get("graphView.self.loop");
    private static final String CANNOT_JOIN = Texts.get("graphView.cannot.join");
    private static final String DOES_NOT_FIT = Texts.get("graphView.does.not.fit");

    /** The ports a wire would go into: one, or those of a collapsed block that read from outside it. */
    record Target(String node, String port) {
    }

    /** The outcome: the network with the wire, or why not. */
    record Result(Network network, String refusal) {
        boolean allowed() {
            return refusal == null;
        }
    }

    private Connections() {
    }

    /** The ports of a collapsed block that read from outside it (or from nothing yet): where a wire into it goes. */
    static List<Target> blockEntries(Network network, Block block) {
        List<Target> entries = new ArrayList<>();
        for (String member : block.members()) {
            for (String port : network.requireNode(member).layer().inputPorts()) {
                Optional<String> source = network.source(member, port);
                if (source.isEmpty() || !block.contains(source.get())) {
                    entries.add(new Target(member, port));
                }
            }
        }
        return entries;
    }

    static Result check(Network network, Analysis current, String from, List<Target> targets) {
        if (targets.isEmpty()) {
            return new Result(null, NO_INPUT);
        }
        Network candidate = network;
        for (Target t : targets) {
            if (t.node().equals(from)) {
                return new Result(null, SELF_LOOP);
            }
            candidate = candidate.disconnect(t.node(), t.port()).connect(new Wire(from, t.node(), t.port()));
        }
        Analysis next = Analysis.of(candidate);
        Set<String> before = new HashSet<>();
        current.errors().forEach(p -> before.add(p.message()));
        for (Problem problem : next.errors()) {
            if (!before.contains(problem.message()) && Analysis.isA(Analysis.CYCLE, problem.message())) {
                return new Result(null, problem.message());
            }
        }
        String shape = current.outputShape(from).map(Shape::toString).orElse(null);
        for (Target t : targets) {
            for (Problem problem : next.errors()) {
                if (t.node().equals(problem.node()) && !before.contains(problem.message())
                        && !Analysis.isA(Analysis.UNCONNECTED, problem.message())) {
                    return new Result(null, mismatch(network, current, t, shape, problem.message()));
                }
            }
        }
        return new Result(candidate, null);
    }

    private static String mismatch(Network network, Analysis current, Target t, String shape, String message) {
        boolean add = network.requireNode(t.node()).layer() instanceof Add;
        if (add) {
            String other = t.port().equals(Add.RESIDUAL) ? Add.SHORTCUT : Add.RESIDUAL;
            Optional<Shape> theirs = network.source(t.node(), other).flatMap(current::outputShape);
            if (shape != null && theirs.isPresent()) {
                return String.format(CANNOT_JOIN, shape, theirs.get(), message);
            }
        }
        return String.format(DOES_NOT_FIT, shape != null ? shape : "?", message);
    }
}
