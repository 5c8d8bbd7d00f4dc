package org.resnetexplorer.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resnetexplorer.i18n.Texts;

/**
 * Whole files written whole or not at all, and the clean-up after writes that were cut short (decision 0016).
 *
 * <p>A write goes to a temporary file beside the target, named {@code .NAME.PID-RANDOM.tmp} (the target's name,
 * the writing process's id, 13 random base-36 digits), is forced to disk and then takes the target's place in
 * one step: a crash, a kill or a full disk leaves the old file as it was. A process killed in between leaves
 * its temporary file behind; the next write into that folder, or the next graph opened from it, removes every
 * such file of a process that is no longer running, and any older than {@link #ABANDONED} whatever its process
 * (its id may have been taken by another program since). Files of any other name are never touched.
 */
public final class AtomicFiles {
    /** Age after which a temporary file of ours is removed even if a process with its id runs. */
    public static final Duration ABANDONED = Duration.ofHours(1);
    /** {@code .NAME.PID-RANDOM.tmp}: the name part is anything, the rest exactly as {@link #temporaryName} makes it. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.([0-9]{1,19})-[0-9a-z]{13}\\.tmp", Pattern.DOTALL);
    private static final int RANDOM_DIGITS = 13;
    /** The longest file name common file systems allow, in bytes. */
    private static final int MAX_NAME_BYTES = 255;
    private static final long PID = ProcessHandle.current().pid();

    /** Writes a file's contents to the stream it is given (which it need not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 (each lone surrogate as U+FFFD, so that it never fails on a name), whole or not at all. */
    public static void writeText(String text, Path file) throws IOException {
        write(Unicode.utf8(Objects.requireNonNull(text, "text")), file);
    }

    /** Writes {@code bytes} to {@code file}, whole or not at all. */
    public static void write(byte[] bytes, Path file) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(file, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} writes to {@code file}, replacing it if it exists, whole or not at all: into a
     * temporary file in the same folder, forced to disk, then moved over the file atomically (a plain replace where
     * the file system cannot move atomically). Stale temporary files of earlier writes into the folder are removed
     * first ({@link #removeStale}).
     *
     * @throws IOException if the folder does not exist, the file is a folder, or writing fails; the file is then as it was
     */
    public static void write(Path file, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (Files.isDirectory(target)) {
            // Files.move would replace an empty folder with the file.
            throw new FileSystemException(file.toString(), null, Texts.get("atomicFiles.target.folder"));
        }
        removeStale(target.getParent());
        // Named by us rather than by Files.createTempFile, which would give the saved file owner-only permissions.
        Path temp = target.resolveSibling(temporaryName(target.getFileName().toString(), PID,
                ThreadLocalRandom.current().nextLong()));
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            try (channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        // The content may close its stream (image writers do); the file is forced and closed below.
                        flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /**
     * The temporary file's name for a write of {@code fileName} by process {@code pid}: {@code .NAME.PID-RANDOM.tmp},
     * the name shortened when the whole would pass 255 bytes.
     */
    static String temporaryName(String fileName, long pid, long random) {
        String digits = Long.toUnsignedString(random, 36);
        String tail = "." + pid + "-" + "0".repeat(RANDOM_DIGITS - digits.length()) + digits + ".tmp";
        String name = Unicode.utf8Prefix(fileName, MAX_NAME_BYTES - 1 - Unicode.utf8Length(tail));
        return "." + name + tail;
    }

    /**
     * Removes the temporary files that writes into {@code folder} left behind when they were cut short: those named
     * as {@link #write} names them whose process is no longer running, or that are older than {@link #ABANDONED}.
     * Never fails: a file that cannot be removed (or a folder that cannot be listed) stays for another time.
     *
     * @return the files removed
     */
    public static List<Path> removeStale(Path folder) {
        List<Path> removed = new ArrayList<>();
        if (folder == null) {
            return removed;
        }
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path file : files) {
                if (isStale(file, now)) {
                    try {
                        Files.deleteIfExists(file);
                        removed.add(file);
                    } catch (IOException | SecurityException e) {
                        // another time, or someone else's file we may not remove: it harms nothing where it is
                    }
                }
            }
        } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException e) {
            // the write or the opening goes on: a folder we cannot list keeps its leftovers
        }
        return removed;
    }

    private static boolean isStale(Path file, Instant now) {
        Matcher name = TEMPORARY.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!attributes.isRegularFile()) {
            return false;
        }
        return !isRunning(name.group(1))
                || Duration.between(attributes.lastModifiedTime().toInstant(), now).compareTo(ABANDONED) > 0;
    }

    /** Whether a process with this id runs on this machine (an id too large for a long runs nowhere). */
    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
