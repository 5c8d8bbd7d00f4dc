package org.resnetexplorer.graph;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A graph file cannot be opened: it is missing, unreadable, not a ResNet Explorer graph, or damaged. The message
 * is one line a student can act on, {@code "<file>: <problem>"}, e.g.
 * {@code "nets/mine.json: node 'conv1' (Conv2D) lacks 'filters'"}.
 */
public final class GraphFileException extends Exception {
    /** Transient because paths are not serializable; a deserialized copy still has the file in its message. */
    private final transient Path file;
    private final String problem;

    public GraphFileException(Path file, String problem) {
        this(file, problem, null);
    }

    /** The same, keeping the low-level cause (a parser or I/O error) for logs. */
    public GraphFileException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file, as the caller named it. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file: {@code "node 'conv1' (Conv2D) lacks 'filters'"}. */
    public String problem() {
        return problem;
    }
}
