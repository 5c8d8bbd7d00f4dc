package org.resnetexplorer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-or-nothing writes, and the clean-up of the temporary files that writes cut short leave behind. */
class AtomicFilesTest {
    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** The id of a process that ran and has ended, so that no process has it now. */
    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive)).as("the process has ended").isNotEqualTo(
                java.util.Optional.of(true));
        return process.pid();
    }

    private Path file(String name, Duration age) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "left by a save that was cut short");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    @DisplayName("a write replaces the file whole and leaves nothing else in the folder")
    void writeReplaces() throws Exception {
        Path file = Files.writeString(dir.resolve("net.json"), "old ".repeat(5000));

        AtomicFiles.writeText("new", file);

        assertThat(file).hasContent("new");
        assertThat(names()).containsExactly("net.json");
    }

    @Test
    @DisplayName("a write that fails half-way leaves the old file as it was and no temporary file")
    void failedWriteKeepsOldFile() throws Exception {
        Path file = Files.writeString(dir.resolve("chart.png"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(file).hasContent("old");
        assertThat(names()).containsExactly("chart.png");
    }

    @Test
    @DisplayName("content that closes its stream (as image writers do) is still written whole")
    void contentMayCloseTheStream() throws Exception {
        Path file = dir.resolve("image.png");

        AtomicFiles.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            out.close();
        });

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(names()).containsExactly("image.png");
    }

    @Test
    @DisplayName("writing onto a folder is refused with a message and leaves the folder as it was")
    void folderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("net.json"));

        assertThatThrownBy(() -> AtomicFiles.writeText("x", folder)).isInstanceOf(FileSystemException.class)
                .hasMessage(folder + ": is a folder: save to a file inside it");

        assertThat(folder).isEmptyDirectory();
        assertThat(names()).containsExactly("net.json");
    }

    @Test
    @DisplayName("half a character in the text is written as U+FFFD instead of failing the write")
    void loneSurrogatesAreReplaced() throws Exception {
        Path file = dir.resolve("run.json");

        AtomicFiles.writeText("{\"run\": \"a\uD800b\uDC00c\uD83D\uDE00\"}", file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"run\": \"a\uFFFDb\uFFFDc\uD83D\uDE00\"}");
    }

    @Test
    @DisplayName("temporary names follow the one pattern, shortened to 255 bytes when the file's name is long")
    void temporaryNames() {
        assertThat(AtomicFiles.temporaryName("net.json", 4242, 0)).isEqualTo(".net.json.4242-0000000000000.tmp");
        assertThat(AtomicFiles.temporaryName("net.json", 4242, -1)).isEqualTo(".net.json.4242-3w5e11264sgsf.tmp");
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            String name = "网".repeat(random.nextInt(120)) + "x".repeat(random.nextInt(200));
            String temp = AtomicFiles.temporaryName(name, random.nextInt(Integer.MAX_VALUE), random.nextLong());
            assertThat(temp.getBytes(StandardCharsets.UTF_8).length).as("bytes of %s", temp).isLessThanOrEqualTo(255);
            assertThat(temp).matches("\\..+\\.[0-9]+-[0-9a-z]{13}\\.tmp");
        }
    }

    @Test
    @DisplayName("the next write removes our temporary files of ended processes and old ones, and nothing else")
    void staleTemporaryFilesAreRemoved() throws Exception {
        long ended = endedProcess();
        Path target = dir.resolve("net.json");
        List<Path> stale = List.of(
                file(AtomicFiles.temporaryName("net.json", ended, 1), Duration.ZERO),
                file(AtomicFiles.temporaryName("other.json", ended, -7), Duration.ofDays(3)),
                file(AtomicFiles.temporaryName("网络.json", ended, 99), Duration.ofSeconds(2)),
                file(AtomicFiles.temporaryName("net.json", SELF, 2), Duration.ofHours(2)));
        // A save of this very process (another thread) that is under way: its file must stay.
        Path underWay = file(AtomicFiles.temporaryName("net.json", SELF, 3), Duration.ZERO);
        List<Path> decoys = List.of(
                file(".net.json.tmp", Duration.ofDays(30)),
                file("net.json.tmp", Duration.ofDays(30)),
                file("notes.tmp", Duration.ofDays(30)),
                file(".net.json." + ended + "-abc.tmp", Duration.ofDays(30)),
                file(".net.json." + ended + "-ABCDEFGHIJKLM.tmp", Duration.ofDays(30)),
                file(AtomicFiles.temporaryName("net.json", ended, 4) + ".bak", Duration.ofDays(30)),
                file("x" + AtomicFiles.temporaryName("net.json", ended, 5), Duration.ofDays(30)),
                file("." + ended + "-0000000000000.tmp", Duration.ofDays(30)),
                file(".net.json.k3j2h4.tmp", Duration.ofDays(30)));
        Path folderLikeOurs = Files.createDirectory(dir.resolve(AtomicFiles.temporaryName("dir", ended, 6)));
        Path linkTarget = file("kept.json", Duration.ZERO);
        Path link = Files.createSymbolicLink(dir.resolve(AtomicFiles.temporaryName("link", ended, 7)), linkTarget);

        AtomicFiles.writeText("saved", target);

        assertThat(stale).as("stale temporary files of ours").allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(underWay).as("a save under way in a running process").exists();
        assertThat(decoys).as("files that are not ours").allSatisfy(p -> assertThat(p).exists());
        assertThat(folderLikeOurs).as("a folder named like ours").isDirectory();
        assertThat(link).as("a link named like ours").isSymbolicLink();
        assertThat(linkTarget).exists();
        assertThat(target).hasContent("saved");
    }

    @Test
    @DisplayName("removeStale on a folder that does not exist or a file removes nothing and does not fail")
    void removeStaleNeverFails() throws Exception {
        assertThat(AtomicFiles.removeStale(dir.resolve("missing"))).isEmpty();
        assertThat(AtomicFiles.removeStale(Files.writeString(dir.resolve("file"), "x"))).isEmpty();
        assertThat(AtomicFiles.removeStale(null)).isEmpty();
    }
}
