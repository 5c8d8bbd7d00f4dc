package org.resnetexplorer.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.resnetexplorer.charts.FeatureMapPicture;
import org.resnetexplorer.charts.FilterPicture;
import org.resnetexplorer.charts.TestImage;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.engine.BlockMaps;
import org.resnetexplorer.engine.EngineException;
import org.resnetexplorer.engine.NetworkProbe;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.work.BackgroundWork;

/**
 * Runs the feature-map view's networks off the FX thread, through the pane's {@link BackgroundWork}: one computation
 * at a time on one thread, and a request that is no longer the newest when its turn comes is skipped (the newest
 * wins). The probes (one compile per network, later states loaded into it) live on that thread only. Ask and read
 * on the FX thread; the result comes back there.
 */
final class FeatureMapsWork {
    static final String FAILED = Texts.get("featureMapsView.failed");

    /** One network to look into: the run's name as shown, and its state. */
    record Subject(String run, NetworkState state) {
        Subject {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(state, "state");
        }
    }

    /** What the view asks for: the networks (a run, and its plain twin if it has one), their data, a test image. */
    record Request(List<Subject> subjects, Dataset data, int image) {
        Request {
            subjects = List.copyOf(subjects);
            Objects.requireNonNull(data, "data");
        }

        /** The same states (compared as the very objects), data and image: nothing to compute again. */
        boolean same(Request other) {
            if (other.subjects.size() != subjects.size() || other.data != data || other.image != image) {
                return false;
            }
            for (int i = 0; i < subjects.size(); i++) {
                if (!subjects.get(i).run().equals(other.subjects.get(i).run())
                        || subjects.get(i).state() != other.subjects.get(i).state()) {
                    return false;
                }
            }
            return true;
        }

        /** The same run first: an older result of it may show while a newer one is computed. */
        boolean sameRun(Request other) {
            return subjects.get(0).run().equals(other.subjects.get(0).run());
        }
    }

    /** What a request computed: the image, each network's block maps, each network's first filters. */
    record Result(Request request, TestImage image, List<List<BlockMaps>> maps, List<FilterPicture.Panel> filters) {
        /** The picture of one block (by name) in every network that has it; empty if the first does not. */
        Optional<FeatureMapPicture.Content> content(String block) {
            List<FeatureMapPicture.Panel> panels = new ArrayList<>();
            for (int i = 0; i < maps.size(); i++) {
                Subject subject = request.subjects().get(i);
                int blocks = subject.state().network().blocks().size();
                maps.get(i).stream().filter(m -> m.block().name().equals(block)).findFirst()
                        .ifPresent(m -> panels.add(new FeatureMapPicture.Panel(subject.run(), blocks, m)));
            }
            boolean first = !maps.isEmpty() && maps.get(0).stream().anyMatch(m -> m.block().name().equals(block));
            return first ? Optional.of(new FeatureMapPicture.Content(image, request.subjects().get(0).state().step(),
                    panels)) : Optional.empty();
        }
    }

    private final Executor thread;
    private final Runnable onResult;
    private final AtomicReference<Request> newest = new AtomicReference<>();
    /** Touched by the computing thread only. */
    private final Map<Network, NetworkProbe> probes = new HashMap<>();
    private Request asked;
    private Result result;
    private String failure;

    /** @param onResult runs on the FX thread after each result or failure */
    FeatureMapsWork(BackgroundWork work, Runnable onResult) {
        this.thread = work.inOrder("feature-maps");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
    }

    /** Computes {@code request} unless it is what was asked last. */
    void ask(Request request) {
        if (asked != null && asked.same(request)) {
            return;
        }
        asked = request;
        newest.set(request);
        thread.execute(() -> compute(request));
    }

    /** The latest result, if any. */
    Optional<Result> result() {
        return Optional.ofNullable(result);
    }

    /** Why the latest request could not be computed, if it could not. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void compute(Request request) {
        if (newest.get() != request) {
            return;
        }
        try {
            Result computed = run(request);
            Platform.runLater(() -> {
                result = computed;
                failure = null;
                onResult.run();
            });
        } catch (EngineException | RuntimeException e) {
            String message = String.format(FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
            Platform.runLater(() -> {
                failure = message;
                onResult.run();
            });
        }
    }

    private Result run(Request request) throws EngineException {
        TestImage image = TestImage.of(request.data(), request.image());
        List<List<BlockMaps>> maps = new ArrayList<>();
        List<FilterPicture.Panel> filters = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (Subject subject : request.subjects()) {
            Network network = subject.state().network();
            networks.add(network);
            NetworkProbe probe = probes.get(network);
            if (probe == null) {
                probe = NetworkProbe.of(subject.state());
                probes.put(network, probe);
            } else {
                probe.load(subject.state());
            }
            maps.add(BlockMaps.of(probe, image.values()));
            FilterPicture.of(subject.run(), subject.state()).ifPresent(filters::add);
        }
        probes.keySet().retainAll(networks);
        return new Result(request, image, maps, filters);
    }
}
