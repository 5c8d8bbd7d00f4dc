package org.resnetexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * CIFAR-10's binary version: {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin},
 * each a run of 3073-byte records (1 label byte 0-9, then 1024 red, 1024 green and 1024 blue bytes of a 32x32
 * image, row-major), in the folder given or in its {@code cifar-10-batches-bin} folder. Batches may be gzipped.
 */
final class Cifar10 {
    static final int RECORD = 1 + 3 * 32 * 32;
    /** Records in one batch file of the real data set; a larger file is refused before it is read. */
    static final int RECORDS_PER_BATCH = 10_000;
    /** The largest batch file read, on disk and unpacked alike: the exact size of a real one, 30,730,000 bytes. */
    static final long MAX_BATCH_BYTES = (long) RECORDS_PER_BATCH * RECORD;
    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    private static final String ARCHIVE = "cifar-10-binary.tar.gz";
    private static final String BIN_FOLDER = "cifar-10-batches-bin";

    private Cifar10() {
    }

    /** The files of the binary version, as messages list them: {@code data_batch_1.bin ... and test_batch.bin}. */
    static String expected() {
        return Texts.format("cifar10.expected", "data_batch_1.bin ... data_batch_5.bin", TEST_FILE);
    }

    static Dataset load(String dataset, Path dataDir, DatasetOptions options, long seed) throws DatasetException {
        Path folder = locate(dataset, dataDir);
        List<Source> train = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            train.add(batch(dataset, folder, name));
        }
        RawImages tr = read(dataset, Texts.format("cifar10.training.batches", folder), train);
        Source test = batch(dataset, folder, TEST_FILE);
        RawImages te = read(dataset, test.name(), List.of(test));
        return Preprocessing.images(dataset, tr, te, CLASS_NAMES, options, seed);
    }

    private static Path locate(String dataset, Path dataDir) throws DatasetException {
        String dir = dataDir.toString();
        String hint = Texts.format("cifar10.hint", expected(), ARCHIVE);
        if (!Files.exists(dataDir)) {
            throw new DatasetException(dataset, dir, Texts.format("cifar10.no.folder", dir, hint));
        }
        if (!Files.isDirectory(dataDir)) {
            String lower = dir.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar")) {
                throw new DatasetException(dataset, dir, Texts.format("cifar10.archive", dir, "tar xzf " + dir,
                        BIN_FOLDER));
            }
            throw new DatasetException(dataset, dir, Texts.format("cifar10.not.folder", dir, hint));
        }
        for (Path candidate : List.of(dataDir, dataDir.resolve(BIN_FOLDER))) {
            if (find(candidate, TRAIN_FILES.get(0)) != null || find(candidate, TEST_FILE) != null) {
                return candidate;
            }
        }
        if (Files.isDirectory(dataDir.resolve("cifar-10-batches-py")) || Files.isRegularFile(dataDir.resolve("data_batch_1"))) {
            throw new DatasetException(dataset, dir, Texts.format("cifar10.python", dir, "data_batch_1", ".bin", ARCHIVE,
                    BIN_FOLDER));
        }
        if (Files.isRegularFile(dataDir.resolve(ARCHIVE))) {
            throw new DatasetException(dataset, dir, Texts.format("cifar10.tarball", dir, ARCHIVE, "tar xzf " + ARCHIVE,
                    BIN_FOLDER));
        }
        throw new DatasetException(dataset, dir, Texts.format("cifar10.no.batches", dir, expected(), BIN_FOLDER, hint));
    }

    private static Path find(Path folder, String name) {
        for (String variant : List.of(name, name + ".gz")) {
            Path p = folder.resolve(variant);
            // a pipe or device by that name is found too, so that reading refuses it by name rather than call it missing
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static Source batch(String dataset, Path folder, String name) throws DatasetException {
        Path p = find(folder, name);
        if (p == null) {
            String missing = folder.resolve(name).toString();
            throw new DatasetException(dataset, missing, Texts.format("cifar10.missing", missing, expected()));
        }
        return Source.file(p);
    }

    /** Reads and checks batch files; their records make one split, in order. {@code origin} names them in messages. */
    static RawImages read(String dataset, String origin, List<Source> batches) throws DatasetException {
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Source source : batches) {
            byte[] bytes = source.readAll(dataset, MAX_BATCH_BYTES, Texts.get("cifar10.what"));
            String name = source.name();
            if (bytes.length == 0) {
                throw new DatasetException(dataset, name, Texts.format("cifar10.empty", name));
            }
            if (bytes.length % RECORD != 0) {
                throw new DatasetException(dataset, name, Texts.format("cifar10.size", name, bytes.length, RECORD));
            }
            for (int r = 0; r < bytes.length / RECORD; r++) {
                int label = bytes[r * RECORD] & 0xff;
                if (label >= CLASS_NAMES.size()) {
                    throw new DatasetException(dataset, name, Texts.format("cifar10.label", name, r, label));
                }
            }
            contents.add(bytes);
            total = Math.addExact(total, bytes.length / RECORD);
        }
        int[] labels = new int[total];
        int[] batchOf = new int[total];
        int[] recordOf = new int[total];
        int k = 0;
        for (int b = 0; b < contents.size(); b++) {
            byte[] bytes = contents.get(b);
            for (int r = 0; r < bytes.length / RECORD; r++, k++) {
                labels[k] = bytes[r * RECORD] & 0xff;
                batchOf[k] = b;
                recordOf[k] = r;
            }
        }
        RawImages.Pixels pixels = (example, target, offset) -> {
            byte[] bytes = contents.get(batchOf[example]);
            int from = recordOf[example] * RECORD + 1;
            for (int j = 0; j < RECORD - 1; j++) {
                target[offset + j] = (bytes[from + j] & 0xff) / 255f;
            }
        };
        return new RawImages(origin, Shape.image(3, 32, 32), labels, pixels);
    }
}
