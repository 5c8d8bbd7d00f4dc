package org.resnetexplorer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.resnetexplorer.i18n.Texts.Language;

/** Counts read "1 run", "2 runs": one helper, one key per noun with a text for one and one for the rest. */
class TextsCountTest {
    @Test
    @DisplayName("one is singular and every other number plural in English: 1 problem, 0 problems, 2 problems")
    void singularAndPlural() {
        assertThat(Texts.count("count.problems", 1)).isEqualTo("1 problem");
        assertThat(Texts.count("count.problems", 0)).isEqualTo("0 problems");
        assertThat(Texts.count("count.runs", 2)).isEqualTo("2 runs");
        assertThat(Texts.count("count.layers", 1)).isEqualTo("1 layer");
        assertThat(Texts.count("count.more.problems", 1)).isEqualTo("1 more problem");
    }

    @Test
    @DisplayName("every count key has a text for one and for the rest, each holding the number once, in both languages;"
            + " Chinese says them alike")
    void everyCountHasBothForms() {
        for (Language language : Language.values()) {
            Map<String, String> texts = Texts.bundle(language);
            texts.keySet().stream().filter(k -> k.startsWith("count.")).forEach(key -> {
                String noun = key.substring(0, key.lastIndexOf('.'));
                assertThat(key).as("a count key ends in .one or .other").matches(".*\\.(one|other)");
                assertThat(texts).as("%s in %s", noun, language).containsKeys(noun + ".one", noun + ".other");
                assertThat(texts.get(key).split("%d", -1)).as("%s holds %%d once", key).hasSize(2);
                if (language == Language.CHINESE) {
                    assertThat(texts.get(noun + ".one")).isEqualTo(texts.get(noun + ".other"));
                }
            });
        }
    }
}
