package org.resnetexplorer.files;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.resnetexplorer.files.InputFileException.Reason;
import org.resnetexplorer.i18n.Texts;

/**
 * Reads input files whole, and never more than their format allows (decision 0018). Before a file is opened, its
 * type is checked (a regular file, links followed: a folder, named pipe, device or socket is refused without being
 * opened, so a pipe cannot block and {@code /dev/zero} cannot fill the memory) and its size is compared with the
 * format's limit. Reading then stops after {@code limit + 1} bytes, so a file that grows while it is read, or that
 * reports a size of 0 as those under {@code /proc} do, cannot pass the limit either; gzip content is unpacked up to
 * the same kind of limit, so a small file that unpacks to gigabytes (a "gzip bomb") is refused too.
 *
 * <p>{@code what} names the format in the user's language for the messages, with its article: "a graph file",
 * "an IDX file". Every refusal is an {@link InputFileException} naming the file, what is wrong and what to do.
 */
public final class InputFiles {
    /** The largest limit: Java arrays hold at most about this many bytes. */
    public static final long MAX_LIMIT = Integer.MAX_VALUE - 16;

    /** Mode bits of the file types in a Unix {@code st_mode}. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private InputFiles() {
    }

    /**
     * The bytes of {@code file}, a regular file of at most {@code limit} bytes.
     *
     * @throws InputFileException if it is missing, not a regular file, larger than {@code limit}, or unreadable
     */
    public static byte[] readBytes(Path file, long limit, String what) throws InputFileException {
        String name = Objects.requireNonNull(file, "file").toString();
        checkLimit(limit);
        Objects.requireNonNull(what, "what");
        BasicFileAttributes attributes = attributes(file, name);
        if (attributes.isDirectory()) {
            throw new InputFileException(name, Reason.FOLDER, Texts.format("files.folder", what), null);
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException(name, Reason.NOT_A_FILE, Texts.format(notAFileKey(file), what), null);
        }
        if (attributes.size() > limit) {
            throw tooBig(name, attributes.size(), limit, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readBytes(in, name, limit, what);
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /**
     * The text of {@code file}, UTF-8 (a byte order mark is kept), checked as {@link #readBytes(Path, long, String)}
     * checks it: the one call for a text format such as a preset.
     *
     * @throws InputFileException as {@code readBytes} does, and if the bytes are not UTF-8
     */
    public static String readText(Path file, long limit, String what) throws InputFileException {
        return decode(readBytes(file, limit, what), file.toString(), what);
    }

    /**
     * At most {@code limit} bytes from a stream that is not a file on disk (a resource inside the application);
     * the stream is read no further than {@code limit + 1} bytes and is not closed.
     *
     * @param name how messages name the stream
     * @throws InputFileException if the stream holds more than {@code limit} bytes or cannot be read
     */
    public static byte[] readBytes(InputStream in, String name, long limit, String what) throws InputFileException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        checkLimit(limit);
        try {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new InputFileException(name, Reason.TOO_BIG, Texts.format("files.too.long", ByteSizes.text(limit),
                        what), null);
            }
            return bytes;
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /** Whether {@code bytes} start as a gzip stream does ({@code 1f 8b}). */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /**
     * The bytes a gzip stream unpacks to, at most {@code limit} of them: unpacking stops after {@code limit + 1}
     * bytes, however much the stream claims to hold.
     *
     * @param name how messages name the file the stream came from
     * @throws InputFileException if the content passes {@code limit}, or the stream is truncated or damaged
     */
    public static byte[] gunzip(byte[] compressed, String name, long limit, String what) throws InputFileException {
        Objects.requireNonNull(compressed, "compressed");
        Objects.requireNonNull(name, "name");
        checkLimit(limit);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 16)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new InputFileException(name, Reason.TOO_BIG, Texts.format("files.unpacked.too.big",
                        ByteSizes.text(limit), what, "gzip"), null);
            }
            return bytes;
        } catch (EOFException e) {
            throw new InputFileException(name, Reason.DAMAGED, Texts.format("files.gzip.truncated", "gzip"), e);
        } catch (ZipException e) {
            throw new InputFileException(name, Reason.DAMAGED, Texts.format("files.gzip.damaged", "gzip",
                    e.getMessage()), e);
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    private static void checkLimit(long limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 0 to " + MAX_LIMIT + " bytes, not " + limit);
        }
    }

    /** The file's attributes, links followed, read without opening it. */
    private static BasicFileAttributes attributes(Path file, String name) throws InputFileException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /** The message key for a path that is neither a folder nor a regular file, after its Unix type if known. */
    private static String notAFileKey(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "files.special"; // not a Unix file system: say what matters without naming the kind
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "files.pipe";
            case CHARACTER_DEVICE, BLOCK_DEVICE -> "files.device";
            case SOCKET -> "files.socket";
            default -> "files.special";
        };
    }

    private static InputFileException tooBig(String name, long size, long limit, String what) {
        return new InputFileException(name, Reason.TOO_BIG, Texts.format("files.too.big", ByteSizes.exact(size),
                ByteSizes.text(limit), what), null);
    }

    private static InputFileException failed(String name, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return new InputFileException(name, Reason.MISSING, Texts.get("files.missing"), e);
        }
        if (e instanceof AccessDeniedException) {
            return new InputFileException(name, Reason.DENIED, Texts.get("files.denied"), e);
        }
        return new InputFileException(name, Reason.UNREADABLE, Texts.format("files.unreadable", e.getMessage()), e);
    }

    private static String decode(byte[] bytes, String name, String what) throws InputFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(name, Reason.NOT_TEXT, Texts.format("files.not.text", what), e);
        }
    }
}
