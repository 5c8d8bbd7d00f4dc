package org.resnetexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README is the newcomer's page: short, the two commands first, and the full guide in docs/USER-GUIDE.md one
 * link away. The links between the documents (README, guide, decisions, screenshots) are checked here, so that
 * moving a section or renaming a heading cannot leave a link pointing nowhere.
 */
class DocumentationLinksTest {
    /** The README's limit, in characters (issue 12): what a newcomer reads in one go. */
    static final int README_MAX_CHARS = 8_000;

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+\\s+(.*)$");
    private static final Pattern FENCED_CODE = Pattern.compile("(?s)```.*?```");

    @Test
    @DisplayName("the README is under 8,000 characters and shows how to run the app and the tests before its first section")
    void readmeIsShortWithTheCommandsFirst() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme.codePointCount(0, readme.length())).as("README.md's length in characters").isLessThan(README_MAX_CHARS);
        String top = readme.substring(0, readme.indexOf("\n## "));
        assertThat(top).as("the README above its first section").contains("mvn javafx:run", "mvn verify", "docs/USER-GUIDE.md");
    }

    @Test
    @DisplayName("every relative link in the README and under docs/ leads to a file that exists, and to a heading of it")
    void everyLinkLeadsSomewhere() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher link = LINK.matcher(withoutCode(Files.readString(document)));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? document : document.resolveSibling(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(document + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        if (!markdown.toString().endsWith(".md")) {
            return Set.of();
        }
        return HEADING.matcher(withoutCode(Files.readString(markdown))).results()
                .map(heading -> heading.group(1).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    /** The text without its fenced code blocks, whose "# comments" are not headings and whose brackets are not links. */
    private static String withoutCode(String markdown) {
        return FENCED_CODE.matcher(markdown).replaceAll("");
    }
}
