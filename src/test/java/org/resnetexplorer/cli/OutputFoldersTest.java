package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetexplorer.files.FileNames;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;

/**
 * Where the commands write: a run without {@code --out} goes into one folder of its own in {@code runs/} whatever
 * the names in its graph and dataset files hold ({@code ../../x}, separators, line breaks, {@code CON}, very long);
 * with {@code --out} into that folder only; nothing when the input is refused; and an empty {@code --out} is refused.
 */
class OutputFoldersTest {
    /** Pieces of names a careless or hostile graph file may hold. */
    private static final List<String> PIECES = List.of("..", "../", "../../../", "/", "\\", "..\\..\\", "\0", "\n", "\r",
            "\t", "\"", "'", "CON", "nul", "COM1", " ", "-", "--out", ".", ".hidden", "~", ":", "*", "?", "|", "<", ">",
            "\u202E", "\uD800", "\uDFFF", "\uD83D\uDE00", "网络", "x".repeat(150), "网".repeat(90), "/etc/passwd",
            "C:\\x", "$HOME", "%TEMP%", "a");
    private static final int NAMES = 24;
    /** Tiny runs: one step on 16 examples. */
    private static final List<String> TINY = List.of("--steps", "1", "--train-size", "16", "--test-size", "16", "--quiet");

