package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.resnetexplorer.engine.CompiledNetwork;
import org.resnetexplorer.engine.DecisionRegions;
import org.resnetexplorer.engine.NetworkState;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The decision regions' background work: one computation in flight, the newest request next, live ones throttled. */
@ExtendWith(ApplicationExtension.class)
class RegionsWorkTest {
    private static final Network NETWORK = Templates.build("mlp-resnet-4",
            TemplateOptions.defaults().withInput(Shape.flat(2)));
    private static final DecisionRegions.Grid GRID = new DecisionRegions.Grid(-1, -1, 0.1, 20, 20);

    /** Runs what it is given only when told: a computation "in flight" until then. */
    private final List<Runnable> queued = new CopyOnWriteArrayList<>();
    private final List<RegionsWork.Result> results = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private RegionsWork work;

    @Start
    void start(Stage stage) {
        work = new RegionsWork(queued::add, results::add, clock::get);
    }

    private static List<NetworkState> states(String run, int... steps) throws Exception {
        CompiledNetwork net = CompiledNetwork.compile(NETWORK, DataType.FLOAT, 1);
        List<NetworkState> states = new ArrayList<>();
        for (int step : steps) {
            states.add(net.state(run, step));
        }
        return states;
    }

    private void request(NetworkState state, boolean live) throws Exception {
        fx(() -> {
            work.request(new RegionsWork.Request(List.of(state), GRID, live));
            return null;
        });
    }

    /** Runs the oldest computation waiting and waits for its result on the FX thread. */
    private RegionsWork.Result runNext() throws Exception {
        int before = results.size();
        queued.remove(0).run();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.size() > before);
        return results.get(results.size() - 1);
    }

    @Test
    @DisplayName("while a computation runs, requests wait and only the newest is computed next")
    void newestWins() throws Exception {
        List<NetworkState> s = states("run", 10, 20, 30);
        request(s.get(0), false);
        request(s.get(1), false);
        request(s.get(2), false);
        assertThat(queued).as("one computation in flight").hasSize(1);
        assertThat(fx(work::busy)).isTrue();
        RegionsWork.Result first = runNext();
        assertThat(first.states().get("run").step()).isEqualTo(10);
        assertThat(first.regions().get("run").step()).isEqualTo(10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queued).as("the newest request follows, the one between is dropped").hasSize(1);
        RegionsWork.Result next = runNext();
        assertThat(next.regions().get("run").step()).as("the probe loaded the later state").isEqualTo(30);
        assertThat(next.regions().get("run").grid()).isEqualTo(GRID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queued).isEmpty();
        assertThat(fx(work::busy)).isFalse();
    }

    @Test
    @DisplayName("after a computation of t, a live request waits until 9 t have passed; a step chosen by hand does not")
    void liveRequestsThrottled() throws Exception {
        List<NetworkState> s = states("run", 10, 20, 30);
        request(s.get(0), true);
        RegionsWork.Result first = runNext();
        assertThat(first.nanos()).isPositive();
        long wait = RegionsWork.WAIT_FACTOR * first.nanos();

        clock.addAndGet(wait / 2);
        request(s.get(1), true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(queued).as("too soon after the last: waits").isEmpty();
        assertThat(fx(work::busy)).isTrue();

        clock.addAndGet(wait);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queued.size() == 1);
        assertThat(runNext().regions().get("run").step()).isEqualTo(20);

        request(s.get(2), false);
        assertThat(queued).as("chosen by hand: at once").hasSize(1);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
