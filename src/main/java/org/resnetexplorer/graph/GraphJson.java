package org.resnetexplorer.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.resnetexplorer.i18n.Texts;

/**
 * A graph file's text as the one JSON object it must hold, before {@link GraphFiles} reads a network from it.
 * Every way it can fail to be one is a {@link GraphFileException} naming the file and saying how: not UTF-8
 * text (an image, a zip, a weights file), empty, not JSON, not an object, cut off, a syntax error at a line
 * and column (in the parser's words), or more text after the object.
 */
final class GraphJson {
    /** Reads and writes graph files; a key given twice in one object is an error, not the last one winning. */
    static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private GraphJson() {
    }

    /** The bytes as UTF-8 text; anything else (an image, a zip, a weights file) is not a graph. */
    static String decode(byte[] bytes, Path file) throws GraphFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notText(file, e);
        }
        if (text.indexOf('\0') >= 0) {
            throw notText(file, null);
        }
        // Some Windows editors start UTF-8 files with a byte-order mark, which JSON does not allow.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static GraphFileException notText(Path file, Throwable cause) {
        return new GraphFileException(file, Texts.get("graphFiles.binary"), cause);
    }

    /** The one JSON object the text holds, or why it does not hold one. */
    static JsonNode object(String text, Path file) throws GraphFileException {
        if (text.isBlank()) {
            throw new GraphFileException(file, Texts.get("graphFiles.empty"));
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new GraphFileException(file, Texts.format("graphFiles.not.json", firstWords(text)), e);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new GraphFileException(file, Texts.format("graphFiles.not.object", describe(first)));
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw syntaxError(e, text, file);
            }
            int lastLine = parser.currentLocation().getLineNr();
            if (!endsHere(parser)) {
                throw new GraphFileException(file, Texts.format("graphFiles.goes.on", lastLine));
            }
            return root;
        } catch (IOException e) {
            // Only creating or closing the parser gets here, which does not fail on a string; JsonParser declares it.
            throw new GraphFileException(file, Texts.format("graphFiles.not.readable.json", e.getMessage()), e);
        }
    }

    private static boolean endsHere(JsonParser parser) {
        try {
            return parser.nextToken() == null;
        } catch (IOException e) {
            // Text after the graph that is not even JSON is extra text all the same.
            return false;
        }
    }

    private static GraphFileException syntaxError(JsonProcessingException e, String text, Path file) {
        JsonLocation at = e.getLocation();
        if (at == null) {
            return new GraphFileException(file, Texts.format("graphFiles.invalid.json", reason(e)), e);
        }
        // An error at the very end means the text stopped where more had to come: a cut-off file.
        if (e instanceof JsonEOFException || at.getCharOffset() >= text.stripTrailing().length()) {
            return new GraphFileException(file, Texts.format("graphFiles.ends.early", at.getLineNr()), e);
        }
        return new GraphFileException(file, Texts.format("graphFiles.invalid.json.at", at.getLineNr(), at.getColumnNr(),
                reason(e)), e);
    }

    /** The parser's reason, without the source description it appends. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        int source = message.indexOf("[Source");
        if (source < 0) {
            return message;
        }
        int opening = message.lastIndexOf(" (", source);
        return message.substring(0, opening >= 0 ? opening : source).trim();
    }

    private static String firstWords(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= GraphFiles.SHOWN_LENGTH ? line : line.substring(0, GraphFiles.SHOWN_LENGTH - 3) + "...";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> Texts.get("graphFiles.token.list");
            case VALUE_STRING -> Texts.get("graphFiles.token.string");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Texts.get("graphFiles.token.number");
            case VALUE_TRUE, VALUE_FALSE -> Texts.get("graphFiles.token.boolean");
            default -> Texts.format("graphFiles.token.other", token.asString());
        };
    }
}
