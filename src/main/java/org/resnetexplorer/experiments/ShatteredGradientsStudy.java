package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.GradientShattering;
import org.resnetexplorer.engine.InputGradients;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.i18n.Texts;

/**
 * The {@code shattered-gradients} study (Balduzzi et al. 2017): each run names a family of untrained MLPs, plain or
 * residual ({@code mlp-plain-D}, {@code mlp-resnet-D} with the run's options), and the study builds that family with
 * one input at every depth of {@code study.depths}, takes the gradient of the first class score with respect to the
 * input at {@code study.points} evenly spaced inputs ({@link InputGradients}) for {@code study.networks} networks of
 * each depth, and averages their neighbour correlations. A run's {@link Claim.Figure#NEIGHBOUR_CORRELATION} is its
 * family's mean correlation at the run's own depth (the D of its template), which is measured too.
 *
 * <p>Settings: {@code depths} (default 2, 4, 8, 12, 16, 20, 24, 32, 50), {@code points} (256, as the paper),
 * {@code networks} (3; the "full" setting averages {@code fullFactor} times as many), {@code pictured} (the depths
 * whose gradients the chart draws, default the shallowest, the middle and the deepest of the depths).
 */
final class ShatteredGradientsStudy implements StudyMethod {
    static final String KIND = "shattered-gradients";
    /** The paper's input line; BatchNorm normalises it, so only the number of points on it matters. */
    static final double FROM = -2;
    static final double TO = 2;
    private static final Pattern FAMILY = Pattern.compile("(mlp-plain|mlp-resnet)-(\\d+)");
    private static final int MAX_DEPTH = 200;

    private List<Integer> depths;
    private List<Integer> pictured;
    private int points;
    private int networks;

    @Override
    public void check(Experiment experiment) throws ExperimentFileException {
        StudySettings settings = experiment.study().settings();
        settings.only(Set.of("depths", "points", "networks", "pictured"));
        depths = List.copyOf(new TreeSet<>(settings.integers("depths", List.of(2, 4, 8, 12, 16, 20, 24, 32, 50), 1,
                MAX_DEPTH)));
        points = settings.integer("points", 256, 16, 4096);
        networks = settings.integer("networks", 3, 1, 20);
        List<Integer> ends = List.of(depths.get(0), depths.get(depths.size() / 2), depths.get(depths.size() - 1));
        pictured = List.copyOf(new TreeSet<>(settings.integers("pictured", ends, 1, MAX_DEPTH)));
        for (int depth : pictured) {
            if (!depths.contains(depth)) {
                throw settings.problem("pictured", "holds depth " + depth + ", which \"study.depths\" does not measure");
            }
        }
        for (Experiment.RunSpec run : experiment.runs()) {
            Matcher m = FAMILY.matcher(run.template());
            if (!m.matches()) {
                throw settings.problem("kind", "measures MLPs of one input: run '" + run.name() + "' is "
                        + run.template() + ", where mlp-plain-D or mlp-resnet-D is expected");
            }
            if (depth(run) > MAX_DEPTH) {
                throw settings.problem("kind", "measures MLPs of up to " + MAX_DEPTH + " layers: run '" + run.name()
                        + "' has " + depth(run));
            }
            if (run.train()) {
                throw settings.problem("kind", "measures untrained networks: give run '" + run.name()
                        + "' \"train\": false");
            }
            for (int depth : depthsOf(run)) {
                try {
                    network(run, depth);
                } catch (IllegalArgumentException e) {
                    throw settings.problem("depths", "holds " + depth + ", at which run '" + run.name()
                            + "' cannot be built: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public StudyResult measure(StudyInput in) throws EngineException {
        int count = in.full() ? networks * in.experiment().fullFactor() : networks;
        double[] inputs = InputGradients.evenlySpaced(FROM, TO, points);
        int total = 0;
        for (Experiment.RunSpec run : in.experiment().runs()) {
            total += depthsOf(run).size() * count;
        }
        List<GradientShattering.Family> families = new ArrayList<>();
        int done = 0;
        for (Experiment.RunSpec run : in.experiment().runs()) {
            List<Integer> measured = depthsOf(run);
            int n = measured.size();
            double[] mean = new double[n];
            double[] lowest = new double[n];
            double[] highest = new double[n];
            Arrays.fill(mean, Double.NaN);
            Arrays.fill(lowest, Double.NaN);
            Arrays.fill(highest, Double.NaN);
            List<GradientShattering.Gradient> gradients = new ArrayList<>();
            for (int d = 0; d < n && !in.stopped().getAsBoolean(); d++) {
                int depth = measured.get(d);
                Network network = network(run, depth);
                double sum = 0;
                lowest[d] = Double.POSITIVE_INFINITY;
                highest[d] = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < count; k++) {
                    in.progress().report((double) done / total, Texts.format("shatteredGradients.progress", run.name(),
                            depth, k + 1, count));
                    double[] gradient = InputGradients.of(network, networkSeed(in.seed(), k), inputs);
                    double r = InputGradients.neighbourCorrelation(gradient);
                    sum += r;
                    lowest[d] = Math.min(lowest[d], r);
                    highest[d] = Math.max(highest[d], r);
                    if (k == 0 && pictured.contains(depth)) {
                        gradients.add(new GradientShattering.Gradient(depth, gradient, r));
                    }
                    done++;
                }
                mean[d] = sum / count;
            }
            families.add(new GradientShattering.Family(run.name(), residual(run), measured.stream()
                    .mapToInt(Integer::intValue).toArray(), mean, lowest, highest, gradients));
        }
        in.progress().report(1, Texts.get("shatteredGradients.done"));
        return new ShatteredGradientsResult(new GradientShattering(inputs, count, families), depthOfRuns(in.experiment()),
                points);
    }

    /**
     * The seed of the {@code k}-th network of each depth for an experiment seed: apart for every experiment seed, so
     * that seeds 1, 2 and 3 check the claims on different networks.
     */
    static long networkSeed(long experimentSeed, int k) {
        return experimentSeed * 1000 + k;
    }

    /** The study's depths with the run's own depth among them, rising. */
    private List<Integer> depthsOf(Experiment.RunSpec run) {
        TreeSet<Integer> all = new TreeSet<>(depths);
        all.add(depth(run));
        return List.copyOf(all);
    }

    /** Each run's own depth, by name. */
    private static Map<String, Integer> depthOfRuns(Experiment experiment) {
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (Experiment.RunSpec run : experiment.runs()) {
            depths.put(run.name(), depth(run));
        }
        return depths;
    }

    static int depth(Experiment.RunSpec run) {
        Matcher m = FAMILY.matcher(run.template());
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static boolean residual(Experiment.RunSpec run) {
        return run.template().startsWith("mlp-resnet");
    }

    /** The run's family at {@code depth}, with one input. */
    private static Network network(Experiment.RunSpec run, int depth) {
        Matcher m = FAMILY.matcher(run.template());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an MLP template: " + run.template());
        }
        TemplateOptions options = run.options().withInput(Shape.flat(1));
        return Templates.build(m.group(1) + "-" + depth, options);
    }
}
