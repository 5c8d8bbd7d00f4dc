package org.resnetexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.resnetexplorer.i18n.Texts;

/**
 * MNIST-format datasets (MNIST, Fashion-MNIST): the four IDX files {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte} (each maybe
 * {@code .gz}, or named {@code train-images.idx3-ubyte}), in a folder, its {@code raw} folder or torchvision's
 * {@code <Name>/raw} folder, or on the classpath for the bundled subset.
 */
final class IdxSets {
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    static final String EXPECTED = "train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
            + "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]";
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private IdxSets() {
    }

    /** The set from the IDX files in {@code dataDir}. {@code torchName} is torchvision's folder name for it. */
    static Dataset fromFolder(String dataset, Path dataDir, String torchName, List<String> classNames,
            DatasetOptions options, long seed) throws DatasetException {
        List<Source> files = locate(dataset, dataDir, torchName);
        return load(dataset, files, classNames, options, seed);
    }

    /** The bundled subset: the four files, gzipped, under the classpath folder {@code resourceFolder}. */
    static Dataset bundled(String dataset, String resourceFolder, List<String> classNames, DatasetOptions options,
            long seed) throws DatasetException {
        List<Source> files = new ArrayList<>();
        for (String name : FILES) {
            Source source = Source.resource(resourceFolder + name + ".gz");
            if (!source.exists()) {
                throw new DatasetException(dataset, source.name(), Texts.format("idxSets.not.bundled",
                        source.name(), "assets/"));
            }
            files.add(source);
        }
        return load(dataset, files, classNames, options, seed);
    }

    private static Dataset load(String dataset, List<Source> files, List<String> classNames, DatasetOptions options,
            long seed) throws DatasetException {
        RawImages train = Idx.readSplit(dataset, files.get(0), files.get(1), classNames.size());
        RawImages test = Idx.readSplit(dataset, files.get(2), files.get(3), classNames.size());
        return Preprocessing.images(dataset, train, test, classNames, options, seed);
    }

    private static List<Source> locate(String dataset, Path dataDir, String torchName) throws DatasetException {
        String dir = dataDir.toString();
        String hint = Texts.format("idxSets.hint", EXPECTED);
        if (!Files.exists(dataDir)) {
            throw new DatasetException(dataset, dir, Texts.format("idxSets.no.folder", dir, hint));
        }
        if (!Files.isDirectory(dataDir)) {
            throw new DatasetException(dataset, dir, Texts.format("idxSets.not.folder", dir, hint));
        }
        for (Path folder : List.of(dataDir, dataDir.resolve("raw"), dataDir.resolve(torchName).resolve("raw"))) {
            List<Path> found = new ArrayList<>();
            for (String base : FILES) {
                found.add(find(folder, base));
            }
            if (found.stream().allMatch(p -> p == null)) {
                continue;
            }
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < FILES.size(); i++) {
                if (found.get(i) == null) {
                    String missing = folder.resolve(FILES.get(i)).toString();
                    throw new DatasetException(dataset, missing, Texts.format("idxSets.missing", missing + "[.gz]",
                            EXPECTED));
                }
                sources.add(Source.file(found.get(i)));
            }
            return sources;
        }
        throw new DatasetException(dataset, dir, Texts.format("idxSets.no.files", dir, EXPECTED));
    }

    private static Path find(Path folder, String base) {
        for (String variant : Idx.variants(base)) {
            Path p = folder.resolve(variant);
            // a pipe or device by that name is found too, so that reading refuses it by name rather than call it missing
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
