package org.resnetexplorer.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/** A run's twin among the window's runs: found by the networks, the nearest on the side a twin is added. */
class TwinRunsTest {
    private static final TemplateOptions TWO_D = TemplateOptions.defaults().withInput(Shape.flat(2));
    private static final Network RESNET_8 = Templates.build("mlp-resnet-8", TWO_D);
    private static final Network RESNET_20 = Templates.build("mlp-resnet-20", TWO_D);

    private static Optional<String> twin(String run, Map<String, Network> networks, List<String> order) {
        return TwinRuns.of(run, order, r -> Optional.ofNullable(networks.get(r)));
    }

    @Test
    @DisplayName("in a session after a session, each net finds its own plain twin, and each twin its own net")
    void sessions() {
        Map<String, Network> networks = Map.of("#1 mlp-resnet-20", RESNET_20, "#1 plain twin",
                RESNET_20.withAllShortcuts(false), "#2 mlp-resnet-20", RESNET_20, "#2 plain twin",
                RESNET_20.withAllShortcuts(false));
        List<String> order = List.of("#1 mlp-resnet-20", "#1 plain twin", "#2 mlp-resnet-20", "#2 plain twin");
        assertThat(twin("#2 mlp-resnet-20", networks, order)).contains("#2 plain twin");
        assertThat(twin("#1 mlp-resnet-20", networks, order)).contains("#1 plain twin");
        assertThat(twin("#1 plain twin", networks, order)).contains("#1 mlp-resnet-20");
        assertThat(twin("#2 plain twin", networks, order)).contains("#2 mlp-resnet-20");
    }

    @Test
    @DisplayName("an experiment's plain template is the twin of the ResNet of its depth, whatever their names; another"
            + " depth or a run without a state is none")
    void experiments() {
        Map<String, Network> networks = Map.of("plain-8", Templates.build("mlp-plain-8", TWO_D), "resnet-8", RESNET_8,
                "plain-20", Templates.build("mlp-plain-20", TWO_D), "resnet-20", RESNET_20);
        List<String> order = List.of("plain-8", "resnet-8", "plain-20", "resnet-20", "waiting");
        assertThat(twin("resnet-20", networks, order)).contains("plain-20");
        assertThat(twin("resnet-8", networks, order)).contains("plain-8");
        assertThat(twin("plain-8", networks, order)).contains("resnet-8");
        assertThat(twin("resnet-8", Map.of("resnet-8", RESNET_8, "plain-20", networks.get("plain-20")),
                List.of("resnet-8", "plain-20"))).isEmpty();
        assertThat(twin("waiting", networks, order)).isEmpty();
        assertThat(TwinRuns.residual(RESNET_8)).isTrue();
        assertThat(TwinRuns.residual(networks.get("plain-8"))).isFalse();
    }
}
