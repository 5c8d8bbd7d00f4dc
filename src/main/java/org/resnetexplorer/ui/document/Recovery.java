package org.resnetexplorer.ui.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.work.BackgroundWork;


/**
 * The autosaved copy of the graph being edited (decision 0009): {@value #GRAPH} in the recovery folder, written
 * a few seconds after each unsaved change, beside {@value #ORIGIN} naming the file it was opened from (empty for
 * a new graph), each whole or not at all ({@link AtomicFiles}). A clean save or close removes both; finding them
 * at start means the app did not close cleanly. Writes happen one at a time, in order, off the FX thread
 * ({@link BackgroundWork#inOrder}), so the FX thread never waits for the disk.
 */
public final class Recovery implements AutoCloseable {
    public static final String GRAPH = "recovered-graph.json";
    static final String ORIGIN = "origin.txt";
    /** Beside the graph when the app restarted on purpose (a new language): "modified" or "saved". */
    public static final String HAND_OVER = "restart.txt";
    private static final String MODIFIED = "modified";
    private static final String SAVED = "saved";
    static final String AUTOSAVE_FAILED = Texts.get("recovery.autosave.failed");

    /** What a recovery file holds: the graph and the file it came from, if any. */
    record Recovered(GraphDocument document, Optional<Path> origin) {
        Network network() {
            return document.network();
        }
    }

    private final Path folder;
    private final Executor writer;
    /** Closed: writes asked for from now on are skipped (those asked for before still happen). */
    private volatile boolean closed;

    /** The recovery files in {@code folder}, written through {@code work}. */
    public Recovery(Path folder, BackgroundWork work) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.writer = work.inOrder("autosave");
    }

    Path graphFile() {
        return folder.resolve(GRAPH);
    }

    /** Writes {@code network} in the background; {@code failed} gets a message (on the writer thread) on error. */
    Future<?> save(Network network, Path origin, Consumer<String> failed) {
        return save(GraphDocument.opened(network), origin, failed);
    }

    /** Writes {@code document} (with its layout) in the background, as {@link #save(Network, Path, Consumer)}. */
    Future<?> save(GraphDocument document, Path origin, Consumer<String> failed) {
        return write(() -> {
            try {
                writeGraph(document, origin);
            } catch (IOException | RuntimeException e) {
                failed.accept(String.format(AUTOSAVE_FAILED, folder, e.getMessage()));
            }
        });
    }

    /**
     * Writes {@code document} and a note that the app restarts on purpose, waiting until they are on disk: the
     * next start reopens the graph as it was ({@code modified} or not) without asking about a crash.
     *
     * @throws IOException if the files cannot be written (then the app must not restart)
     */
    void handOver(GraphDocument document, Path origin, boolean modified) throws IOException {
        Future<?> done = write(() -> {
            writeGraph(document, origin);
            AtomicFiles.writeText(modified ? MODIFIED : SAVED, folder.resolve(HAND_OVER));
        });
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("the disk did not answer within 10 s", e);
        }
    }

    /** Whether the last session handed its graph over ({@link #handOver}): present with "was it modified". */
    Optional<Boolean> handedOver() {
        try {
            return Optional.of(MODIFIED.equals(Files.readString(folder.resolve(HAND_OVER), StandardCharsets.UTF_8).trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Forgets that the graph was handed over; the graph itself stays as an autosave. */
    void clearHandOver() {
        try {
            Files.deleteIfExists(folder.resolve(HAND_OVER));
        } catch (IOException e) {
            // at worst the next start reopens the autosave without asking: the graph is not lost
        }
    }

    /** Removes the recovery files, after any write still queued; waits up to two seconds for it. */
    void discard() {
        Future<?> done = write(() -> {
            try {
                Files.deleteIfExists(graphFile());
                Files.deleteIfExists(folder.resolve(ORIGIN));
                Files.deleteIfExists(folder.resolve(HAND_OVER));
            } catch (IOException e) {
                // an old recovery file is offered again next time: harmless
            }
        });
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // as above
        }
    }

    /**
     * The graph left by a session that did not close cleanly, if any.
     *
     * @throws GraphFileException if the recovery file is there but cannot be read
     */
    Optional<Recovered> find() throws GraphFileException {
        if (!Files.isRegularFile(graphFile())) {
            return Optional.empty();
        }
        GraphDocument document = GraphFiles.loadDocument(graphFile());
        Optional<Path> origin = Optional.empty();
        try {
            String text = Files.readString(folder.resolve(ORIGIN), StandardCharsets.UTF_8).trim();
            if (!text.isEmpty()) {
                origin = Optional.of(Path.of(text));
            }
        } catch (IOException | RuntimeException e) {
            // no origin: recovered as a new graph
        }
        return Optional.of(new Recovered(document, origin));
    }

    /** No more writes: those asked for from now on are skipped. */
    @Override
    public void close() {
        closed = true;
    }

    private void writeGraph(GraphDocument document, Path origin) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.writeText(origin == null ? "" : origin.toAbsolutePath().toString(), folder.resolve(ORIGIN));
        GraphFiles.saveDocument(document, graphFile());
    }

    /** A write of the recovery files. */
    private interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write} after the writes before it, off the FX thread; done at once once closed. */
    private Future<Void> write(Write write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.complete(null);
            return done;
        }
        writer.execute(() -> {
            try {
                write.run();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
