package org.resnetexplorer.ui.charts;

/**
 * Hears how long the charts take to show, for a benchmark ({@code ui.diagnostics.FrameTimer}); the charts pane
 * tells it nothing unless one is set ({@link ChartsPane#setChartTimes}). Called on the FX thread.
 */
public interface ChartTimes {
    /** Hears nothing. */
    ChartTimes NONE = new ChartTimes() {
        @Override
        public void recordRedraw(long nanos) {
        }

        @Override
        public void recordRender(long renderNanos, long copyNanos) {
        }
    };

    /** A redraw held the FX thread for {@code nanos} (building the chart from the runs). */
    void recordRedraw(long nanos);

    /**
     * A chart was shown: its painting (off the FX thread) took {@code renderNanos}, copying its pixels into the
     * shown image {@code copyNanos} of the FX thread.
     */
    void recordRender(long renderNanos, long copyNanos);
}
