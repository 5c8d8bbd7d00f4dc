package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetexplorer.graph.Add;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Output;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.graph.Wire;

/** {@code train} from the command line: a short run, its files and progress, bad arguments, a diverging run. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "step     20/60  loss 0.6931  batch error  48.4%  train error  45.0%  test error  50.2%  lr 0.100  123.4 steps/s" */
    private static final Pattern PROGRESS = Pattern.compile("step +\\d+/60 +loss \\d+\\.\\d+ +batch error +\\d+\\.\\d%"
            + " +train error +(\\d+\\.\\d%|-) +test error +(\\d+\\.\\d%|-) +lr \\S+ +\\d+\\.\\d steps/s");

    @TempDir
    Path temp;



    @Test
    @DisplayName("train mlp-resnet-4 on spiral exits 0, prints progress lines and writes the three files")
    void shortRun() throws IOException {
        Path out = temp.resolve("run");
        Run run = Run.of("train", "mlp-resnet-4", "--dataset", "spiral", "--steps", "60", "--eval-every", "20", "--out",
                out.toString());

        assertThat(run.code()).as("exit code; stderr: %s", run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> progress = run.out().lines().filter(l -> l.startsWith("step")).toList();
        assertThat(progress).as("progress lines in:%n%s", run.out()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches(PROGRESS));
        assertThat(progress).as("a line at every evaluation").anySatisfy(l -> assertThat(l).startsWith("step     20/60"))
                .anySatisfy(l -> assertThat(l).startsWith("step     40/60"))
                .anySatisfy(l -> assertThat(l).startsWith("step     60/60"));
        assertThat(progress.stream().filter(l -> l.startsWith("step     20/60")).findFirst().orElseThrow())
                .as("an evaluation line shows a test error").doesNotContain("test error      -")
                .as("and a training error").doesNotContain("train error      -");
        assertThat(run.out()).contains("finished after 60 steps").contains(out.toString());

        for (String file : List.of("metrics.csv", "histograms.csv", "run.json", "network.json", "state.json", "state.bin")) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        assertThat(JSON.readTree(out.resolve("state.json").toFile()).path("step").asInt())
                .as("the trained network is the final one").isEqualTo(60);
        assertThat(Files.readAllLines(out.resolve("metrics.csv")).get(0)).isEqualTo("run,step,metric,layer,value");
        assertThat(Files.readString(out.resolve("metrics.csv"))).contains(",60,test_error,,");
        assertThat(Files.readAllLines(out.resolve("histograms.csv")).size()).as("histogram rows").isGreaterThan(1);
        JsonNode json = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("finished");
        assertThat(json.path("final").path("steps").asInt()).isEqualTo(60);
        assertThat(json.path("dataset").path("name").asText()).isEqualTo("spiral");
        assertThat(json.path("settings").path("evalEvery").asInt()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing --dataset              | mlp-resnet-4                                   | --dataset
            unknown dataset                | mlp-resnet-4 --dataset nosuchset               | nosuchset
            unknown model                  | mlp-fancy-4 --dataset spiral                   | mlp-fancy-4
            --steps 0                      | mlp-resnet-4 --dataset spiral --steps 0        | --steps
            --steps past the limit         | mlp-resnet-4 --dataset spiral --steps 1000001  | at most 1,000,000
            --lr abc                       | mlp-resnet-4 --dataset spiral --lr abc         | abc
            --milestones 100,2e3           | mlp-resnet-4 --dataset spiral --milestones 100,2e3 | --milestones needs a whole number
            --milestones 0                 | mlp-resnet-4 --dataset spiral --milestones 0   | --milestones must be at least 1
            --optimizer rmsprop            | mlp-resnet-4 --dataset spiral --optimizer rmsprop | rmsprop
            --threads 0                    | mlp-resnet-4 --dataset spiral --threads 0      | --threads
            --threads past the cores       | mlp-resnet-4 --dataset spiral --threads 100000 | the cores of this machine
            missing .csv file              | mlp-resnet-4 --dataset {dir}/nothing-here.csv  | nothing-here.csv
            --data-dir to a missing folder | mlp-resnet-4 --dataset mnist --data-dir {dir}/absent | absent
            """)
    @DisplayName("bad arguments exit 2 with one line on stderr naming the problem, and no stack trace")
    void badArguments(String description, String arguments, String named) {
        List<String> args = new ArrayList<>(List.of("train"));
        for (String word : arguments.trim().split(" +")) {
            args.add(word.replace("{dir}", temp.toString()));
        }
        args.add("--out");
        args.add(temp.resolve("out").toString());
        Run run = Run.of(args.toArray(String[]::new));

        assertThat(run.code()).as("%s: exit code; stderr: %s", description, run.err()).isEqualTo(2);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as("%s: stderr", description).hasSize(1);
        assertThat(lines.get(0)).as("%s: the message", description).startsWith("error: ").contains(named)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(temp.resolve("out")).as("%s: nothing trained, no folder written", description).doesNotExist();
    }

    @Test
    @DisplayName("a graph file that loads but is not valid (open port, cycle, no output) exits 2 before any folder is made")
    void invalidGraphFiles() throws IOException {
        Network net = Templates.build("mlp-resnet-4");
        String add = net.nodes().stream().filter(n -> n.layer() instanceof Add).findFirst().orElseThrow().name();
        String output = net.nodes().stream().filter(n -> n.layer() instanceof Output).findFirst().orElseThrow().name();
        Map<String, Network> invalid = new LinkedHashMap<>();
        invalid.put("open port", net.disconnect(add, Add.SHORTCUT));
        invalid.put("no output", net.withoutNodes(Set.of(output)));
        invalid.put("cycle", net.disconnect(add, Add.SHORTCUT).connect(new Wire(add, add, Add.SHORTCUT)));
        for (Map.Entry<String, Network> graph : invalid.entrySet()) {
            Path file = temp.resolve(graph.getKey().replace(' ', '-') + ".json");
            GraphFiles.save(graph.getValue(), file);
            Path out = temp.resolve("out-" + graph.getKey().replace(' ', '-'));
            Run run = Run.of("train", file.toString(), "--dataset", "spiral", "--steps", "2", "--out", out.toString());
            assertThat(run.code()).as("%s: exit code; stderr: %s", graph.getKey(), run.err()).isEqualTo(2);
            assertThat(run.err().lines().toList()).as("%s: stderr", graph.getKey()).hasSize(1);
            assertThat(run.err()).startsWith("error: ").contains(file.getFileName().toString()).doesNotContain("Exception");
            assertThat(out).as("%s: no folder written", graph.getKey()).doesNotExist();
        }
    }

    @Test
    @DisplayName("a diverging run exits 3 with a message and still writes run.json with status diverged")
    void divergingRun() throws IOException {
        Path out = temp.resolve("diverged");
        Run run = Run.of("train", "mlp-resnet-4", "--dataset", "spiral", "--steps", "300", "--lr", "1e6", "--out",
                out.toString(), "--quiet");

        assertThat(run.code()).as("exit code; out: %s; err: %s", run.out(), run.err()).isEqualTo(3);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("error: ").contains("at step").containsIgnoringCase("lower the learning rate");
        assertThat(run.out()).contains("diverged after");
        JsonNode json = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("diverged");
        assertThat(json.path("message").asText()).containsIgnoringCase("lower the learning rate");
        assertThat(json.path("final").path("steps").asInt()).isBetween(1, 299);
    }

    @Test
    @DisplayName("--png writes the error curves, gradient norms, residual responses, predictions and confusion matrix"
            + " as PNG files of 1200x800")
    void writesCharts() throws IOException {
        Path out = temp.resolve("charts");
        Run result = Run.of("train", "cifar-resnet-8", "--dataset", "fashion-mnist", "--downscale", "--width", "4",
                "--steps", "30", "--eval-every", "10", "--png", "--quiet", "--out", out.toString());
        assertThat(result.code()).as("exit code, stderr: %s", result.err()).isZero();
        for (String name : List.of("error-curves.png", "gradient-norms.png", "residual-responses.png",
                "predictions.png", "confusion-matrix.png")) {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.resolve(name).toFile());
            assertThat(image).as("%s is a readable PNG", name).isNotNull();
            assertThat(image.getWidth()).as("%s width", name).isGreaterThanOrEqualTo(1200);
            assertThat(image.getHeight()).as("%s height", name).isGreaterThanOrEqualTo(800);
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int x = 0; x < image.getWidth(); x += 7) {
                for (int y = 0; y < image.getHeight(); y += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours.size()).as("%s is not blank", name).isGreaterThan(10);
        }
        assertThat(result.out()).contains("charts: error-curves.png, gradient-norms.png, residual-responses.png")
                .contains("predictions.png, confusion-matrix.png");
        assertThat(out.resolve("decision-regions.png")).as("images have no decision regions").doesNotExist();
    }

    @Test
    @DisplayName("--png on 2-D data also writes decision-regions.png of 1200x800: the regions in several colours")
    void writesDecisionRegions() throws IOException {
        Path out = temp.resolve("regions");
        Run result = Run.of("train", "mlp-resnet-4", "--dataset", "spiral", "--steps", "40", "--png", "--quiet",
                "--out", out.toString());
        assertThat(result.code()).as("exit code, stderr: %s", result.err()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.resolve("decision-regions.png").toFile());
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(800);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 5) {
            for (int y = 0; y < image.getHeight(); y += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("regions shaded by confidence, points, text").isGreaterThan(100);
        assertThat(result.out()).contains("residual-responses.png, decision-regions.png");
    }
}
