package org.resnetexplorer.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of a preset's study: the fields of its {@code "study"} object besides {@code "kind"}, read by the
 * study's kind with a fallback where a field is absent, and every problem named with the file and the field
 * ({@code study.grid}), as the rest of a preset is. Immutable.
 */
public final class StudySettings {
    private final JsonNode node;
    private final String where;

    /**
     * @param node  the preset's study object
     * @param where the preset file (or bundled preset) the object comes from, for messages
     */
    StudySettings(JsonNode node, String where) {
        this.node = node.deepCopy();
        this.where = Objects.requireNonNull(where, "where");
    }

    /** No settings: every field at its fallback (e.g. for a test's study). */
    public static StudySettings none(String where) {
        return new StudySettings(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), where);
    }

    /** The message for a problem with {@code field} of the study. */
    public ExperimentFileException problem(String field, String message) {
        return new ExperimentFileException(where + ": \"study." + field + "\" " + message);
    }

    /** Whether the study object has {@code field}. */
    public boolean has(String field) {
        return node.has(field);
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} where the field is absent. */
    public int integer(String field, int fallback, int min, int max) throws ExperimentFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        return integer(field, value, min, max);
    }

    private int integer(String field, JsonNode value, int min, int max) throws ExperimentFileException {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw problem(field, "is " + shown(value) + ", not a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    /** A number between {@code min} and {@code max}, or {@code fallback} where the field is absent. */
    public double number(String field, double fallback, double min, double max) throws ExperimentFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < min || value.asDouble() > max) {
            throw problem(field, "is " + shown(value) + ", not a number from " + plain(min) + " to " + plain(max));
        }
        return value.asDouble();
    }

    /**
     * A list of whole numbers, each between {@code min} and {@code max} (at least one, at most 64), or
     * {@code fallback} where the field is absent.
     */
    public List<Integer> integers(String field, List<Integer> fallback, int min, int max) throws ExperimentFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return List.copyOf(fallback);
        }
        if (!value.isArray() || value.isEmpty() || value.size() > 64) {
            throw problem(field, "is " + shown(value) + ", not a list of 1 to 64 whole numbers (e.g. [2, 8, 20])");
        }
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode item : value) {
            numbers.add(integer(field, item, min, max));
        }
        return List.copyOf(numbers);
    }

    /** One of {@code allowed}, or {@code fallback} where the field is absent. */
    public String choice(String field, String fallback, Set<String> allowed) throws ExperimentFileException {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            throw problem(field, "is " + shown(value) + ", not one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value.asText();
    }

    /** Refuses a field the study does not read: a misspelt setting would otherwise be ignored. */
    public void only(Set<String> fields) throws ExperimentFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("kind") && !fields.contains(name)) {
                TreeSet<String> known = new TreeSet<>(fields);
                throw new ExperimentFileException(where + ": \"study\" has a field \"" + shown(name) + "\" that this"
                        + " study does not have" + (known.isEmpty() ? "" : ": use " + String.join(", ", known)));
            }
        }
    }

    /** Settings are equal when they hold the same fields and values, wherever they were read from. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StudySettings that && node.equals(that.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return node.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** A value from the file, short and on one line, for a message. */
    private static String shown(JsonNode value) {
        return shown(value.toString());
    }

    private static String shown(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }
}