    @TempDir
    Path temp;
    /** The working folder, deep enough in the temporary folder that "../../.." from it stays inside and is seen. */
    private Path work;
    private Path graphs;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createDirectories(temp.resolve("1/2/3/4/5/6/7/8/work"));
        graphs = Files.createDirectories(temp.resolve("graphs"));
    }

    private Run run(List<String> args) {
        return Run.in(work, args.toArray(String[]::new));
    }

    private Set<Path> tree() throws IOException {
        try (Stream<Path> all = Files.walk(temp)) {
            return all.collect(Collectors.toSet());
        }
    }

    private static List<String> hostileNames() {
        Random random = new Random(11);
        List<String> names = new ArrayList<>(List.of("../../../x", "../../../../../../../../../../x", "/tmp/x", "CON",
                "..", "-", "x".repeat(400)));
        while (names.size() < NAMES) {
            StringBuilder name = new StringBuilder();
            for (int p = 1 + random.nextInt(5); p > 0; p--) {
                name.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (!name.toString().isBlank()) {
                names.add(name.toString());
            }
        }
        return names;
    }

    @Test
    @DisplayName("without --out, graphs with hostile names each train into one folder of their own inside runs/, nothing else")
    void defaultFoldersStayInRuns() throws Exception {
        List<String> names = hostileNames();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Network network = Templates.build("mlp-plain-3").withName(names.get(i));
            files.add(graphs.resolve("graph" + i + ".json"));
            GraphFiles.save(network, files.get(i));
        }
        Set<Path> before = tree();

        Set<String> folders = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            List<String> args = new ArrayList<>(List.of("train", files.get(i).toString(), "--dataset", "spiral"));
            args.addAll(TINY);
            Run run = run(args);
            assertThat(run.code()).as("exit code for the name %s; stderr: %s", names.get(i), run.err()).isZero();
            folders.add(FileNames.segment(GraphFiles.load(files.get(i)).name() + "-spiral-seed1"));
        }

        Path runs = work.resolve("runs");
        Set<Path> added = new HashSet<>(tree());
        added.removeAll(before);
        assertThat(added).as("what the runs wrote").isNotEmpty().allSatisfy(p -> {
            assertThat(p.startsWith(runs)).as("%s is inside runs/", p).isTrue();
            assertThat(runs.relativize(p).getNameCount()).as("%s is a run folder or a file in one", p).isLessThanOrEqualTo(2);
        });
        try (Stream<Path> list = Files.list(runs)) {
            assertThat(list.map(p -> p.getFileName().toString())).as("one folder per run, named safely")
                    .containsExactlyInAnyOrderElementsOf(folders);
        }
        for (String folder : folders) {
            assertThat(runs.resolve(folder).resolve("run.json")).isRegularFile();
        }
    }

    @Test
    @DisplayName("a CSV dataset whose file name is hostile names its run folder safely too")
    void csvDatasetName() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path csv = data.resolve("..\n-CON,\"x\".csv");
        StringBuilder rows = new StringBuilder("a,b,label\n");
        Random random = new Random(3);
        for (int i = 0; i < 60; i++) {
            rows.append(random.nextGaussian()).append(',').append(random.nextGaussian()).append(',').append(i % 2).append('\n');
        }
        Files.writeString(csv, rows);
        Set<Path> before = tree();

        Run run = run(List.of("train", "mlp-plain-3", "--dataset", csv.toString(), "--steps", "1", "--quiet"));

        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        Set<Path> added = new HashSet<>(tree());
        added.removeAll(before);
        Path folder = work.resolve("runs").resolve(FileNames.segment("mlp-plain-3-" + csv.getFileName() + "-seed1"));
        assertThat(added).isNotEmpty().allSatisfy(p -> assertThat(p.startsWith(work.resolve("runs"))).as("%s", p).isTrue());
        assertThat(folder.resolve("metrics.csv")).isRegularFile();
    }

    @Test
    @DisplayName("with --out, everything the run writes is inside the chosen folder")
    void chosenFolder() throws Exception {
        Path graph = graphs.resolve("net.json");
        GraphFiles.save(Templates.build("mlp-plain-3").withName("../../../escape"), graph);
        Path chosen = temp.resolve("chosen");
        Set<Path> before = tree();
        List<String> args = new ArrayList<>(List.of("train", graph.toString(), "--dataset", "spiral", "--out",
                chosen.toString(), "--png"));
        args.addAll(TINY);

        Run run = run(args);

        assertThat(run.code()).as("stderr: %s", run.err()).isZero();
        Set<Path> added = new HashSet<>(tree());
        added.removeAll(before);
        assertThat(added).contains(chosen.resolve("run.json"), chosen.resolve("error-curves.png"))
                .allSatisfy(p -> assertThat(p.startsWith(chosen)).as("%s is inside the chosen folder", p).isTrue());
    }

    @Test
    @DisplayName("a graph that loads but cannot train is refused with exit 2 before any folder is made")
    void invalidGraphMakesNoFolder() throws Exception {
        String json = GraphFiles.toJson(Templates.build("mlp-plain-3"));
        List<String> lines = new ArrayList<>(json.lines().toList());
        int lastWire = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"from\"")) {
                lastWire = i;
            }
        }
        lines.remove(lastWire);
        lines.set(lastWire - 1, lines.get(lastWire - 1).replaceAll(",$", ""));
        Path graph = Files.writeString(graphs.resolve("open-port.json"), String.join("\n", lines));
        Set<Path> before = tree();

        Run run = run(List.of("train", graph.toString(), "--dataset", "spiral", "--steps", "1"));

        assertThat(run.code()).as("stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("error: "));
        assertThat(tree()).as("nothing written").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            train --out ''              | train mlp-plain-3 --dataset spiral --out {}           | --out is empty: give the folder
            train --out=''              | train mlp-plain-3 --dataset spiral --out={}           | --out is empty: give the folder
            train --out '   '           | train mlp-plain-3 --dataset spiral --out {   }        | --out is empty: give the folder
            experiment --out ''         | experiment plain-vs-resnet --out {}                    | --out is empty: give the folder
            export-pytorch -o ''        | export-pytorch mlp-plain-3 -o {}                      | -o is empty: give the file
            export-pytorch --output ''  | export-pytorch mlp-plain-3 --output {}                | --output is empty: give the file
            train --out with a NUL      | train mlp-plain-3 --dataset spiral --out {a\0b}       | is not a usable path
            """)
    @DisplayName("an empty or unusable --out or -o is refused with exit 2 and one line, and nothing is written")
    void emptyOut(String description, String arguments, String message) throws Exception {
        List<String> args = new ArrayList<>();
        for (String word : arguments.trim().split(" +(?![^{]*})")) {
            args.add(word.replace("{", "").replace("}", "").replace("\\0", "\0"));
        }
        Set<Path> before = tree();

        Run run = run(args);

        assertThat(run.code()).as("%s: exit code; stderr: %s", description, run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as("%s: stderr", description).hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("error: ").contains(message));
        assertThat(tree()).as("%s: nothing written", description).isEqualTo(before);
    }
}
