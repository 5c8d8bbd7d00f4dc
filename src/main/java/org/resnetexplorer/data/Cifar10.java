package org.resnetexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.resnetexplorer.graph.Shape;

/**
 * CIFAR-10's binary version: {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin},
 * each a run of 3073-byte records (1 label byte 0-9, then 1024 red, 1024 green and 1024 blue bytes of a 32x32
 * image, row-major), in the folder given or in its {@code cifar-10-batches-bin} folder. Batches may be gzipped.
 */
final class Cifar10 {
    static final int RECORD = 1 + 3 * 32 * 32;
    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    private static final String EXPECTED = "data_batch_1.bin ... data_batch_5.bin and test_batch.bin";

    private Cifar10() {
    }

    static Dataset load(String dataset, Path dataDir, DatasetOptions options, long seed) throws DatasetException {
        Path folder = locate(dataset, dataDir);
        List<Source> train = new ArrayList<>();
        for (String name : TRAIN_FILES) {
            train.add(batch(dataset, folder, name));
        }
        RawImages tr = read(dataset, "the training batches in " + folder, train);
        Source test = batch(dataset, folder, TEST_FILE);
        RawImages te = read(dataset, test.name(), List.of(test));
        return Preprocessing.images(dataset, tr, te, CLASS_NAMES, options, seed);
    }

    private static Path locate(String dataset, Path dataDir) throws DatasetException {
        String dir = dataDir.toString();
        String hint = ": pass --data-dir with the folder holding " + EXPECTED
                + " (CIFAR-10's binary version, cifar-10-binary.tar.gz, extracted)";
        if (!Files.exists(dataDir)) {
            throw new DatasetException(dataset, dir, "folder " + dir + " does not exist" + hint);
        }
        if (!Files.isDirectory(dataDir)) {
            String lower = dir.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar")) {
                throw new DatasetException(dataset, dir, dir + " is an archive: extract it (tar xzf " + dir
                        + ") and pass the folder cifar-10-batches-bin it holds");
            }
            throw new DatasetException(dataset, dir, dir + " is a file, not a folder" + hint);
        }
        for (Path candidate : List.of(dataDir, dataDir.resolve("cifar-10-batches-bin"))) {
            if (find(candidate, TRAIN_FILES.get(0)) != null || find(candidate, TEST_FILE) != null) {
                return candidate;
            }
        }
        if (Files.isDirectory(dataDir.resolve("cifar-10-batches-py")) || Files.isRegularFile(dataDir.resolve("data_batch_1"))) {
            throw new DatasetException(dataset, dir, dir + " holds the Python version of CIFAR-10 (data_batch_1 without"
                    + " .bin); ResNet Explorer reads the binary version: get cifar-10-binary.tar.gz, extract it and pass"
                    + " its folder cifar-10-batches-bin");
        }
        if (Files.isRegularFile(dataDir.resolve("cifar-10-binary.tar.gz"))) {
            throw new DatasetException(dataset, dir, dir + " holds cifar-10-binary.tar.gz: extract it (tar xzf"
                    + " cifar-10-binary.tar.gz) and pass the folder cifar-10-batches-bin");
        }
        throw new DatasetException(dataset, dir, "no CIFAR-10 binary batches in " + dir + " (expected " + EXPECTED
                + ", or the folder cifar-10-batches-bin holding them)" + hint);
    }

    private static Path find(Path folder, String name) {
        for (String variant : List.of(name, name + ".gz")) {
            Path p = folder.resolve(variant);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Source batch(String dataset, Path folder, String name) throws DatasetException {
        Path p = find(folder, name);
        if (p == null) {
            String missing = folder.resolve(name).toString();
            throw new DatasetException(dataset, missing, missing + " is missing: CIFAR-10's binary version has "
                    + EXPECTED + "; fetch the complete set");
        }
        return Source.file(p);
    }

    /** Reads and checks batch files; their records make one split, in order. {@code origin} names them in messages. */
    static RawImages read(String dataset, String origin, List<Source> batches) throws DatasetException {
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Source source : batches) {
            byte[] bytes = source.readAll(dataset);
            String name = source.name();
            if (bytes.length == 0) {
                throw new DatasetException(dataset, name, name + " is empty: fetch the file again");
            }
            if (bytes.length % RECORD != 0) {
                throw new DatasetException(dataset, name, name + " is " + bytes.length + " bytes, not a multiple of "
                        + RECORD + " (1 label + 3072 pixels per image): is this the binary version of CIFAR-10?");
            }
            for (int r = 0; r < bytes.length / RECORD; r++) {
                int label = bytes[r * RECORD] & 0xff;
                if (label >= CLASS_NAMES.size()) {
                    throw new DatasetException(dataset, name, name + ": image " + r + " has label " + label
                            + ", but CIFAR-10 labels are 0-9: is this CIFAR-100 or another file?");
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
