package org.resnetexplorer.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.engine.RunStatus;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.document.DocumentActions;
import org.resnetexplorer.ui.training.RunRecord;
import org.resnetexplorer.ui.training.RunsTable;
import org.resnetexplorer.ui.training.TrainingController;

/**
 * "Continue training" (the run list's context menu and Train menu, decision 0033): opens the selected run's trained
 * network in the editor with its weights kept beside it; the user edits it (drags in a residual block, say), and Run
 * starts a new run from those weights. Use on the FX thread.
 */
final class ContinueTraining {
    static final String OPENED = Texts.get("continueTraining.opened");
    static final String NOTHING = Texts.get("continueTraining.nothing");

    private final TrainingController training;
    private final RunsTable runs;
    private final DocumentActions documents;
    private final Consumer<String> tell;
    /** The charts' latest state of a run: where an experiment's runs keep theirs. */
    private final Function<String, Optional<NetworkState>> charted;

    /**
     * @param charted a run's latest state as the charts hold it, by the run's name: the runs of experiments, which do
     *                not pass through {@code training}
     */
    ContinueTraining(TrainingController training, RunsTable runs, DocumentActions documents, Consumer<String> tell,
            Function<String, Optional<NetworkState>> charted) {
        this.training = Objects.requireNonNull(training, "training");
        this.charted = Objects.requireNonNull(charted, "charted");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.tell = Objects.requireNonNull(tell, "tell");
        runs.setOnContinue(run -> trainedState(run).isPresent(), this::open);
    }

    /**
     * Continues the run selected in the run list, else the latest run that ended with its weights kept (the network of
     * its session rather than its plain twin: what the user trained).
     */
    void continueSelected() {
        RunRecord selected = runs.getSelectionModel().getSelectedItem();
        List<RunRecord> kept = training.runs().stream().filter(r -> trainedState(r).isPresent()).toList();
        RunRecord run = selected != null && kept.contains(selected) ? selected
                : kept.stream().filter(r -> !r.plainTwin()).reduce((first, second) -> second)
                        .orElse(kept.isEmpty() ? null : kept.get(kept.size() - 1));
        if (run == null) {
            tell.accept(NOTHING);
        } else {
            open(run);
        }
    }

    private void open(RunRecord run) {
        NetworkState state = trainedState(run).orElse(null);
        if (state == null) {
            tell.accept(NOTHING);
        } else if (documents.openTrained(state)) {
            tell.accept(String.format(OPENED, run.label(), state.step()));
        }
    }

    /** The weights a run ended with: a session's as the training kept them, an experiment's as the charts did. */
    private Optional<NetworkState> trainedState(RunRecord run) {
        boolean over = run.status() == RunStatus.FINISHED || run.status() == RunStatus.STOPPED;
        return over ? training.trainedState(run).or(() -> charted.apply(run.name())) : Optional.empty();
    }

    /** True while nothing could be continued: a session runs, or no run has ended yet. */
    static BooleanBinding unavailable(TrainingController training) {
        return Bindings.createBooleanBinding(() -> training.activeProperty().get()
                || training.runs().stream().noneMatch(RunRecord::isOver), training.activeProperty(), training.runs());
    }
}
