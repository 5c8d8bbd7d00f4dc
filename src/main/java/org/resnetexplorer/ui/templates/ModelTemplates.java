package org.resnetexplorer.ui.templates;

import java.util.List;


/** The templates the left-hand list offers with one click: the paper's nets and small MLPs, with plain twins. */
public final class ModelTemplates {
    public static final List<String> QUICK = List.of("mlp-resnet-8", "mlp-plain-8", "mlp-resnet-20", "mlp-plain-20",
            "cifar-resnet-20", "cifar-plain-20", "cifar-resnet-56", "cifar-plain-56", "cifar-resnet-110",
            "cifar-preact-resnet-20", "resnet-18", "plain-18", "resnet-34", "plain-34", "resnet-50", "resnet-101",
            "resnet-152");

    private ModelTemplates() {
    }
}
