package org.resnetexplorer.data;

import java.util.List;
import java.util.Objects;

import org.resnetexplorer.graph.Shape;

/**
 * A named dataset: training and test examples of one shape and one set of classes, the classes' names (index =
 * label) and how the features were standardised.
 */
public record Dataset(String name, Examples train, Examples test, List<String> classNames,
        Normalization normalization) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(normalization, "normalization");
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("train examples are " + train.shape() + " but test examples are "
                    + test.shape());
        }
        if (train.classes() != test.classes()) {
            throw new IllegalArgumentException("train has " + train.classes() + " classes but test has "
                    + test.classes());
        }
        if (classNames.size() != train.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + train.classes() + " classes");
        }
    }

    /** A dataset whose features are stored as they are. */
    public Dataset(String name, Examples train, Examples test, List<String> classNames) {
        this(name, train, test, classNames, Normalization.none());
    }

    /** The shape of one example. */
    public Shape shape() {
        return train.shape();
    }

    /** The number of classes. */
    public int classes() {
        return train.classes();
    }

    @Override
    public String toString() {
        return name + ": " + train.size() + " train / " + test.size() + " test examples of " + shape() + ", "
                + classes() + " classes";
    }
}
