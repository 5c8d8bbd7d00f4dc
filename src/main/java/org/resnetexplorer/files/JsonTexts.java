package org.resnetexplorer.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the text of a parsed JSON file before anything uses it. JSON may write half a character as an escape
 * ({@code "\ud800"}), and the parser hands it on as a Java string that no UTF-8 file can hold: a file that holds
 * one is refused when it is read, naming where, instead of failing when something built from it is written.
 */
public final class JsonTexts {
    private JsonTexts() {
    }

    /** Where a JSON document holds half a character, and which UTF-16 unit it is. */
    public record LoneSurrogate(String path, char unit) {
        /** The unit as JSON writes it, e.g. {@code \ud800}. */
        public String escape() {
            return String.format("\\u%04x", (int) unit);
        }
    }

    /**
     * The first key or text value under {@code root} with a lone surrogate, if any. The path names it the way a
     * person finds it in the file: keys joined by dots, list entries counted from 1 in brackets
     * ({@code nodes[3].name}); a character that cannot be shown in a message is written as {@code \\uXXXX}.
     */
    public static Optional<LoneSurrogate> firstLoneSurrogate(JsonNode root) {
        return find(root, "");
    }

    private static Optional<LoneSurrogate> find(JsonNode node, String path) {
        if (node.isTextual()) {
            int at = Unicode.loneSurrogateAt(node.textValue());
            return at < 0 ? Optional.empty() : Optional.of(new LoneSurrogate(path, node.textValue().charAt(at)));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<LoneSurrogate> found = find(node.get(i), path + "[" + (i + 1) + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = (path.isEmpty() ? "" : path + ".") + shown(entry.getKey());
                int at = Unicode.loneSurrogateAt(entry.getKey());
                if (at >= 0) {
                    return Optional.of(new LoneSurrogate(key, entry.getKey().charAt(at)));
                }
                Optional<LoneSurrogate> found = find(entry.getValue(), key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A key as a one-line message can show it: surrogates and control characters as escapes. */
    private static String shown(String key) {
        StringBuilder shown = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.SURROGATE || Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
