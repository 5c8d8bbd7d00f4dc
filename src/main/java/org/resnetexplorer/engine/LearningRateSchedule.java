package org.resnetexplorer.engine;

import java.util.List;

/**
 * The learning rate at each step: a linear warm-up over {@code warmupSteps}, then {@code base}, multiplied by
 * {@code factor} at each milestone passed (the paper divides by 10 at 32k and 48k iterations).
 */
public record LearningRateSchedule(double base, List<Integer> milestones, double factor, int warmupSteps) {
    public LearningRateSchedule {
        if (!(base > 0) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("the learning rate must be a positive number (got " + base + ")");
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("the decay factor must be in (0, 1] (got " + factor + ")");
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warm-up steps cannot be negative (got " + warmupSteps + ")");
        }
        milestones = milestones.stream().sorted().toList();
    }

    public static LearningRateSchedule constant(double base) {
        return new LearningRateSchedule(base, List.of(), 0.1, 0);
    }

    /** The learning rate of step {@code step} (counting from 0). */
    public double at(int step) {
        if (step < warmupSteps) {
            return base * (step + 1) / warmupSteps;
        }
        double rate = base;
        for (int milestone : milestones) {
            if (step >= milestone) {
                rate *= factor;
            }
        }
        return rate;
    }

    /** The same schedule from another base rate (what "change the learning rate during a run" does). */
    public LearningRateSchedule withBase(double newBase) {
        return new LearningRateSchedule(newBase, milestones, factor, warmupSteps);
    }
}
