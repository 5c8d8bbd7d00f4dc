package org.resnetexplorer.data;

import java.util.List;

import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/**
 * The IDX format of MNIST and Fashion-MNIST: a magic number {@code 0x00 0x00 0x08 D} (unsigned bytes, D
 * dimensions), D big-endian 32-bit sizes, then the bytes. Images files have 3 dimensions (count, rows, columns),
 * labels files 1. Files may be gzipped. Every check names the file.
 */
final class Idx {
    /**
     * The largest IDX file read, in bytes, on disk and unpacked alike: four times the full MNIST training images
     * (47,040,016 bytes), room for the larger 28x28 sets in this format such as EMNIST's 240,000 digits.
     */
    static final long MAX_BYTES = 200_000_000;

    private Idx() {
    }

    /** The dimensions and the offset of the first data byte of a checked IDX file. */
    record Array(Source source, int[] dims, byte[] bytes, int start) {
        int count() {
            return dims[0];
        }
    }

    /** Reads the images file and the labels file of one split and checks that they agree. */
    static RawImages readSplit(String dataset, Source images, Source labels, int classes) throws DatasetException {
        Array im = read(dataset, images, 3);
        Array lb = read(dataset, labels, 1);
        if (im.count() != lb.count()) {
            throw new DatasetException(dataset, labels.name(), Texts.format("idx.count.mismatch",
                    labels.name(), lb.count(), images.name(), im.count()));
        }
        int[] labelValues = new int[lb.count()];
        for (int i = 0; i < labelValues.length; i++) {
            int label = lb.bytes()[lb.start() + i] & 0xff;
            if (label >= classes) {
                throw new DatasetException(dataset, labels.name(), Texts.format("idx.label.range",
                        labels.name(), label, i, classes - 1));
            }
            labelValues[i] = label;
        }
        int rows = im.dims()[1];
        int cols = im.dims()[2];
        int size = rows * cols;
        return new RawImages(images.name(), Shape.image(1, rows, cols), labelValues,
                RawImages.packed(im.bytes(), im.start(), size, size));
    }

    /** Reads and checks an IDX file of unsigned bytes with {@code expectedDims} dimensions. */
    static Array read(String dataset, Source source, int expectedDims) throws DatasetException {
        byte[] bytes = source.readAll(dataset, MAX_BYTES, Texts.get("idx.what.file"));
        String name = source.name();
        String what = Texts.get(expectedDims == 3 ? "idx.what.images" : "idx.what.labels");
        if (bytes.length < 4) {
            throw new DatasetException(dataset, name, Texts.format("idx.too.short", name, bytes.length,
                    what));
        }
        int magic = readInt(bytes, 0);
        int expectedMagic = 0x0800 | expectedDims;
        if (magic != expectedMagic) {
            String found = String.format("0x%08x", magic);
            if ((magic & 0xffff0000) != 0) {
                throw new DatasetException(dataset, name, Texts.format(
                        expectedDims == 1 ? "idx.magic.one" : "idx.magic", name, found,
                        String.format("0x%08x", expectedMagic), expectedDims, what));
            }
            if ((magic & 0xff00) != 0x0800) {
                throw new DatasetException(dataset, name, Texts.format("idx.type", name,
                        String.format("0x%02x", (magic >> 8) & 0xff)));
            }
            throw new DatasetException(dataset, name, Texts.format("idx.dimensions", name,
                    magic & 0xff, what, expectedDims));
        }
        int start = 4 + 4 * expectedDims;
        if (bytes.length < start) {
            throw new DatasetException(dataset, name, Texts.format("idx.header.truncated", name,
                    bytes.length, start));
        }
        int[] dims = new int[expectedDims];
        long payload = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = readInt(bytes, 4 + 4 * d);
            if (dims[d] <= 0) {
                throw new DatasetException(dataset, name, d == 0
                        ? Texts.format("idx.size.empty", name, Integer.toUnsignedString(dims[d]), d + 1, what)
                        : Texts.format("idx.size.damaged", name, Integer.toUnsignedString(dims[d]), d + 1));
            }
            payload *= dims[d];
            if (payload > Integer.MAX_VALUE) {
                throw new DatasetException(dataset, name, Texts.format("idx.too.big", name));
            }
        }
        long expectedLength = start + payload;
        String content = describe(dims);
        if (bytes.length < expectedLength) {
            throw new DatasetException(dataset, name, Texts.format("idx.truncated", name, content,
                    expectedLength, bytes.length));
        }
        if (bytes.length > expectedLength) {
            throw new DatasetException(dataset, name, Texts.format("idx.too.long", name, bytes.length,
                    bytes.length - expectedLength, content, expectedLength));
        }
        return new Array(source, dims, bytes, start);
    }

    private static String describe(int[] dims) {
        return dims.length == 3 ? Texts.format("idx.describe.images", dims[0], dims[1], dims[2])
                : Texts.format("idx.describe.labels", dims[0]);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** The IDX file names of a split, with the usual variants ({@code .gz}; {@code train-images.idx3-ubyte}). */
    static List<String> variants(String base) {
        String dotted = base.replaceFirst("-idx", ".idx");
        return List.of(base, base + ".gz", dotted, dotted + ".gz");
    }
}
