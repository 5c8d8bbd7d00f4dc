package org.resnetexplorer.data;

import java.util.List;

import org.resnetexplorer.graph.Shape;

/**
 * The IDX format of MNIST and Fashion-MNIST: a magic number {@code 0x00 0x00 0x08 D} (unsigned bytes, D
 * dimensions), D big-endian 32-bit sizes, then the bytes. Images files have 3 dimensions (count, rows, columns),
 * labels files 1. Files may be gzipped. Every check names the file.
 */
final class Idx {
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
            throw new DatasetException(dataset, labels.name(), labels.name() + " holds " + lb.count() + " labels but "
                    + images.name() + " holds " + im.count() + " images: the two files must come from the same set");
        }
        int[] labelValues = new int[lb.count()];
        for (int i = 0; i < labelValues.length; i++) {
            int label = lb.bytes()[lb.start() + i] & 0xff;
            if (label >= classes) {
                throw new DatasetException(dataset, labels.name(), labels.name() + ": label " + label + " of example " + i
                        + " is out of range: labels must be 0-" + (classes - 1));
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
        byte[] bytes = source.readAll(dataset);
        String name = source.name();
        String what = expectedDims == 3 ? "images" : "labels";
        if (bytes.length < 4) {
            throw new DatasetException(dataset, name, name + " is only " + bytes.length
                    + " bytes long, too short for an IDX header: is it an IDX " + what + " file?");
        }
        int magic = readInt(bytes, 0);
        int expectedMagic = 0x0800 | expectedDims;
        if (magic != expectedMagic) {
            String found = String.format("0x%08x", magic);
            if ((magic & 0xffff0000) != 0) {
                throw new DatasetException(dataset, name, name + " starts with " + found + ", not the IDX magic number "
                        + String.format("0x%08x", expectedMagic) + " (unsigned bytes, " + expectedDims
                        + " dimension" + (expectedDims == 1 ? "" : "s") + "): is it an IDX " + what + " file?");
            }
            if ((magic & 0xff00) != 0x0800) {
                throw new DatasetException(dataset, name, name + " holds IDX values of type "
                        + String.format("0x%02x", (magic >> 8) & 0xff)
                        + "; only unsigned bytes (type 0x08, as in MNIST) are supported");
            }
            throw new DatasetException(dataset, name, name + " has " + (magic & 0xff) + " dimension(s) where an IDX "
                    + what + " file has " + expectedDims + ": are the images and labels files swapped?");
        }
        int start = 4 + 4 * expectedDims;
        if (bytes.length < start) {
            throw new DatasetException(dataset, name, name + " is truncated: it ends inside its header ("
                    + bytes.length + " of " + start + " bytes): fetch the file again");
        }
        int[] dims = new int[expectedDims];
        long payload = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = readInt(bytes, 4 + 4 * d);
            if (dims[d] <= 0) {
                throw new DatasetException(dataset, name, name + " announces a size of " + Integer.toUnsignedString(dims[d])
                        + " in dimension " + (d + 1) + (d == 0 ? ": it holds no " + what : ": is it damaged?"));
            }
            payload *= dims[d];
            if (payload > Integer.MAX_VALUE) {
                throw new DatasetException(dataset, name, name + " announces more than 2 GB of data: is it damaged?");
            }
        }
        long expectedLength = start + payload;
        String content = describe(dims);
        if (bytes.length < expectedLength) {
            throw new DatasetException(dataset, name, name + " is truncated: its header announces " + content + " ("
                    + expectedLength + " bytes) but it has " + bytes.length + " bytes: fetch the file again");
        }
        if (bytes.length > expectedLength) {
            throw new DatasetException(dataset, name, name + " is " + bytes.length + " bytes, "
                    + (bytes.length - expectedLength) + " more than its header announces (" + content
                    + ", " + expectedLength + " bytes): is it damaged?");
        }
        return new Array(source, dims, bytes, start);
    }

    private static String describe(int[] dims) {
        return dims.length == 3 ? dims[0] + " images of " + dims[1] + "x" + dims[2] : dims[0] + " labels";
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
