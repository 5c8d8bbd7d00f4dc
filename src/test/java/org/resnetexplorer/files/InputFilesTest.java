package org.resnetexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resnetexplorer.files.InputFileException.Reason;
import org.resnetexplorer.i18n.Texts;

/** Input files are checked for type and size before they are read, and never read past their limit. */
@DisplayName("InputFiles: type and size before reading")
class InputFilesTest {
    private static final String WHAT = "a test file";

    @TempDir
    Path dir;

    private static InputFileException refusal(ThrowingRead read) {
        try {
            read.run();
        } catch (InputFileException e) {
            return e;
        }
        throw new AssertionError("the read was not refused");
    }

    private interface ThrowingRead {
        void run() throws InputFileException;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("files of generated sizes around generated limits read whole up to the limit and are refused one byte over")
    void sizesAroundTheLimit() throws Exception {
        Random random = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            long limit = trial < 4 ? trial : random.nextInt(1 << (1 + random.nextInt(17)));
            for (long size : new long[] {Math.max(0, limit - 1), limit, limit + 1}) {
                byte[] bytes = new byte[(int) size];
                random.nextBytes(bytes);
                Path path = file("f" + trial + "-" + size, bytes);
                if (size <= limit) {
                    assertThat(InputFiles.readBytes(path, limit, WHAT)).as("%d bytes, limit %d", size, limit)
                            .isEqualTo(bytes);
                } else {
                    InputFileException e = refusal(() -> InputFiles.readBytes(path, limit, WHAT));
                    assertThat(e.reason()).as("%d bytes, limit %d", size, limit).isEqualTo(Reason.TOO_BIG);
                    assertThat(e.getMessage()).startsWith(path + ": is ").contains(WHAT)
                            .contains(String.format("%,d bytes", size), ByteSizes.text(limit));
                }
            }
        }
    }

