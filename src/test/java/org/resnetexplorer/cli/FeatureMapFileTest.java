package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --png} draws the feature maps of the trained CNN, without a display. */
class FeatureMapFileTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("--png on Fashion-MNIST writes feature-maps.png of 1200x800 with maps in both signs; on 2-D points it does not")
    void writesFeatureMaps() throws IOException {
        Path out = temp.resolve("cnn");
        Run result = Run.of("train", "cifar-resnet-8", "--dataset", "fashion-mnist", "--downscale", "--width", "4",
                "--steps", "20", "--eval-every", "10", "--test-limit", "100", "--png", "--quiet", "--out", out.toString());
        assertThat(result.code()).as("exit code, stderr: %s", result.err()).isZero();
        BufferedImage image = ImageIO.read(out.resolve(FeatureMapFile.NAME).toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        int red = 0;
        int blue = 0;
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                Color c = new Color(image.getRGB(x, y));
                red += c.getRed() > c.getBlue() + 60 ? 1 : 0;
                blue += c.getBlue() > c.getRed() + 60 ? 1 : 0;
            }
        }
        assertThat(red).as("positive map values drawn red").isGreaterThan(200);
        assertThat(blue).as("negative map values drawn blue").isGreaterThan(200);
        assertThat(result.out()).contains(FeatureMapFile.NAME);

        Path points = temp.resolve("spiral");
        Run spiral = Run.of("train", "mlp-resnet-8", "--dataset", "spiral", "--steps", "10", "--png", "--quiet",
                "--out", points.toString());
        assertThat(spiral.code()).as("stderr: %s", spiral.err()).isZero();
        assertThat(Files.exists(points.resolve(FeatureMapFile.NAME))).as("no feature maps of 2-D points").isFalse();
    }
}
