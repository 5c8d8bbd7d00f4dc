package org.resnetexplorer.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every text the user reads, in English or Simplified Chinese (decision 0012): {@code Texts.get("main.run")}.
 * The texts live in {@code messages.properties} (English) and {@code messages_zh_CN.properties} beside this
 * class, read as UTF-8. There is no silent fallback from Chinese to English: a key missing from the current
 * language throws, and {@code TextsBundleTest} proves both files hold the same keys.
 *
 * <p>The language is chosen once, before the classes that hold texts load ({@link #use(Language)}); classes
 * keep their texts in {@code static final} constants, so a change takes effect on the next start.
 */
public final class Texts {
    /** System property naming the language: {@code en}, {@code zh} or {@code system} (the default). */
    public static final String LANGUAGE_PROPERTY = "resnetexplorer.language";
    private static final String BASE = "messages";

    /** The languages of the app. */
    public enum Language {
        ENGLISH("en", Locale.ENGLISH, ""),
        CHINESE("zh", Locale.SIMPLIFIED_CHINESE, "_zh_CN");

        private final String code;
        private final Locale locale;
        private final String suffix;

        Language(String code, Locale locale, String suffix) {
            this.code = code;
            this.locale = locale;
            this.suffix = suffix;
        }

        /** {@code en} or {@code zh}: the code of the experiment presets' texts and of {@code --lang}. */
        public String code() {
            return code;
        }

        public Locale locale() {
            return locale;
        }

        /** The bundle's resource name, relative to this package. */
        public String resource() {
            return BASE + suffix + ".properties";
        }

        /** Chinese for a Chinese locale, else English. */
        public static Language of(Locale locale) {
            return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
        }

        /**
         * The language named {@code code} ({@code en}, {@code zh}); {@code system}, {@code null} or anything else
         * gives the system locale's.
         */
        public static Language parse(String code) {
            for (Language l : values()) {
                if (l.code.equals(code)) {
                    return l;
                }
            }
            return of(Locale.getDefault());
        }
    }

    private static final Map<Language, Map<String, String>> BUNDLES = new EnumMap<>(Language.class);
    private static volatile Language current = Language.parse(System.getProperty(LANGUAGE_PROPERTY));

    private Texts() {
    }

    /** The language texts are given in. */
    public static Language language() {
        return current;
    }

    /**
     * Gives texts in {@code language} from now on. Call it before the classes holding texts load (at start):
     * constants read before keep their language.
     */
    public static void use(Language language) {
        current = Objects.requireNonNull(language, "language");
    }

    /** The text of {@code key} in the current language. */
    public static String get(String key) {
        return get(current, key);
    }

    /** {@link String#format} of the text of {@code key} with {@code args}. */
    public static String format(String key, Object... args) {
        return String.format(get(key), args);
    }

    /**
     * A count with its noun, singular or plural: {@code count("count.runs", 1)} is "1 run", with 3 "3 runs". The
     * bundle holds {@code KEY.one} (for exactly one) and {@code KEY.other}, each with one {@code %d}; Chinese has
     * no plural, so its two texts are alike.
     */
    public static String count(String key, long n) {
        return String.format(get(key + (n == 1 ? ".one" : ".other")), n);
    }

    /**
     * The text of {@code key} in {@code language}.
     *
     * @throws IllegalStateException if that language's bundle lacks the key (a bug: the bundle test fails too)
     */
    public static String get(Language language, String key) {
        String text = bundle(language).get(key);
        if (text == null) {
            throw new IllegalStateException("no text '" + key + "' in " + language.resource());
        }
        return text;
    }

    /** All keys and texts of {@code language}, sorted by key. */
    public static Map<String, String> bundle(Language language) {
        synchronized (BUNDLES) {
            return BUNDLES.computeIfAbsent(language, Texts::load);
        }
    }

    private static Map<String, String> load(Language language) {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(language.resource())) {
            if (in == null) {
                throw new IllegalStateException("the texts " + language.resource() + " are missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((k, v) -> texts.put((String) k, (String) v));
        return Collections.unmodifiableMap(texts);
    }
}
