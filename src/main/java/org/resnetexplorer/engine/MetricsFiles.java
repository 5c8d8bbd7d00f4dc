package org.resnetexplorer.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.resnetexplorer.data.Dataset;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.files.CsvFields;
import org.resnetexplorer.files.Unicode;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;

/**
 * Writes a run's measurements in tidy form into a folder: {@code metrics.csv}
 * ({@code run,step,metric,layer,value}; layer empty for whole-network metrics), {@code histograms.csv}
 * ({@code run,step,layer,bin_lo,bin_hi,count}) and, when the run ends, {@code run.json} (graph, dataset,
 * settings, seed, library versions, wall time, final figures).
 *
 * <p>Every text cell (run and layer names come from graph files) is quoted as RFC 4180 says and kept from
 * reading as a spreadsheet formula ({@link CsvFields#text}); run.json is written whole or not at all.
 *
 * <p>{@code train_error} and {@code test_error} are measured in inference mode, only at evaluation steps: the
 * error on the run's fixed sample of the training set and on the first test examples (decision 0024);
 * {@code batch_error}, in every row, is the running error of the training batches since the previous row (each
 * batch counted once, BatchNorm on batch statistics); {@code response_std} is per 3x3 convolution (Fig. 7) and per residual block (its branch F(x)).
 */
public final class MetricsFiles implements TrainingListener, AutoCloseable {
    public static final String METRICS = "metrics.csv";
    public static final String HISTOGRAMS = "histograms.csv";
    public static final String RUN = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The folder written into; null for {@link #tables}, which writes into memory. */
    private final Path folder;
    private final Writer metrics;
    private final Writer histograms;

    /** The two CSV files' contents, for a file chosen by the user. */
    public record Tables(String metrics, String histograms) {
    }

    /** Creates the folder if needed and starts both CSV files (replacing earlier ones). */
    public MetricsFiles(Path folder) throws IOException {
        this.folder = Objects.requireNonNull(folder, "folder");
        Files.createDirectories(folder);
        metrics = open(folder.resolve(METRICS));
        try {
            histograms = open(folder.resolve(HISTOGRAMS));
        } catch (IOException e) {
            metrics.close();
            throw e;
        }
        writeHeaders();
    }

    private MetricsFiles(Writer metrics, Writer histograms) throws IOException {
        this.folder = null;
        this.metrics = metrics;
        this.histograms = histograms;
        writeHeaders();
    }

    /** The contents {@code metrics.csv} and {@code histograms.csv} would have for these snapshots. */
    public static Tables tables(List<TrainingSnapshot> snapshots) {
        StringWriter metrics = new StringWriter();
        StringWriter histograms = new StringWriter();
        try (MetricsFiles files = new MetricsFiles(metrics, histograms)) {
            snapshots.forEach(files::snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory does not fail", e);
        }
        return new Tables(metrics.toString(), histograms.toString());
    }

    /** UTF-8 that writes half a character as U+FFFD rather than failing in the middle of a run. */
    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(Unicode.writer(Files.newOutputStream(file)));
    }

    private void writeHeaders() throws IOException {
        metrics.write("run,step,metric,layer,value\n");
        histograms.write("run,step,layer,bin_lo,bin_hi,count\n");
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void snapshot(TrainingSnapshot s) {
        try {
            row(s, "loss", "", s.loss());
            row(s, "batch_error", "", s.batchError());
            if (s.hasTrainError()) {
                row(s, "train_error", "", s.trainError());
            }
            if (s.hasTestError()) {
                row(s, "test_error", "", s.testError());
            }
            row(s, "lr", "", s.learningRate());
            for (TrainingSnapshot.GradientNorm v : s.gradNorms()) {
                row(s, "grad_norm", v.layer(), v.value());
            }
            for (TrainingSnapshot.LayerValue v : s.responseStd()) {
                row(s, "response_std", v.layer(), v.value());
            }
            for (TrainingSnapshot.ResidualResponse r : s.residuals()) {
                row(s, "response_std", r.block(), r.std());
                row(s, "residual_ratio", r.block(), r.ratio());
                TrainingSnapshot.Histogram h = r.histogram();
                long[] counts = h.counts();
                for (int bin = 0; bin < counts.length; bin++) {
                    histograms.write(CsvFields.text(s.run()) + "," + s.step() + "," + CsvFields.text(r.block()) + ","
                            + number(h.binLow(bin)) + "," + number(h.binHigh(bin)) + "," + counts[bin] + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(TrainingSnapshot s, String metric, String layer, double value) throws IOException {
        metrics.write(CsvFields.text(s.run()) + "," + s.step() + "," + metric + "," + CsvFields.text(layer) + ","
                + number(value) + "\n");
    }

    /** Writes run.json for a finished run and flushes the CSV files. */
    public void finish(RunResult result, Network network, Dataset dataset, TrainingSettings settings) throws IOException {
        if (folder == null) {
            throw new IllegalStateException("tables in memory have no run.json");
        }
        metrics.flush();
        histograms.flush();
        ObjectNode root = JSON.createObjectNode();
        root.put("run", result.run());
        root.put("model", network.name());
        root.set("graph", JSON.readTree(GraphFiles.toJson(network)));
        ObjectNode data = root.putObject("dataset");
        data.put("name", dataset.name());
        data.put("train", dataset.train().size());
        data.put("test", dataset.test().size());
        dataset.shape().dims().forEach(data.putArray("shape")::add);
        data.put("classes", dataset.classes());
        ObjectNode s = root.putObject("settings");
        s.put("steps", settings.steps());
        s.put("batch", settings.batch());
        s.put("optimizer", settings.optimizer().id());
        s.put("learningRate", settings.schedule().base());
        settings.schedule().milestones().forEach(s.putArray("milestones")::add);
        s.put("decayFactor", settings.schedule().factor());
        s.put("warmupSteps", settings.schedule().warmupSteps());
        s.put("momentum", settings.momentum());
        s.put("weightDecay", settings.weightDecay());
        s.put("evalEvery", settings.evalEvery());
        s.put("metricsEvery", settings.metricsEvery());
        s.put("testLimit", settings.testLimit());
        root.put("seed", settings.seed());
        ObjectNode versions = root.putObject("versions");
        Package app = MetricsFiles.class.getPackage();
        versions.put("resnetExplorer", app != null && app.getImplementationVersion() != null ? app.getImplementationVersion()
                : "development");
        versions.put("java", System.getProperty("java.version"));
        versions.put("nd4j", Nd4jRuntime.version());
        versions.put("convolutions", Nd4jRuntime.convolutions());
        root.put("wallSeconds", result.wallSeconds());
        root.put("status", result.status().name().toLowerCase(Locale.ROOT));
        root.put("message", result.message());
        ObjectNode last = root.putObject("final");
        last.put("steps", result.steps());
        putNumber(last, "loss", result.loss());
        putNumber(last, "trainError", result.trainError());
        putNumber(last, "testError", result.testError());
        putNumber(last, "stepsPerSecond", result.stepsPerSecond());
        AtomicFiles.writeText(JSON.writeValueAsString(root) + "\n", folder.resolve(RUN));
    }

    /** JSON has no NaN: an unmeasured figure is null. */
    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    @Override
    public void close() throws IOException {
        try (metrics; histograms) {
            metrics.flush();
            histograms.flush();
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "NaN";
    }
}
