package org.resnetexplorer.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.graph.Activation;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.BatchNorm;
import org.resnetexplorer.graph.Block;
import org.resnetexplorer.graph.Conv2D;
import org.resnetexplorer.graph.Dense;
import org.resnetexplorer.graph.Dropout;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Node;

/**
 * The initial state of an edited network that continues a trained one (decision 0033): every layer whose node
 * name, kind and parameter shapes are unchanged keeps its trained values and BatchNorm running statistics bit for
 * bit; every other layer starts as a new run of the edited network would (from the run's seed). A residual block
 * none of whose layers the trained network had (an inserted block) starts with its residual branch exactly zero:
 * its last BatchNorm's scale and shift at 0, or with no BatchNorm at the branch's end, its last weighted layer's
 * weights and bias at 0. Its addition then passes x on unchanged, so the network computes what it computed before.
 */
public final class CarriedState {
    private CarriedState() {
    }

    /**
     * What carrying the weights gave.
     *
     * @param state       the state to start the edited network's run from (step 0, named after the new run)
     * @param kept        the nodes (with parameters) whose trained values were carried, in network order
     * @param initialised the nodes (with parameters) that start afresh: new, renamed, or of another shape
     * @param silenced    the inserted residual blocks whose branch starts at zero
     */
    public record Carried(NetworkState state, List<String> kept, List<String> initialised, List<String> silenced) {
        public Carried {
            Objects.requireNonNull(state, "state");
            kept = List.copyOf(kept);
            initialised = List.copyOf(initialised);
            silenced = List.copyOf(silenced);
        }
    }

    /**
     * The state the edited network starts from when it continues {@code trained}.
     *
     * @param run  the new run's name
     * @param seed the new run's seed, from which new layers are initialised
     * @throws EngineException if either network cannot compile
     */
    public static Carried of(NetworkState trained, Network edited, long seed, String run) throws EngineException {
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(edited, "edited");
        Nd4jRuntime.start();
        CompiledNetwork before = CompiledNetwork.compile(trained.network(), DataType.FLOAT, 0);
        CompiledNetwork after = CompiledNetwork.compile(edited, DataType.FLOAT, seed);
        Map<String, List<Parameters.Parameter>> old = byNode(before.parameters());
        Map<String, List<Parameters.Parameter>> fresh = byNode(after.parameters());
        NetworkState initial = after.state(run, 0);
        float[] values = initial.values().clone();
        Map<String, double[]> statistics = new HashMap<>(initial.runningStatistics());
        List<String> kept = new ArrayList<>();
        List<String> initialised = new ArrayList<>();
        for (Node node : edited.nodes()) {
            List<Parameters.Parameter> now = fresh.get(node.name());
            if (now == null) {
                continue;
            }
            if (!sameLayer(trained.network(), edited, node.name(), old.get(node.name()), now)) {
                initialised.add(node.name());
                continue;
            }
            kept.add(node.name());
            List<Parameters.Parameter> then = old.get(node.name());
            for (int i = 0; i < now.size(); i++) {
                System.arraycopy(trained.values(), Math.toIntExact(then.get(i).offset()), values,
                        Math.toIntExact(now.get(i).offset()), Math.toIntExact(now.get(i).length()));
            }
            trained.runningStatistics().forEach((engineName, stats) -> {
                if (ownedBy(engineName, node.name()) && statistics.containsKey(engineName)) {
                    statistics.put(engineName, stats);
                }
            });
        }
        List<String> silenced = new ArrayList<>();
        for (Block block : insertedBlocks(trained.network(), edited)) {
            Optional<String> end = zeroingLayer(edited, block);
            if (end.isPresent()) {
                for (Parameters.Parameter p : fresh.get(end.get())) {
                    Arrays.fill(values, Math.toIntExact(p.offset()), Math.toIntExact(p.offset() + p.length()), 0f);
                }
                silenced.add(block.name());
            }
        }
        return new Carried(initial.withValues(values, statistics), kept, initialised, silenced);
    }

    /**
     * The residual blocks of {@code edited} (shortcut on) of which {@code trained} has no node: blocks a user or a
     * study inserted. A block holding any trained layer (one wrapped in a new skip connection, say) is not one:
     * silencing its branch would throw away what those layers learned.
     */
    static List<Block> insertedBlocks(Network trained, Network edited) {
        return edited.blocks().stream()
                .filter(b -> edited.hasShortcut(b.name()))
                .filter(b -> b.members().stream().noneMatch(m -> trained.node(m).isPresent()))
                .toList();
    }

    /**
     * The layer whose parameters, set to zero, make the block's residual branch output exactly zero: walking back
     * from the branch end over layers that keep a zero a zero (ReLU, tanh, identity, dropout), the first BatchNorm
     * (scale and shift 0) or weighted layer (weights and bias 0). Empty when the branch ends in something else
     * (a sigmoid maps 0 to 0.5): the block then starts as any new layers do.
     */
    static Optional<String> zeroingLayer(Network network, Block block) {
        String current = block.branchEnd();
        Set<String> seen = new LinkedHashSet<>();
        while (current != null && block.contains(current) && seen.add(current)) {
            LayerSpec layer = network.requireNode(current).layer();
            if (layer instanceof BatchNorm || layer instanceof Dense || layer instanceof Conv2D) {
                return Optional.of(current);
            }
            boolean keepsZero = layer instanceof Dropout || layer instanceof Activation a
                    && a.function() != ActivationFunction.SIGMOID;
            if (!keepsZero) {
                return Optional.empty();
            }
            current = network.source(current, LayerSpec.IN).orElse(null);
        }
        return Optional.empty();
    }

    /** Whether a node is the same layer in both networks: same kind, same parameters of the same shapes. */
    private static boolean sameLayer(Network trained, Network edited, String node, List<Parameters.Parameter> then,
            List<Parameters.Parameter> now) {
        if (then == null || then.size() != now.size() || !trained.requireNode(node).layer().kind()
                .equals(edited.requireNode(node).layer().kind())) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (then.get(i).role() != now.get(i).role()
                    || !Arrays.equals(then.get(i).value().shape(), now.get(i).value().shape())) {
                return false;
            }
        }
        return true;
    }

    /** Whether an engine layer's name ({@code block1.bn1}, or {@code block1.shortcut#bn} inside a projection) is the node's. */
    private static boolean ownedBy(String engineName, String node) {
        return engineName.equals(node) || engineName.startsWith(node + "#");
    }

    private static Map<String, List<Parameters.Parameter>> byNode(Parameters parameters) {
        Map<String, List<Parameters.Parameter>> map = new HashMap<>();
        for (Parameters.Parameter p : parameters.all()) {
            map.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p);
        }
        return map;
    }
}