    @Test
    @DisplayName("a sparse file of 6 GB is refused at once, by its size, without reading it")
    void sparseFile() throws IOException {
        Path sparse = SpecialFiles.sparse(dir.resolve("disk.img"), 6_000_000_000L);
        InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> refusal(() -> InputFiles.readBytes(sparse, 32_000_000, WHAT)));
        assertThat(e.reason()).isEqualTo(Reason.TOO_BIG);
        assertThat(e.getMessage()).isEqualTo(sparse + ": is 6,000,000,000 bytes (6 GB), more than the 32 MB a test file"
                + " may have: check that it is a test file (a file that large would fill the memory)");
    }

    @Test
    @DisplayName("a named pipe is refused without being opened, so reading it never waits for a writer")
    void namedPipe() throws Exception {
        Path pipe = dir.resolve("pipe.json");
        SpecialFiles.fifo(pipe);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), pipe);
        for (Path path : new Path[] {pipe, link}) {
            InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> refusal(() -> InputFiles.readBytes(path, 1000, WHAT)));
            assertThat(e.reason()).isEqualTo(Reason.NOT_A_FILE);
            assertThat(e.getMessage()).isEqualTo(path + ": is a named pipe, not a test file: give the path of a file"
                    + " saved on disk");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/zero", "/dev/urandom", "/dev/null"})
    @DisplayName("a device is refused without being read")
    void devices(String device) {
        Path path = Path.of(device);
        assumeThat(Files.exists(path)).as(device + " exists").isTrue();
        InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> refusal(() -> InputFiles.readBytes(path, 1_000_000, WHAT)));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_FILE);
        assertThat(e.getMessage()).isEqualTo(device + ": is a device, not a test file: give the path of a file saved"
                + " on disk");
    }

    @Test
    @DisplayName("a file that reports a size of 0 but holds more (as under /proc) is read no further than its limit")
    void procFile() throws InputFileException {
        Path status = Path.of("/proc/self/status");
        assumeThat(Files.isRegularFile(status)).as("/proc is mounted").isTrue();
        InputFileException e = refusal(() -> InputFiles.readBytes(status, 16, WHAT));
        assertThat(e.reason()).isEqualTo(Reason.TOO_BIG);
        assertThat(e.problem()).isEqualTo("holds more than the 16 bytes a test file may have (it grew while it was read,"
                + " or is not a file on disk): check that it is a test file");
        assertThat(InputFiles.readText(status, 1_000_000, WHAT)).contains("Name:");
    }

    @Test
    @DisplayName("a stream is read no further than its limit plus one byte")
    void streams() throws InputFileException {
        byte[] bytes = new byte[5000];
        new Random(3).nextBytes(bytes);
        assertThat(InputFiles.readBytes(new ByteArrayInputStream(bytes), "r", 5000, WHAT)).isEqualTo(bytes);
        ByteArrayInputStream longer = new ByteArrayInputStream(bytes);
        InputFileException e = refusal(() -> InputFiles.readBytes(longer, "/assets/r.gz", 4999, WHAT));
        assertThat(e.reason()).isEqualTo(Reason.TOO_BIG);
        assertThat(e.getMessage()).startsWith("/assets/r.gz: holds more than the 5 kB a test file may have");
        ByteArrayInputStream endless = new ByteArrayInputStream(new byte[100_000]);
        refusal(() -> InputFiles.readBytes(endless, "r", 1000, WHAT));
        assertThat(endless.available()).as("bytes left unread").isEqualTo(100_000 - 1001);
    }

    @Test
    @DisplayName("folders, missing paths and links that lead nowhere are named as such; a link to a file reads it")
    void foldersAndMissingFiles() throws IOException, InputFileException {
        Path folder = Files.createDirectory(dir.resolve("nets"));
        assertThat(refusal(() -> InputFiles.readBytes(folder, 10, WHAT)).getMessage())
                .isEqualTo(folder + ": is a folder, not a test file: choose a file inside it");
        assertThat(refusal(() -> InputFiles.readBytes(folder, 10, WHAT)).reason()).isEqualTo(Reason.FOLDER);
        Path missing = dir.resolve("missing.json");
        assertThat(refusal(() -> InputFiles.readBytes(missing, 10, WHAT)).getMessage())
                .isEqualTo(missing + ": does not exist: check the folder and the file name");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), missing);
        assertThat(refusal(() -> InputFiles.readBytes(dangling, 10, WHAT)).reason()).isEqualTo(Reason.MISSING);
        Path real = file("real.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        assertThat(InputFiles.readText(link, 5, WHAT)).isEqualTo("hello");
        assertThat(refusal(() -> InputFiles.readText(link, 4, WHAT)).reason()).isEqualTo(Reason.TOO_BIG);
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        assertThat(refusal(() -> InputFiles.readBytes(toFolder, 10, WHAT)).reason()).isEqualTo(Reason.FOLDER);
    }

    @Test
    @DisplayName("text must be UTF-8; any UTF-8 reads as written, non-BMP characters and a byte order mark included")
    void text() throws IOException, InputFileException {
        String written = "\uFEFFnet 🧠 网络\n";
        Path utf8 = file("utf8.txt", written.getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.readText(utf8, 100, WHAT)).isEqualTo(written);
        Path latin1 = file("latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        InputFileException e = refusal(() -> InputFiles.readText(latin1, 100, WHAT));
        assertThat(e.reason()).isEqualTo(Reason.NOT_TEXT);
        assertThat(e.getMessage()).isEqualTo(latin1 + ": is not UTF-8 text: is it a test file?");
    }

    @Test
    @DisplayName("gzip content of generated sizes unpacks up to the limit; a gzip bomb is refused after limit + 1 bytes")
    void gzipLimits() throws IOException, InputFileException {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int limit = random.nextInt(1 << 16);
            for (int size : new int[] {Math.max(0, limit - 1), limit, limit + 1}) {
                byte[] content = new byte[size];
                random.nextBytes(content);
                byte[] packed = gzip(content);
                if (size <= limit) {
                    assertThat(InputFiles.gunzip(packed, "f.gz", limit, WHAT)).isEqualTo(content);
                } else {
                    assertThat(refusal(() -> InputFiles.gunzip(packed, "f.gz", limit, WHAT)).reason())
                            .isEqualTo(Reason.TOO_BIG);
                }
            }
        }
        byte[] bomb = gzip(new byte[100_000_000]);
        assertThat(bomb.length).as("a bomb is small on disk").isLessThan(200_000);
        InputFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> refusal(() -> InputFiles.gunzip(bomb, "bomb.gz", 1_000_000, WHAT)));
        assertThat(e.getMessage()).isEqualTo("bomb.gz: unpacks (gzip) to more than the 1 MB a test file may have: it is"
                + " not a test file, or it is damaged: fetch it again");
    }

    @Test
    @DisplayName("a truncated or damaged gzip stream is refused as damaged, saying to fetch the file again")
    void damagedGzip() throws IOException {
        byte[] packed = gzip("0123456789".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        assertThat(InputFiles.isGzip(packed)).isTrue();
        byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
        InputFileException cut = refusal(() -> InputFiles.gunzip(truncated, "cut.gz", 1_000_000, WHAT));
        assertThat(cut.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(cut.problem()).startsWith("is truncated: its gzip stream ends early");
        byte[] flipped = packed.clone();
        for (int i = 12; i < flipped.length - 8; i += 3) {
            flipped[i] ^= (byte) 0x5a;
        }
        InputFileException broken = refusal(() -> InputFiles.gunzip(flipped, "broken.gz", 1_000_000, WHAT));
        assertThat(broken.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(broken.problem()).startsWith("is ").endsWith("fetch the file again");
    }

    @Test
    @DisplayName("a limit outside 0 to the largest array is a programming error")
    void limits() throws IOException {
        Path path = file("x", new byte[1]);
        assertThatThrownBy(() -> InputFiles.readBytes(path, -1, WHAT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputFiles.readBytes(path, InputFiles.MAX_LIMIT + 1, WHAT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("refusals speak Chinese when the app does")
    void chinese() {
        Texts.Language before = Texts.language();
        try {
            Texts.use(Texts.Language.CHINESE);
            Path device = Path.of("/dev/zero");
            assumeThat(Files.exists(device)).isTrue();
            assertThat(refusal(() -> InputFiles.readBytes(device, 10, "测试文件")).getMessage())
                    .isEqualTo("/dev/zero: 是设备，不是测试文件：请给出保存在磁盘上的文件的路径");
            assertThat(ByteSizes.exact(2_000)).isEqualTo("2,000 字节 (2 kB)");
        } finally {
            Texts.use(before);
        }
    }

    @Test
    @DisplayName("sizes are written in decimal units with three significant figures, never negative or wrapped")
    void byteSizes() {
        assertThat(ByteSizes.text(0)).isEqualTo("0 bytes");
        assertThat(ByteSizes.text(999)).isEqualTo("999 bytes");
        assertThat(ByteSizes.text(1000)).isEqualTo("1 kB");
        assertThat(ByteSizes.text(30_730_000)).isEqualTo("30.7 MB");
        assertThat(ByteSizes.text(32_000_000)).isEqualTo("32 MB");
        assertThat(ByteSizes.text(6_442_450_944L)).isEqualTo("6.44 GB");
        assertThat(ByteSizes.text(Long.MAX_VALUE)).isEqualTo("9.22 EB");
        assertThat(ByteSizes.exact(47_040_016)).isEqualTo("47,040,016 bytes (47 MB)");
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            long bytes = random.nextLong() >>> (1 + random.nextInt(63));
            assertThat(ByteSizes.text(bytes)).as("%d", bytes).matches("\\d{1,3}(\\.\\d{1,2})? (bytes|kB|MB|GB|TB|PB|EB)");
        }
    }

    @Test
    @DisplayName("a file written while it is read cannot pass its limit")
    void growingFile() throws Exception {
        Path growing = file("growing.log", new byte[0]);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing)) {
                for (int i = 0; i < 2000 && !Thread.currentThread().isInterrupted(); i++) {
                    out.write(new byte[4096]);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the test ends the writer
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 50; i++) {
                try {
                    assertThat(InputFiles.readBytes(growing, 100_000, WHAT).length).isLessThanOrEqualTo(100_000);
                } catch (InputFileException e) {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_BIG);
                }
            }
        } finally {
            writer.interrupt();
            writer.join();
        }
    }
}
