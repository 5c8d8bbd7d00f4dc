package org.resnetexplorer.ui;

import java.util.Optional;
import java.util.prefs.Preferences;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * What a benchmark opens the window with, instead of the first-start example, so that it can be driven without
 * clicking through dialogs (bench/memory.sh): {@code -Dresnetexplorer.open=cifar-resnet-20} opens that template
 * (as the template list does; {@code -Dresnetexplorer.open.width=8} sets its width), and
 * {@code -Dresnetexplorer.training=dataset=fashion-mnist,downscale=true} fills the Training panel's fields, with
 * the keys the panel keeps in the preferences; {@code -Dresnetexplorer.experiment=degradation-images} opens that
 * bundled experiment's tab (Enter then runs it); {@code -Dresnetexplorer.chart=decision-regions} shows that chart's
 * tab (a ChartKind id), so that bench/ui.sh measures the frames with it open. Not a user feature: no launcher sets
 * these properties.
 *
 * @param template the template's name, as {@code resnet-explorer templates} lists them
 * @param width    the template's width (its channels or units), or null for the template's own
 * @param training the Training panel's fields to show, as key=value pairs separated by commas; empty for none
 */
record StartOptions(String template, Integer width, String training) {
    static final String OPEN_PROPERTY = "resnetexplorer.open";
    static final String WIDTH_PROPERTY = "resnetexplorer.open.width";
    static final String TRAINING_PROPERTY = "resnetexplorer.training";
    static final String EXPERIMENT_PROPERTY = "resnetexplorer.experiment";
    static final String CHART_PROPERTY = "resnetexplorer.chart";

    /** The chart tab to show at the start (a ChartKind id), if one is named (an unknown id is ignored). */
    static Optional<String> chart() {
        String id = System.getProperty(CHART_PROPERTY, "").trim();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The bundled experiment to open at the start, if one is named (an unknown id is said in the window). */
    static Optional<String> experiment() {
        String id = System.getProperty(EXPERIMENT_PROPERTY, "").trim();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The options the system properties ask for, if a template is named. */
    static Optional<StartOptions> fromSystemProperties() {
        String template = System.getProperty(OPEN_PROPERTY, "");
        if (template.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StartOptions(template.trim(), Integer.getInteger(WIDTH_PROPERTY),
                System.getProperty(TRAINING_PROPERTY, "")));
    }

    /**
     * The template built.
     *
     * @throws IllegalArgumentException if no template has that name
     */
    Network network() {
        return Templates.build(template, TemplateOptions.defaults().withWidth(width));
    }

    /**
     * The Training panel's fields as a preferences node, for {@code TrainingPanel.load}.
     *
     * @throws IllegalArgumentException if a pair has no '='
     */
    Preferences trainingFields() {
        Preferences node = new MemoryPreferences();
        for (String pair : training.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(TRAINING_PROPERTY + ": '" + pair.trim() + "' is not key=value");
            }
            node.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return node;
    }
}
