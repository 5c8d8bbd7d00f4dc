package org.resnetexplorer.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.resnetexplorer.engine.Landscape;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.i18n.Texts;

/** What the loss-landscape study measured: one landscape per run, compared by the width of their low-loss basins. */
record LossLandscapeResult(Landscapes measured) implements StudyResult {

    /** {@link Claim.Figure#BASIN_WIDTH} of a run measured: its basin's width along its slice; NaN for the rest. */
    @Override
    public double figure(String run, Claim.Figure figure) {
        if (figure != Claim.Figure.BASIN_WIDTH) {
            return Double.NaN;
        }
        return measured.of(run).map(measured::basinWidth).orElse(Double.NaN);
    }

    @Override
    public List<String> lines(String language) {
        Texts.Language in = Texts.Language.parse(language);
        List<String> lines = new ArrayList<>();
        for (Landscape l : measured.landscapes()) {
            lines.add(String.format(Locale.ROOT, Texts.get(in, "lossLandscape.line"), l.run(), l.centreLoss(),
                    measured.basinWidth(l), trim(measured.basinFactor()), l.points(), l.points(), trim(l.range()),
                    l.sampleSize()) + (l.complete() ? "" : Texts.get(in, "lossLandscape.line.stopped")));
        }
        return lines;
    }

    /** 2 rather than 2.0; 0.5 as it is. */
    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public List<Object> findings() {
        return List.of(measured);
    }
}
