package org.resnetexplorer.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.resnetexplorer.files.AtomicFiles;

/**
 * Writes the charts of finished runs as PNG files, with no display needed: what {@code train --png} leaves in
 * its folder for a teacher's slides.
 */
public final class ChartFiles {
    public static final String ERROR_CURVES = "error-curves.png";
    public static final String GRADIENT_NORMS = "gradient-norms.png";
    public static final String RESIDUAL_RESPONSES = "residual-responses.png";

    private ChartFiles() {
    }

    /**
     * Writes error curves, the gradient-norm heatmap of the first run and the residual responses, each
     * {@code width x height} pixels, into {@code folder}; returns the files written.
     */
    public static List<Path> writeAll(List<RunHistory> runs, Path folder, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        Files.createDirectories(folder);
        Path errors = write(ErrorCurves.plot(runs, 0, false).render(width, height, 1), folder.resolve(ERROR_CURVES));
        Path norms = write(GradientNormHeatmap.render(runs.get(0), width, height, 1), folder.resolve(GRADIENT_NORMS));
        Path responses = write(ResidualResponses.plot(runs).render(width, height, 1), folder.resolve(RESIDUAL_RESPONSES));
        return List.of(errors, norms, responses);
    }

    /** Writes the image as PNG, whole or not at all ({@link AtomicFiles#write}: a temporary file moved into place). */
    public static Path write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            // In memory: ImageIO's default cache would put a file of its own into the system's temporary folder.
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("no PNG writer is available");
                }
            }
        });
        return file;
    }
}
