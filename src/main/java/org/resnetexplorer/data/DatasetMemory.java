package org.resnetexplorer.data;

import java.util.Locale;
import org.resnetexplorer.files.ByteSizes;
import org.resnetexplorer.i18n.Texts;

/**
 * Refuses a dataset that cannot fit in memory before its arrays are allocated (decision 0014): asking for two
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
            throw new DatasetException(dataset, Texts.format("datasetMemory.too.big", grouped(train), grouped(test),
                    grouped(valuesPerExample), ByteSizes.text(bytes), ByteSizes.text(budget), "Java", "-Xmx"));
        }
        long largest = Math.max(train, test);
        long values = product(largest, valuesPerExample);
        if (values > MAX_ARRAY) {
            throw new DatasetException(dataset, Texts.format("datasetMemory.too.many.values", grouped(largest),
                    grouped(valuesPerExample), grouped(MAX_ARRAY)));
        }
    }

    /** The bytes of the features and labels of {@code train + test} examples; {@code Long.MAX_VALUE} if more. */
    static long bytes(long train, long test, long valuesPerExample) {
        try {
            return Math.multiplyExact(Math.addExact(train, test), Math.addExact(Math.multiplyExact(valuesPerExample,
                    (long) Float.BYTES), Integer.BYTES));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
