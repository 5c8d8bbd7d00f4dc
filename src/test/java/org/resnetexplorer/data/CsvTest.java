package org.resnetexplorer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.i18n.Texts;

/** CSV files of features and a label column. */
@DisplayName("CSV files")
class CsvTest {

    @TempDir
    Path dir;

    /** 50 rows "x,y,label" with label a/b/c cycling from b: classes in order of appearance b, c, a. */
    private Path letters() {
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(i * 0.5 - 3).append(',').append("bca".charAt(i % 3)).append('\n');
        }
        return DataFiles.writeText(dir.resolve("letters.csv"), csv.toString());
    }

    private static Dataset load(Path file) throws DatasetException {
        return Datasets.load(file.toString(), DatasetOptions.defaults());
    }

    private static void assertFails(Path file, String... parts) {
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file.getFileName() + ": ")
                .hasMessageContaining(file.toString())
                .hasMessageContainingAll(parts);
    }

    @Test
    @DisplayName("a header row, string labels in order of first appearance, 20% held out for testing")
    void headerAndStringLabels() throws DatasetException {
        Dataset d = load(letters());
        assertThat(d.name()).isEqualTo("letters.csv");
        assertThat(d.shape()).isEqualTo(Shape.flat(2));
        assertThat(d.classNames()).containsExactly("b", "c", "a");
        assertThat(d.test().size()).isEqualTo(10);
        assertThat(d.train().size()).isEqualTo(40);
        int[] all = new int[3];
        for (Examples e : new Examples[] {d.train(), d.test()}) {
            int[] counts = e.classCounts();
            for (int c = 0; c < 3; c++) {
                all[c] += counts[c];
            }
        }
        assertThat(all).containsExactly(17, 17, 16);
        assertThat(d.test().classCounts()).as("stratified").containsExactly(4, 3, 3);
    }

    @Test
    @DisplayName("every row lands in exactly one split, with its own label, and features are standardised per column")
    void rowsKeptWhole() throws DatasetException {
        Dataset d = load(letters());
        Normalization n = d.normalization();
        assertThat(n.mean()).hasSize(2);
        assertThat(n.mean().get(0)).isBetween(0.0, 49.0);
        Set<Integer> seen = new HashSet<>();
        for (Examples e : new Examples[] {d.train(), d.test()}) {
            for (int i = 0; i < e.size(); i++) {
                float[] x = e.example(i);
                int row = (int) Math.round(n.restore(0, x[0]));
                assertThat(n.restore(1, x[1])).isCloseTo(row * 0.5 - 3, offset(1e-4));
                assertThat(d.classNames().get(e.label(i))).isEqualTo(String.valueOf("bca".charAt(row % 3)));
                assertThat(seen.add(row)).as("row %s seen once", row).isTrue();
            }
        }
        assertThat(seen).hasSize(50);
        double mean = 0;
        for (int i = 0; i < d.train().size(); i++) {
            mean += d.train().example(i)[0];
        }
        assertThat(mean / d.train().size()).isCloseTo(0, offset(1e-5));
    }

    @Test
    @DisplayName("the split is seeded: the same seed gives the same split, another seed another")
    void seededSplit() throws DatasetException {
        Path file = letters();
        Dataset a = Datasets.load(file.toString(), DatasetOptions.defaults().withSeed(5L));
        Dataset b = Datasets.load(file.toString(), DatasetOptions.defaults().withSeed(5L));
        Dataset c = Datasets.load(file.toString(), DatasetOptions.defaults().withSeed(6L));
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.normalization().mean()).isNotEqualTo(c.normalization().mean());
    }

    @Test
    @DisplayName("test and train sizes are honoured; asking for more rows than there are is refused")
    void sizes() throws DatasetException {
        Path file = letters();
        Dataset d = Datasets.load(file.toString(), DatasetOptions.defaults().withTestSize(5).withTrainSize(12));
        assertThat(d.test().size()).isEqualTo(5);
        assertThat(d.train().size()).isEqualTo(12);
        assertThat(d.train().classCounts()).containsExactly(4, 4, 4);
        assertThatThrownBy(() -> Datasets.load(file.toString(), DatasetOptions.defaults().withTestSize(50)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("ask for at most 49");
        assertThatThrownBy(() -> Datasets.load(file.toString(), DatasetOptions.defaults().withTrainSize(41)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("ask for at most 40");
    }

    @Test
    @DisplayName("no header: the last column is the label; numeric labels keep their numeric order")
    void noHeaderNumericLabels() throws DatasetException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            csv.append(i % 7).append(", ").append(-i).append(",").append(new String[] {"3", "1", "2.0"}[i % 3]).append('\n');
        }
        Dataset d = load(DataFiles.writeText(dir.resolve("nums.csv"), csv.toString()));
        assertThat(d.classNames()).containsExactly("1", "2.0", "3");
        assertThat(d.train().size() + d.test().size()).isEqualTo(30);
        assertThat(d.test().size()).isEqualTo(6);
    }

    @Test
    @DisplayName("a column named class is the label wherever it is; quotes, semicolons and a BOM are read")
    void namedLabelColumn() throws DatasetException {
        String csv = "\uFEFFClass;\"width\";height\n\"cat\";1.5;2\ndog;3;4\ncat;1;2.5\ndog;\"3.5\";5\ncat;0;0\n";
        Dataset d = load(DataFiles.writeText(dir.resolve("pets.csv"), csv));
        assertThat(d.classNames()).containsExactly("cat", "dog");
        assertThat(d.shape()).isEqualTo(Shape.flat(2));
        assertThat(d.train().size()).isEqualTo(4);
        assertThat(d.test().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a header of numeric column names is recognised by its label column")
    void numericHeader() throws DatasetException {
        String csv = "0,1,label\n0.5,1,yes\n0.25,2,no\n1,3,yes\n2,4,no\n";
        Dataset d = load(DataFiles.writeText(dir.resolve("pandas.csv"), csv));
        assertThat(d.train().size() + d.test().size()).isEqualTo(4);
        assertThat(d.classNames()).containsExactly("yes", "no");
    }

    @Test
    @DisplayName("a non-numeric feature is named with its line and column")
    void nonNumeric() {
        Path file = DataFiles.writeText(dir.resolve("bad.csv"), "x,y,label\n1,2,a\n3,abc,b\n");
        assertFails(file, "line 3, column 2 ('y'): 'abc' is not a number");
    }

    @Test
    @DisplayName("an empty or non-finite feature is refused as not a number")
    void nonFinite() {
        assertFails(DataFiles.writeText(dir.resolve("nan.csv"), "1,2,a\n3,NaN,b\n"), "line 2, column 2: 'NaN' is not a number");
        assertFails(DataFiles.writeText(dir.resolve("hole.csv"), "1,2,a\n3,,b\n"), "line 2, column 2: '' is not a number");
    }

    @Test
    @DisplayName("a ragged row is named with its column count")
    void ragged() {
        Path file = DataFiles.writeText(dir.resolve("ragged.csv"), "x,y,label\n1,2,a\n3,4,5,b\n");
        assertFails(file, "line 3 has 4 columns, but line 1 has 3");
    }

    @Test
    @DisplayName("an empty file, a blank one and a header without rows are refused")
    void empty() {
        assertFails(DataFiles.writeText(dir.resolve("empty.csv"), ""), "is empty");
        assertFails(DataFiles.writeText(dir.resolve("blank.csv"), "\n  \n"), "is empty");
        assertFails(DataFiles.writeText(dir.resolve("header.csv"), "x,y,label\n"), "has a header but no rows");
    }

    @Test
    @DisplayName("one column, one class, one row, an empty label and an open quote are refused")
    void otherShapes() {
        assertFails(DataFiles.writeText(dir.resolve("one-column.csv"), "1\n2\n"), "has only one column");
        assertFails(DataFiles.writeText(dir.resolve("one-class.csv"), "1,a\n2,a\n"), "every row has the label 'a'");
        assertFails(DataFiles.writeText(dir.resolve("one-row.csv"), "1,a\n"), "every row has the label 'a'");
        assertFails(DataFiles.writeText(dir.resolve("one-row2.csv"), "x,label\n1,a\n"), "every row has the label 'a'");
        assertFails(DataFiles.writeText(dir.resolve("no-label.csv"), "1,a\n2,\n"), "line 2 has an empty label");
        assertFails(DataFiles.writeText(dir.resolve("quote.csv"), "1,a\n\"2,b\n"), "line 2 has a quote");
    }

    @Test
    @DisplayName("a missing file, a folder and a file that is not text are named")
    void notFiles() {
        assertFails(dir.resolve("missing.csv"), "does not exist");
        Path folder = dir.resolve("folder.csv");
        assertThat(folder.toFile().mkdir()).isTrue();
        assertFails(folder, "is a folder");
        byte[] binary = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 10};
        assertFails(DataFiles.write(dir.resolve("binary.csv"), binary, false), "is not UTF-8 text");
    }

    @Test
    @DisplayName("with the language set to Chinese, a broken CSV file is refused in Chinese, naming the file and the line")
    void brokenFileInChinese() {
        Path file = DataFiles.writeText(dir.resolve("坏的.csv"), "x,y,label\n1,2,a\n3,abc,b\n");
        // Datasets keeps its descriptions in constants, read once: load it in English first, or they would stay
        // Chinese for the tests that run after this one in the same JVM.
        assertThat(Datasets.description("spiral")).startsWith("2-D points");
        Texts.Language before = Texts.language();
        try {
            Texts.use(Texts.Language.CHINESE);
            assertThatThrownBy(() -> load(file)).isInstanceOf(DatasetException.class)
                    .hasMessage("坏的.csv: " + file + " 第 3 行，第 2 列（“y”）：“abc”不是数字（标签是最后一列，或名为 label 或 class"
                            + " 的列；其他列都必须是数值）");
            assertThatThrownBy(() -> load(dir.resolve("missing.csv"))).hasMessageEndingWith(": 不存在：请检查文件夹和文件名");
            assertThatThrownBy(() -> Datasets.load("imagenet", null)).hasMessageStartingWith("imagenet: 未知的数据集“imagenet”");
        } finally {
            Texts.use(before);
        }
        assertThatThrownBy(() -> load(file)).as("English again once the language is restored")
                .hasMessageContaining(" line 3, column 2 ('y'): 'abc' is not a number");
    }

    @Test
    @DisplayName("a CSV refuses noise, downscaling, a data folder and another number of classes")
    void options() {
        String file = letters().toString();
        assertThatThrownBy(() -> Datasets.load(file, DatasetOptions.defaults().withNoise(0.2)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("noise applies to the generated sets only");
        assertThatThrownBy(() -> Datasets.load(file, DatasetOptions.defaults().withDownscale(true)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("downscaling applies to images");
        assertThatThrownBy(() -> Datasets.load(file, DatasetOptions.defaults().withDataDir(Path.of("x"))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("leave out --data-dir");
        assertThatThrownBy(() -> Datasets.load(file, DatasetOptions.defaults().withClasses(4)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("has 3 classes (b, c, a), not 4");
    }

    @Test
    @DisplayName("the splitter reads quoted cells with commas and doubled quotes")
    void splitter() {
        assertThat(Csv.split(" a , \"b, c\" ,\"say \"\"hi\"\"\",", ',')).containsExactly("a", "b, c", "say \"hi\"", "");
        assertThat(Csv.split("\"open", ',')).isNull();
    }
}
