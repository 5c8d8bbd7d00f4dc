package org.resnetexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Tiny dataset files for the tests, written in the real formats. */
final class DataFiles {
    private DataFiles() {
    }

    /** The pixel value of pixel {@code p} of image {@code i} in the files these helpers write. */
    static int pixel(int i, int p) {
        return (i * 31 + p * 7) % 256;
    }

    /** IDX images: {@code count} images of rows x cols, pixel(i, p), label i % classes. */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) pixel(i, p));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int count, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(0x00000801).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % classes));
        }
        return b.array();
    }

    /** A folder of the four MNIST IDX files: 20 train and 10 test images of 4x4, 10 classes. */
    static Path mnistFolder(Path dir, boolean gzip) {
        write(dir.resolve("train-images-idx3-ubyte" + (gzip ? ".gz" : "")), idxImages(20, 4, 4), gzip);
        write(dir.resolve("train-labels-idx1-ubyte" + (gzip ? ".gz" : "")), idxLabels(20, 10), gzip);
        write(dir.resolve("t10k-images-idx3-ubyte" + (gzip ? ".gz" : "")), idxImages(10, 4, 4), gzip);
        write(dir.resolve("t10k-labels-idx1-ubyte" + (gzip ? ".gz" : "")), idxLabels(10, 10), gzip);
        return dir;
    }

    /** A CIFAR-10 binary batch: {@code count} records, label (first + i) % 10, channel c pixel p = cifarPixel. */
    static byte[] cifarBatch(int count, int first) {
        ByteBuffer b = ByteBuffer.allocate(count * 3073);
        for (int i = 0; i < count; i++) {
            b.put((byte) ((first + i) % 10));
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    b.put((byte) cifarPixel(first + i, c, p));
                }
            }
        }
        return b.array();
    }

    static int cifarPixel(int image, int channel, int p) {
        return (image * 13 + channel * 80 + p) % 256;
    }

    /** The six batch files, 4 records in each training batch and 5 in the test batch. */
    static Path cifarFolder(Path dir) {
        for (int k = 1; k <= 5; k++) {
            write(dir.resolve("data_batch_" + k + ".bin"), cifarBatch(4, (k - 1) * 4), false);
        }
        write(dir.resolve("test_batch.bin"), cifarBatch(5, 100), false);
        return dir;
    }

    static Path write(Path file, byte[] bytes, boolean gzip) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, gzip ? gzip(bytes) : bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeText(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8), false);
    }

    static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
