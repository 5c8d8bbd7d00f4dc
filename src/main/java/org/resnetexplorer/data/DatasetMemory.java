package org.resnetexplorer.data;

import org.resnetexplorer.files.ByteSizes;
import org.resnetexplorer.graph.Counts;
import org.resnetexplorer.i18n.Texts;

/**
 * Refuses a dataset that cannot fit in memory before its arrays are allocated (decision 0018): asking for two
 * billion points is a clear message, not an {@link OutOfMemoryError} or a negative array size. A dataset's
 * features (4-byte floats) and labels (4-byte ints) may take half of the most memory Java may use
 * ({@link Runtime#maxMemory()}); the other half is left to the files being converted, the network and the app.
 */
final class DatasetMemory {
    /** The most values one Java array holds; each split's features are one array. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private DatasetMemory() {
    }

    /** The bytes a dataset may take: half of Java's memory limit. */
    static long budget() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** Checks against {@link #budget()}. */
    static void require(String dataset, long train, long test, long valuesPerExample) throws DatasetException {
        require(dataset, train, test, valuesPerExample, budget());
    }

    /**
     * Refuses {@code train} and {@code test} examples of {@code valuesPerExample} floats each (plus a label) when
     * they need more than {@code budget} bytes, or when one split has more values than a Java array holds.
     */
    static void require(String dataset, long train, long test, long valuesPerExample, long budget)
            throws DatasetException {
        long bytes = bytes(train, test, valuesPerExample);
        if (bytes > budget) {
            throw new DatasetException(dataset, Texts.format("datasetMemory.too.big", Counts.grouped(train), Counts.grouped(test),
                    Counts.grouped(valuesPerExample), ByteSizes.text(bytes), ByteSizes.text(budget), "Java", "-Xmx"));
        }
        long largest = Math.max(train, test);
        long values = ByteSizes.product(largest, valuesPerExample);
        if (values > MAX_ARRAY) {
            throw new DatasetException(dataset, Texts.format("datasetMemory.too.many.values", Counts.grouped(largest),
                    Counts.grouped(valuesPerExample), Counts.grouped(MAX_ARRAY)));
        }
    }

    /** The bytes of the features and labels of {@code train + test} examples; {@code Long.MAX_VALUE} if more. */
    static long bytes(long train, long test, long valuesPerExample) {
        return ByteSizes.product(ByteSizes.sum(train, test),
                ByteSizes.sum(ByteSizes.product(valuesPerExample, Float.BYTES), Integer.BYTES));
    }
}
