package org.resnetexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Files that are not ordinary files, or not what their size says, for the tests of reading hostile input. */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** A sparse file of {@code size} bytes (zeros), made at once whatever its size. */
    public static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    /** A named pipe at {@code path} (mkfifo); the test is skipped where the system has no mkfifo. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
        } catch (IOException e) {
            assumeThat(false).as("mkfifo is available").isTrue();
            return path;
        }
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).as("mkfifo ended").isTrue();
        assumeThat(mkfifo.exitValue()).as("mkfifo succeeded").isZero();
        return path;
    }
}
