package org.resnetexplorer.ui.charts;

/**
 * The charts of the {@link ChartsPane}, one tab each, in the order of the tabs. The window names a chart by its
 * kind (an experiment opens the one that tells its story); {@link #id()} is its view's node id, which the chart's
 * tab ({@code tab-ID}) and canvas ({@code ID-canvas}) are named after.
 */
public enum ChartKind {
    /** Training and test error (or loss) of every run against iteration. */
    ERROR_CURVES("error-curves"),
    /** What a run on 2-D data predicts over the plane, beside its plain twin, at one step. */
    DECISION_REGIONS("decision-regions"),
    /** What a network of 2-D data makes of the plane at one stage (block), its plain twin beside it. */
    LAYER_PROJECTION("layer-projection"),
    /** One run's gradient norm of every layer over the iterations. */
    GRADIENT_HEATMAP("gradient-heatmap"),
    /** Chosen layers' gradient norms over the iterations. */
    GRADIENT_LAYERS("gradient-layers"),
    /** Every layer's gradient norm against its depth at one step, runs overlaid. */
    GRADIENT_DEPTH("gradient-depth"),
    /** The distribution of a residual block's F(x) at one step. */
    RESIDUAL_HISTOGRAM("residual-histogram"),
    /** The std of each layer's response (the paper's Fig. 7). */
    RESPONSE_STD("response-std"),
    /** A run's first test images with true and predicted labels, errors first. */
    PREDICTIONS("predictions"),
    /** How often each true class was predicted as each class, on a run's first test images. */
    CONFUSION_MATRIX("confusion-matrix"),
    /** A test image's feature maps x, F(x) and x + F(x) in a chosen block, or the first convolution's filters. */
    FEATURE_MAPS("feature-maps"),
    /** The pictures of the last study an experiment measured (lesion, loss landscape, ...). */
    STUDY("study");

    private final String id;

    ChartKind(String id) {
        this.id = id;
    }

    /** The view's node id: {@code "error-curves"}. */
    public String id() {
        return id;
    }
}
