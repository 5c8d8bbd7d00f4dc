package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resnetexplorer.engine.GradientShattering;
import org.resnetexplorer.i18n.Texts;

/**
 * What the shattered-gradients study measured: the correlations of every family at every depth (and the gradients it
 * pictures), and each run's own depth, at which its {@link Claim.Figure#NEIGHBOUR_CORRELATION} is read.
 *
 * @param points how many inputs along the line
 */
record ShatteredGradientsResult(GradientShattering shattering, Map<String, Integer> runDepths, int points)
        implements StudyResult {

    ShatteredGradientsResult {
        runDepths = Map.copyOf(runDepths);
    }

    /** A run's mean neighbour correlation at its own depth; NaN for another figure, another run, or after a stop. */
    @Override
    public double figure(String run, Claim.Figure figure) {
        if (figure != Claim.Figure.NEIGHBOUR_CORRELATION || !runDepths.containsKey(run)) {
            return Double.NaN;
        }
        return shattering.families().stream().filter(f -> f.name().equals(run)).findFirst()
                .map(f -> f.correlationAt(runDepths.get(run))).orElse(Double.NaN);
    }

    /** A header, then per run its family's mean correlation at each depth. */
    @Override
    public List<String> lines(String language) {
        Texts.Language in = Texts.Language.parse(language);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Texts.get(in, "shatteredGradients.lines.header"), shattering.networks(), points));
        for (GradientShattering.Family family : shattering.families()) {
            StringBuilder values = new StringBuilder();
            int[] depths = family.depths();
            double[] correlation = family.correlation();
            for (int i = 0; i < depths.length; i++) {
                values.append(String.format(Locale.ROOT, "  %d: %s", depths[i], Double.isNaN(correlation[i]) ? "-"
                        : String.format(Locale.ROOT, "%.2f", correlation[i])));
            }
            lines.add(String.format(Texts.get(in, "shatteredGradients.lines.family"), family.name(), values));
        }
        return lines;
    }

    @Override
    public List<Object> findings() {
        return List.of(shattering);
    }
}
