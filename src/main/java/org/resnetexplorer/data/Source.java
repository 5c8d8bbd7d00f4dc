package org.resnetexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.resnetexplorer.i18n.Texts;

/**
 * A data file: a path on disk, or a classpath resource of the bundled data. Reading it gives its bytes, gunzipped
 * when the file is gzip (told by its first bytes, not its name, so a gzipped file without {@code .gz} and a plain
 * one with it both read).
 */
final class Source {
    private final Path path;
    private final String resource;

    private Source(Path path, String resource) {
        this.path = path;
        this.resource = resource;
    }

    static Source file(Path path) {
        return new Source(path, null);
    }

    /** A resource by its absolute classpath name, e.g. {@code /assets/datasets/x.gz}. */
    static Source resource(String name) {
        return new Source(null, name);
    }

    /** How messages name it: the path, or the resource name. */
    String name() {
        return path != null ? path.toString() : resource;
    }

    boolean exists() {
        if (path != null) {
            return Files.isRegularFile(path);
        }
        return Source.class.getResource(resource) != null;
    }

    /** All bytes, gunzipped if the file is gzip. */
    byte[] readAll(String dataset) throws DatasetException {
        if (path != null && Files.isDirectory(path)) {
            throw new DatasetException(dataset, name(), Texts.format("source.folder", name()));
        }
        try (InputStream raw = open(dataset); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
                    return gz.readAllBytes();
                }
            }
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DatasetException(dataset, name(), Texts.format("source.gzip.truncated", name(), "gzip"), e);
        } catch (ZipException e) {
            throw new DatasetException(dataset, name(), Texts.format("source.gzip.damaged", name(), "gzip",
                    e.getMessage()), e);
        } catch (IOException e) {
            throw new DatasetException(dataset, name(), Texts.format("source.unreadable", name(), e.getMessage()), e);
        }
    }

    private InputStream open(String dataset) throws DatasetException, IOException {
        if (path == null) {
            InputStream in = Source.class.getResourceAsStream(resource);
            if (in == null) {
                throw new DatasetException(dataset, resource, Texts.format("source.not.bundled", resource, "assets/"));
            }
            return in;
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new DatasetException(dataset, name(), Texts.format("source.missing", name()), e);
        } catch (AccessDeniedException e) {
            throw new DatasetException(dataset, name(), Texts.format("source.denied", name()), e);
        }
    }
}
