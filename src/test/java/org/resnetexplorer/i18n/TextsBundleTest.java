package org.resnetexplorer.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.graph.LayerSpec;
import org.resnetexplorer.i18n.Texts.Language;

/** The two bundles hold the same keys, every Chinese text is Chinese, and every key the code asks for exists. */
class TextsBundleTest {
    static final Set<String> ALLOWED = AllowedNames.ALLOWED;

    /** A format placeholder: %s, %d, %.3g, %2$d ... (not "20% of", which has no conversion after it). */
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+0,(]*\\d*(\\.\\d+)?[sdfgxeSn%]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern KEY_IN_CODE = Pattern.compile("Texts\\.(?:get|format)\\(\"([\\w.]*\\w)\"[,)]");

    private final Map<String, String> english = Texts.bundle(Language.ENGLISH);
    private final Map<String, String> chinese = Texts.bundle(Language.CHINESE);

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        assertThat(english).isNotEmpty();
        assertThat(new TreeSet<>(chinese.keySet())).as("keys of messages_zh_CN.properties")
                .isEqualTo(new TreeSet<>(english.keySet()));
    }

    @Test
    void everyChineseTextIsNonEmptyAndHasNoEnglishWordsBeyondNames() {
        List<String> english = new ArrayList<>();
        chinese.forEach((key, text) -> {
            if (text.isBlank()) {
                english.add(key + " is empty");
            }
            String words = PLACEHOLDER.matcher(text).replaceAll(" ").replaceAll("--[a-z-]+", " ");
            Matcher m = WORD.matcher(words);
            while (m.find()) {
                if (!ALLOWED.contains(m.group())) {
                    english.add(key + ": '" + m.group() + "' in " + text);
                }
            }
        });
        assertThat(english).as("Chinese texts with English words").isEmpty();
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() {
        List<String> different = new ArrayList<>();
        english.forEach((key, text) -> {
            if (!placeholders(text).equals(placeholders(chinese.getOrDefault(key, "")))) {
                different.add(key + ": " + text + " | " + chinese.get(key));
            }
        });
        assertThat(different).isEmpty();
    }

    @Test
    void reorderedPlaceholdersFormatTheSameArguments() {
        assertThat(String.format(Texts.get(Language.CHINESE, "trainer.loss.nan"), "NaN", 12)).contains("12", "NaN");
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(300);
        assertThat(english.keySet()).containsAll(asked);
    }

    @Test
    void everySettingTheChecksNameHasAWord() throws IOException {
        Pattern check = Pattern.compile("Checks\\.(?:atLeast|fraction|positive)\\([^;]*\"(\\w+)\"\\)");
        Set<String> settings = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/resnetexplorer/graph"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = check.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    settings.add(m.group(1));
                }
            }
        }
        assertThat(settings).contains("kernel", "rate", "width");
        for (String setting : settings) {
            assertThat(english).containsKey("checks.setting." + setting);
        }
    }

    @Test
    void everyRunStatusHasAWord() {
        for (org.resnetexplorer.engine.RunStatus status : org.resnetexplorer.engine.RunStatus.values()) {
            assertThat(english).as(status.name()).containsKey("runStatus." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void everyLayerSettingHasALabel() {
        for (Class<?> kind : LayerSpec.class.getPermittedSubclasses()) {
            for (RecordComponent c : kind.getRecordComponents()) {
                assertThat(english).as(kind.getSimpleName() + "." + c.getName()).containsKey("layerSettings." + c.getName());
            }
        }
    }

    @Test
    void aMissingKeyThrowsInsteadOfFallingBackToEnglish() {
        assertThatThrownBy(() -> Texts.get(Language.CHINESE, "no.such.key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no.such.key");
    }

    @Test
    void theLanguageFollowsTheLocaleUnlessNamed() {
        assertThat(Language.of(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(Language.CHINESE);
        assertThat(Language.of(java.util.Locale.TAIWAN)).isEqualTo(Language.CHINESE);
        assertThat(Language.of(java.util.Locale.GERMANY)).isEqualTo(Language.ENGLISH);
        assertThat(Language.parse("zh")).isEqualTo(Language.CHINESE);
        assertThat(Language.parse("en")).isEqualTo(Language.ENGLISH);
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceFirst("^%\\d+\\$", "%"));
        }
        found.sort(null);
        return found;
    }
}
