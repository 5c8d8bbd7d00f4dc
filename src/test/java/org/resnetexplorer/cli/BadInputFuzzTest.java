package org.resnetexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.experiments.Experiment;
import org.resnetexplorer.experiments.Experiments;
import org.resnetexplorer.graph.GraphDocument;
import org.resnetexplorer.graph.GraphFiles;
import org.resnetexplorer.graph.Shape;
import org.resnetexplorer.graph.TemplateOptions;
import org.resnetexplorer.graph.Templates;

/**
 * Mutates valid graph files and presets (truncation, byte flips, splices, values of another type, numbers made
 * extreme, huge and hostile values, missing and repeated entries, deep nesting) and runs {@code summary}, {@code train} and
 * {@code experiment} on each (issue 11): every mutant either works or is refused with exit 2 and one line
 * naming the problem, never an internal error, a stack trace or a hang. A fixed seed makes the mutants the same
 * on every run; a time budget per kind bounds the test, so a slow machine checks fewer of them.
 */
class BadInputFuzzTest {
    private static final long SEED = 20261204;
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_CASES = 2000;
    /** Long enough for a one-step run of any net the limits let through; a case that takes longer hangs. */
    private static final long CASE_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ExecutorService COMMANDS = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzzed-command");
        thread.setDaemon(true);
        return thread;
    });
    /** Texts that have broken programs before: paths, quotes, code, control characters, odd Unicode. */
    private static final List<String> HOSTILE = List.of("../../../x", "/etc/passwd", "a/b\\c", "\"\"\"; import os #",
            "'; DROP TABLE runs; --", "line\nbreak", "tab\there\r\n", "\u0000nul", "=cmd|' /C calc'!A0", "@SUM(1)",
            "\ud800", "\udfff lone", "\ud83d\ude00 emoji", "残差网络", "CON", "", " ", "x".repeat(5000), "__class__",
            "${jndi:ldap://x}", "%s%n%d", "\u202eright-to-left", "\ufeffbom");

    /** Stands for a value nested deeper than the JSON writer would write it. */
    private static final String DEEP = "@@nested 1500 deep@@";

    @TempDir
    Path temp;

    @AfterAll
    static void stopCommands() {
        COMMANDS.shutdownNow();
    }

    @Test
    @DisplayName("mutated graph files: summary and train either work or exit 2 with one line, never an internal error")
    void graphFiles() throws Exception {
        List<String> seeds = List.of(
                GraphFiles.toJson(Templates.build("mlp-resnet-4", TemplateOptions.defaults().withWidth(4))),
                GraphFiles.documentToJson(GraphDocument.opened(Templates.build("mlp-plain-3"))),
                GraphFiles.toJson(Templates.build("cifar-resnet-8",
                        TemplateOptions.defaults().withInput(Shape.image(3, 8, 8)).withWidth(4))));
        Random random = new Random(SEED);
        long end = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int refused = 0;
        for (; cases < MAX_CASES && System.nanoTime() < end; cases++) {
            Mutant mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Path file = temp.resolve("graph-" + cases + ".json");
            Files.write(file, mutant.bytes());
            Run summary = run(mutant, "summary", file.toString());
            check(mutant, summary, Set.of(Cli.OK, Cli.BAD_INPUT));
            assertThat(summary.out()).as("counts on %s", mutant).doesNotContainPattern("Total [a-z-]+: +-");
            Run train = run(mutant, "train", file.toString(), "--dataset", "spiral", "--steps", "1", "--train-size",
                    "32", "--test-size", "16", "--quiet", "--out", temp.resolve("train-" + cases).toString());
            check(mutant, train, Set.of(Cli.OK, Cli.BAD_INPUT, TrainCommand.DIVERGED));
            refused += summary.code() == Cli.BAD_INPUT ? 1 : 0;
        }
        System.out.printf("graph files: %d mutants, %d refused by summary%n", cases, refused);
        assertThat(cases).as("mutants checked in the time budget").isGreaterThanOrEqualTo(40);
        assertThat(refused).as("mutants refused: the mutations must break files, not only rename things")
                .isGreaterThan(cases / 3);
    }

    @Test
    @DisplayName("mutated presets: experiment either works or exits 2 with one line, never an internal error")
    void presets() throws Exception {
        ObjectNode tiny = (ObjectNode) JSON.readTree(Experiments.bundledText("degradation"));
        ((ObjectNode) tiny.get("dataset")).put("trainSize", 64).put("testSize", 32);
        ((ObjectNode) tiny.get("settings")).put("steps", 3).put("evalEvery", 1).put("metricsEvery", 1);
        ((ObjectNode) tiny.get("defaults")).put("width", 4);
        ((ObjectNode) tiny.get("runs").get(0)).put("template", "mlp-plain-2");
        ((ObjectNode) tiny.get("runs").get(1)).put("template", "mlp-plain-4");
        List<String> seeds = List.of(tiny.toPrettyString(), Experiments.bundledText("bottleneck"));
        Random random = new Random(SEED + 1);
        long end = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        int refused = 0;
        int trained = 0;
        for (; cases < MAX_CASES && System.nanoTime() < end; cases++) {
            Mutant mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Path file = temp.resolve("preset-" + cases + ".json");
            Files.write(file, mutant.bytes());
            Run check = run(mutant, "experiment", file.toString(), "--check");
            check(mutant, check, Set.of(Cli.OK, Cli.BAD_INPUT));
            if (check.code() == Cli.BAD_INPUT) {
                refused++;
            } else if (quick(file)) {
                Run full = run(mutant, "experiment", file.toString(), "--out", temp.resolve("exp-" + cases).toString());
                boolean diverged = full.code() == Cli.FAILED && full.out().contains("the experiment did not finish");
                if (!diverged) {
                    check(mutant, full, Set.of(Cli.OK, Cli.BAD_INPUT, ExperimentCommand.CLAIM_DOES_NOT_HOLD));
                }
                trained++;
            }
        }
        System.out.printf("presets: %d mutants, %d refused, %d run in full%n", cases, refused, trained);
        assertThat(cases).as("mutants checked in the time budget").isGreaterThanOrEqualTo(40);
        assertThat(refused).as("mutants refused").isGreaterThan(cases / 3);
        assertThat(trained).as("valid mutants run in full").isPositive();
    }

    /** Whether the preset (valid) trains few enough steps on few enough examples to run in full here. */
    private static boolean quick(Path file) throws Exception {
        Experiment experiment = Experiments.load(file);
        Integer train = experiment.datasetOptions().trainSize();
        return (long) experiment.settings(false).steps() * experiment.runs().size() <= 20 && train != null && train <= 256
                && (experiment.datasetOptions().testSize() == null || experiment.datasetOptions().testSize() <= 256);
    }

    // ---------------------------------------------------------------------------------------------------------
    // running and checking

    private Run run(Mutant mutant, String... args) throws Exception {
        Future<Run> future = COMMANDS.submit(() -> Run.of(args));
        try {
            return future.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail("'%s' did not end within %d s on %s", String.join(" ", args), CASE_SECONDS, mutant);
        }
    }

    private static void check(Mutant mutant, Run outcome, Set<Integer> allowed) {
        assertThat(outcome.code()).as("exit code on %s; stderr: %s", mutant, outcome.err()).isIn(allowed);
        assertThat(outcome.err() + outcome.out()).as("output on %s", mutant)
                .doesNotContain("Exception", "\tat org.", "internal error");
        if (outcome.code() == Cli.BAD_INPUT) {
            List<String> lines = outcome.err().lines().toList();
            assertThat(lines).as("stderr on %s", mutant).hasSize(1);
            assertThat(lines.get(0)).as("the refusal of %s", mutant).startsWith("error: ").hasSizeGreaterThan(12);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // mutations

    /** A mutated file and how it was made, for the failure message. */
    private record Mutant(byte[] bytes, String how) {
        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return how + " (" + bytes.length + " bytes: " + (text.length() <= 300 ? text : text.substring(0, 300) + "...") + ")";
        }
    }

    private static Mutant mutate(String seed, Random random) throws IOException {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(10)) {
            case 0 -> {
                int at = random.nextInt(bytes.length);
                yield new Mutant(Arrays.copyOf(bytes, at), "truncated at byte " + at);
            }
            case 1 -> {
                byte[] flipped = bytes.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                yield new Mutant(flipped, flips + " bytes flipped");
            }
            case 2 -> {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + random.nextInt(200));
                int at = random.nextInt(bytes.length);
                byte[] spliced = new byte[bytes.length + to - from];
                System.arraycopy(bytes, 0, spliced, 0, at);
                System.arraycopy(bytes, from, spliced, at, to - from);
                System.arraycopy(bytes, at, spliced, at + to - from, bytes.length - at);
                yield new Mutant(spliced, "bytes " + from + "-" + to + " copied to " + at);
            }
            case 3, 4 -> numberMutant(seed, random);
            default -> treeMutant(seed, random);
        };
    }

    /** One number of the file (a size, a count, a setting) made extreme: the values that overflow and exhaust memory. */
    private static Mutant numberMutant(String seed, Random random) throws IOException {
        JsonNode root = JSON.readTree(seed);
        List<JsonNode> parents = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        numbers(root, parents, keys);
        int pick = random.nextInt(parents.size());
        List<Long> extremes = List.of(0L, -1L, 1L, 2L, 46341L, 65536L, 1L << 20, 2147483647L, 2147483648L, -2147483648L,
                1L << 40, 9223372036854775807L);
        long value = extremes.get(random.nextInt(extremes.size()));
        if (parents.get(pick) instanceof ObjectNode object) {
            object.put((String) keys.get(pick), value);
        } else {
            ((ArrayNode) parents.get(pick)).set((Integer) keys.get(pick), NODES.numberNode(value));
        }
        return new Mutant(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root),
                "number " + keys.get(pick) + " = " + value);
    }

    private static void numbers(JsonNode node, List<JsonNode> parents, List<Object> keys) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    parents.add(object);
                    keys.add(field.getKey());
                }
                numbers(field.getValue(), parents, keys);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isNumber()) {
                    parents.add(array);
                    keys.add(i);
                }
                numbers(array.get(i), parents, keys);
            }
        }
    }

    /** A change to one value of the JSON tree: another type, a huge or hostile value, removed, repeated, renamed. */
    private static Mutant treeMutant(String seed, Random random) throws IOException {
        JsonNode root = JSON.readTree(seed);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        int changes = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        StringBuilder how = new StringBuilder();
        for (int i = 0; i < changes; i++) {
            how.append(i == 0 ? "" : "; ").append(change(parent, random));
            parent = containers.get(random.nextInt(containers.size()));
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                .replace("\"" + DEEP + "\"", "[".repeat(1500) + "]".repeat(1500));
        return new Mutant(text.getBytes(StandardCharsets.UTF_8), how.toString());
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode() && !node.isEmpty()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static String change(JsonNode parent, Random random) {
        if (parent.isEmpty()) {
            return "nothing (emptied by an earlier change)";
        }
        if (parent instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> {
                    object.remove(name);
                    return "removed \"" + name + "\"";
                }
                case 1 -> {
                    JsonNode value = object.remove(name);
                    String other = HOSTILE.get(random.nextInt(HOSTILE.size()));
                    object.set(other, value);
                    return "renamed \"" + name + "\" to \"" + other + "\"";
                }
                default -> {
                    JsonNode value = value(random);
                    object.set(name, value);
                    return "\"" + name + "\" = " + shown(value);
                }
            }
        }
        ArrayNode array = (ArrayNode) parent;
        int index = random.nextInt(array.size());
        switch (random.nextInt(5)) {
            case 0 -> {
                array.remove(index);
                return "removed item " + index;
            }
            case 1 -> {
                array.add(array.get(index).deepCopy());
                return "repeated item " + index;
            }
            default -> {
                JsonNode value = value(random);
                array.set(index, value);
                return "item " + index + " = " + shown(value);
            }
        }
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.textNode(HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 1 -> NODES.numberNode(List.of(0L, -1L, 1L, 2L, 3L, 1000L, 65536L, 2147483647L, 2147483648L, -2147483648L,
                    9223372036854775807L, -9223372036854775808L).get(random.nextInt(12)));
            case 2 -> NODES.numberNode(List.of(0.5, -0.0, 1e-320, 1e308, -1e308, 3.9, 1e9).get(random.nextInt(7)));
            case 3 -> NODES.numberNode(new BigInteger("1" + "0".repeat(30 + random.nextInt(300))));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.arrayNode().add(random.nextInt(100)).add("x");
            case 7 -> NODES.objectNode().put("name", HOSTILE.get(random.nextInt(HOSTILE.size())));
            default -> NODES.textNode(DEEP); // written as lists nested past the parser's limit
        };
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
