package org.resnetexplorer.data;

import java.util.Objects;
import java.util.Optional;

/**
 * A dataset cannot be loaded: a folder or file is missing, a file is not in the expected format or is damaged,
 * or the options ask for something the dataset does not have. The message is one line a student can act on,
 * {@code "<dataset>: <problem>"}, naming the file when there is one and saying what to do, e.g.
 * {@code "cifar10: /x/data_batch_1.bin is 1000 bytes, not a multiple of 3073 (1 label + 3072 pixels per image):
 * is this the binary version of CIFAR-10?"}.
 */
public final class DatasetException extends Exception {
    private final String dataset;
    private final String file;
    private final String problem;

    /** A problem that is in no file (an unknown name, an option the dataset cannot honour). */
    public DatasetException(String dataset, String problem) {
        this(dataset, null, problem, null);
    }

    /**
     * A problem with a file or folder. {@code file} is how the user knows it (a path, or a classpath resource
     * for the bundled data); when the problem text does not mention it, the message puts it in front.
     */
    public DatasetException(String dataset, String file, String problem) {
        this(dataset, file, problem, null);
    }

    /** The same, keeping the low-level cause (an I/O or gzip error) for logs. */
    public DatasetException(String dataset, String file, String problem, Throwable cause) {
        super(message(dataset, file, problem), cause);
        this.dataset = dataset;
        this.file = file;
        this.problem = problem;
    }

    private static String message(String dataset, String file, String problem) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(problem, "problem");
        String text = file == null || problem.contains(file) ? problem : file + ": " + problem;
        return dataset + ": " + text;
    }

    /** The dataset being loaded, as asked for: {@code "cifar10"}, {@code "iris.csv"}. */
    public String dataset() {
        return dataset;
    }

    /** The file or folder at fault, if the problem is in one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** What is wrong and what to do, without the dataset name in front. */
    public String problem() {
        return problem;
    }
}
