package org.resnetexplorer.ui.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.resnetexplorer.charts.ChartFiles;
import org.resnetexplorer.charts.ChartStyle;
import org.resnetexplorer.engine.MetricsFiles;
import org.resnetexplorer.engine.TrainingSnapshot;
import org.resnetexplorer.files.AtomicFiles;
import org.resnetexplorer.i18n.Texts;

/** Writes charts as PNG and the runs' measurements as CSV, with messages that say what went wrong and what to do. */
final class ChartExport {
    /** Exported charts are the size of {@code train --png}'s, in points; 2x doubles the pixels. */
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;

    static final String BAD_SCALE = Texts.get("chartExport.bad.scale");
    static final String CANNOT_WRITE = Texts.get("chartExport.cannot.write");
    static final String PERMISSION_DENIED = Texts.get("chartExport.permission.denied");
    static final String FILE_IN_THE_WAY = Texts.get("chartExport.file.in.the.way");
    static final String NO_FOLDER = Texts.get("chartExport.no.folder");
    static final String PATH_THROUGH_FILE = Texts.get("chartExport.path.through.file");

    private ChartExport() {
    }

    /** Writes the chart as a PNG of {@code WIDTH x HEIGHT} points at {@code scale} pixels per point, as the app shows it. */
    static Path png(Chart chart, Path file, double scale) throws IOException {
        return png(chart, file, scale, ChartStyle.LIGHT);
    }

    /**
     * Writes the chart in {@code style} (the window's theme and text scale: a chart exported in presentation mode
     * has its large text and thick lines) as a PNG of {@code WIDTH x HEIGHT} points at {@code scale} pixels per point.
     */
    static Path png(Chart chart, Path file, double scale, ChartStyle style) throws IOException {
        if (!(scale > 0 && scale <= 4)) {
            throw new IOException(String.format(java.util.Locale.ROOT, BAD_SCALE, scale));
        }
        Path target = file.toAbsolutePath();
        ensureFolder(target.getParent());
        BufferedImage image = chart.render(WIDTH, HEIGHT, scale, BufferedImage.TYPE_INT_RGB, style);
        try {
            return ChartFiles.write(image, target);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /**
     * Writes the measurements of every run in the engine's tidy format: {@code file} as MetricsFiles'
     * {@code metrics.csv} and, beside it, {@code NAME-histograms.csv}. Returns both files.
     */
    static List<Path> csv(List<TrainingSnapshot> snapshots, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        ensureFolder(folder);
        String name = target.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path histograms = folder.resolve(stem + "-histograms.csv");
        MetricsFiles.Tables tables = MetricsFiles.tables(snapshots);
        try {
            AtomicFiles.writeText(tables.metrics(), target);
            AtomicFiles.writeText(tables.histograms(), histograms);
            return List.of(target, histograms);
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    /** Creates the folder if needed; a clear message if it cannot be used. */
    static void ensureFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw failure(folder, e);
        }
        if (!Files.isWritable(folder)) {
            throw new IOException(String.format(CANNOT_WRITE, folder, PERMISSION_DENIED));
        }
    }

    /** An exception whose message names the file, the reason and what to do. */
    static IOException failure(Path path, IOException e) {
        if (e.getMessage() != null && e.getMessage().endsWith(String.format(CANNOT_WRITE, "", "").substring(3))) {
            return e;
        }
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = PERMISSION_DENIED;
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            reason = String.format(FILE_IN_THE_WAY, ((FileSystemException) e).getFile());
        } else if (e instanceof NoSuchFileException) {
            reason = NO_FOLDER;
        } else if (e instanceof FileSystemException fs && "Not a directory".equals(fs.getReason())) {
            reason = PATH_THROUGH_FILE;
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new IOException(String.format(CANNOT_WRITE, path, reason), e);
    }
}
