package org.resnetexplorer.i18n;

import java.util.Set;

/** The Latin-letter words a Chinese text may hold (TextsBundleTest, ChineseWindowTest). */
public final class AllowedNames {
    /**
     * Words that stay in Latin letters in the Chinese texts: names of things (layer types, datasets, file
     * formats, libraries, the paper's authors and title), keys of the keyboard and the language's own name.
     */
    public static final Set<String> ALLOWED = Set.of(
            // the app, libraries, formats
            "ResNet", "Explorer", "PyTorch", "Python", "python", "PNG", "CSV", "CPU", "IDX", "TensorFlow", "Playground",
            "Debian", "apt", "get", "install", "json", "py", "csv", "png", "build", "FILE", "label", "class",
            "JSON", "UTF", "GB", "true", "false",
            // the training engine's library (ND4J) and what it needs
            "ND", "Linux", "AVX",
            // layer types and their parts, as named in the graph and in the papers
            "ReLU", "BN", "Conv", "Dense", "BatchNorm", "Input", "Output", "Softmax", "Tanh", "Sigmoid", "Identity",
            "MLP", "CNN", "SGD", "Adam", "NaN", "CxHxW", "spiral", "gauss",
            "MaxPool", "AvgPool", "GlobalAvgPool", "Flatten", "Dropout", "Add", "Shortcut",
            // datasets
            "CIFAR", "ImageNet", "MNIST", "Fashion", "fashion", "mnist", "dataset", "data", "dir",
            // the paper and its authors
            "He", "Zhang", "Ren", "Sun", "Deep", "Residual", "Learning", "for", "Image", "Recognition",
            // issue 16: the first author of the shattered-gradients paper
            "Balduzzi",
            // the lesion study's paper (Veit, Wilber, Belongie 2016), the net it compares with, its dataset
            "Veit", "Wilber", "Belongie", "VGG", "circles",
            // keys
            "Ctrl", "Shift", "Enter", "Delete", "Esc", "Page", "Up", "Down", "FLOPs",
            // a language called by its own name
            "English");

    private AllowedNames() {
    }
}
