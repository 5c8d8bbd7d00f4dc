package org.resnetexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.resnetexplorer.files.InputFileException;
import org.resnetexplorer.files.InputFiles;
import org.resnetexplorer.i18n.Texts;

/**
 * A data file: a path on disk, or a classpath resource of the bundled data. Reading it gives its bytes, gunzipped
 * when the file is gzip (told by its first bytes, not its name, so a gzipped file without {@code .gz} and a plain
 * one with it both read). Neither the file nor what it unpacks to may pass the format's limit (decision 0018).
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

    /**
     * All bytes, gunzipped if the file is gzip.
     *
     * @param limit the most bytes the format may have, in the file and unpacked alike
     * @param what  the format for messages, with its article: "an IDX file"
     */
    byte[] readAll(String dataset, long limit, String what) throws DatasetException {
        try {
            byte[] bytes = path != null ? InputFiles.readBytes(path, limit, what) : readResource(dataset, limit, what);
            return InputFiles.isGzip(bytes) ? InputFiles.gunzip(bytes, name(), limit, what) : bytes;
        } catch (InputFileException e) {
            throw new DatasetException(dataset, name(), e.problem(), e);
        }
    }

    private byte[] readResource(String dataset, long limit, String what) throws DatasetException, InputFileException {
        try (InputStream in = Source.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatasetException(dataset, resource, Texts.format("source.not.bundled", resource, "assets/"));
            }
            return InputFiles.readBytes(in, resource, limit, what);
        } catch (IOException e) {
            // only closing the stream can fail here: reading reports its own errors
            throw new DatasetException(dataset, resource, Texts.format("files.unreadable", e.getMessage()), e);
        }
    }
}
