package org.resnetexplorer.engine;

import java.util.List;
import java.util.Optional;

/**
 * The landscapes of several runs measured alike (the same sample, seed, grid and range), drawn side by side on one
 * colour scale, with the definition of the low-loss basin they are compared by: the loss under {@code basinFactor}
 * times the loss at the trained weights.
 */
public record Landscapes(List<Landscape> landscapes, double basinFactor) {
    public Landscapes {
        landscapes = List.copyOf(landscapes);
        if (!(basinFactor > 1) || Double.isInfinite(basinFactor)) {
            throw new IllegalArgumentException("the basin's factor must be above 1 (got " + basinFactor + ")");
        }
    }

    /** The landscape of {@code run}, if it was measured. */
    public Optional<Landscape> of(String run) {
        return landscapes.stream().filter(l -> l.run().equals(run)).findFirst();
    }

    /** The loss that bounds a landscape's basin: {@code basinFactor} x its loss at the trained weights. */
    public double basinLevel(Landscape landscape) {
        return basinFactor * landscape.centreLoss();
    }

    /** The width of a landscape's basin along its slice, in units of the direction ({@link Landscape#basinWidth}). */
    public double basinWidth(Landscape landscape) {
        return landscape.basinWidth(basinLevel(landscape));
    }
}
