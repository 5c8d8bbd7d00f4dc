package org.resnetexplorer.ui.templates;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.ActivationFunction;
import org.resnetexplorer.graph.Analysis;
import org.resnetexplorer.graph.ShortcutOption;
import org.resnetexplorer.ui.templates.TemplateChoice.Family;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.assertThat;



class TemplateChoiceTest {

    @Test
    @DisplayName("the dialog's choices name the template: family, residual or plain, pre-activation, depth")
    void names() {
        assertThat(TemplateChoice.defaults(Family.MLP).templateName()).isEqualTo("mlp-resnet-20");
        assertThat(TemplateChoice.defaults(Family.IMAGENET).templateName()).isEqualTo("resnet-18");
        TemplateChoice cifar = TemplateChoice.defaults(Family.CIFAR);
        assertThat(cifar.templateName()).isEqualTo("cifar-resnet-20");
        assertThat(new TemplateChoice(Family.CIFAR, 56, 16, ShortcutOption.A, true, true, true, ActivationFunction.RELU)
                .templateName()).isEqualTo("cifar-preact-resnet-56");
        assertThat(new TemplateChoice(Family.CIFAR, 56, 16, ShortcutOption.A, false, true, true, ActivationFunction.RELU)
                .templateName()).as("pre-activation has no plain twin of its own").isEqualTo("cifar-plain-56");
        assertThat(new TemplateChoice(Family.IMAGENET, 34, 64, ShortcutOption.B, false, false, true, ActivationFunction.RELU)
                .templateName()).isEqualTo("plain-34");
    }

    @Test
    @DisplayName("the options reach the built network: width, BatchNorm, shortcut option")
    void buildsWithOptions() {
        TemplateChoice narrow = new TemplateChoice(Family.MLP, 4, 8, ShortcutOption.A, true, false, true,
                ActivationFunction.TANH);
        Analysis analysis = Analysis.of(narrow.build());
        assertThat(analysis.isValid()).isTrue();
        assertThat(narrow.build().nodes()).anySatisfy(n -> assertThat(n.name()).isEqualTo("bn1"));
        assertThat(analysis.outputShape("dense1").orElseThrow().elementCount()).isEqualTo(8);
        assertThat(TemplateChoice.defaults(Family.IMAGENET).build().blocks()).allSatisfy(
                b -> assertThat(b.shortcutOption()).isEqualTo(ShortcutOption.B));
    }

    @Test
    @DisplayName("a combination that makes no template says why")
    void refusesImpossible() {
        assertThatThrownBy(() -> new TemplateChoice(Family.MLP, 3, 16, ShortcutOption.A, true, false, false,
                ActivationFunction.RELU).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even number");
    }
}
