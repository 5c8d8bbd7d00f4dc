package org.resnetexplorer.charts;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.resnetexplorer.engine.BlockSurgery;
import org.resnetexplorer.engine.GradientShattering;
import org.resnetexplorer.engine.Landscapes;
import org.resnetexplorer.engine.LesionResult;

/**
 * The pictures of a preset's study, from the engine's records of what it measured: each with the file name
 * {@code experiment NAME --png} writes it under and the title the window's Study tab lists it by. One place maps a
 * kind of record to its charts, for the command and the window alike.
 */
public final class StudyCharts {
    /** Draws a picture into {@code width x height} units of {@code g}, background and title included. */
    @FunctionalInterface
    public interface Painter {
        void paint(Graphics2D g, int width, int height, ChartStyle style);
    }

    /**
     * One picture of a study.
     *
     * @param file  its PNG's name, e.g. {@code lesion.png}: fixed by the study, never taken from a file
     * @param title what the window's chooser lists it as, in the user's language
     */
    public record Picture(String file, String title, Painter painter) {
        public Picture {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(painter, "painter");
            if (!file.matches("[a-z0-9-]+\\.png")) {
                throw new IllegalArgumentException("a study picture's file is a plain name like lesion.png, not "
                        + file);
            }
        }

        /** The picture as an image of {@code width x height} points at {@code scale} pixels per point. */
        public BufferedImage render(int width, int height, double scale, ChartStyle style) {
            return ChartFrame.render(width, height, scale, (g, w, h) -> painter.paint(g, w, h, style));
        }
    }

    private StudyCharts() {
    }

    /** The pictures of the records a study returned, in their order; records no chart draws give none. */
    public static List<Picture> of(List<?> findings) {
        List<Picture> pictures = new ArrayList<>();
        // the lesion study's runs share its two pictures (bars side by side), so they are gathered first
        List<LesionResult> lesions = new ArrayList<>();
        for (Object finding : findings) {
            // each kind of record a study returns: its pictures
            Objects.requireNonNull(finding, "finding");
            if (finding instanceof BlockSurgery.Findings surgery) {
                pictures.add(new Picture(InsertBlockChart.FILE, InsertBlockChart.title(),
                        new InsertBlockChart(surgery)::paint));
            }
            if (finding instanceof GradientShattering shattering) {
                pictures.addAll(ShatteredGradientsChart.pictures(shattering));
            }
            if (finding instanceof Landscapes landscapes) {
                pictures.add(new Picture(LossLandscapeChart.FILE, LossLandscapeChart.TITLE,
                        (g, w, h, style) -> LossLandscapeChart.paint(g, landscapes, w, h, style)));
                pictures.add(new Picture(LossLandscapeSliceChart.FILE, LossLandscapeSliceChart.TITLE,
                        (g, w, h, style) -> LossLandscapeSliceChart.paint(g, landscapes, w, h, style)));
            }
            if (finding instanceof LesionResult lesion) {
                lesions.add(lesion);
            }
        }
        if (!lesions.isEmpty()) {
            pictures.addAll(LesionChart.pictures(lesions));
        }
        return List.copyOf(pictures);
    }

    /** Writes every picture as {@code width x height} PNG into {@code folder}; returns the files written. */
    public static List<Path> write(List<Picture> pictures, Path folder, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Picture picture : pictures) {
            written.add(ChartFiles.write(picture.render(width, height, 1, ChartStyle.LIGHT),
                    folder.resolve(picture.file())));
        }
        return written;
    }
}
