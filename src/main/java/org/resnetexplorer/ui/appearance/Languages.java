package org.resnetexplorer.ui.appearance;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.resnetexplorer.i18n.Texts.Language;
import org.resnetexplorer.i18n.Texts;


/**
 * The language of the app (decision 0012): View > Language saves "system", "en" or "zh" in the preferences;
 * {@code -Dresnetexplorer.language} overrides it (tests, screenshots), and "system" follows the system locale.
 * Texts are fixed when their classes load, so the choice is applied once, before the window is built, and a
 * change takes effect on restart.
 */
public final class Languages {
    /** The preference key. */
    public static final String KEY = "language";
    public static final String SYSTEM = "system";

    private Languages() {
    }

    /** "system", "en" or "zh", as saved. */
    public static String saved(Preferences preferences) {
        String value = preferences.get(KEY, SYSTEM);
        return value.equals(Language.ENGLISH.code()) || value.equals(Language.CHINESE.code()) ? value : SYSTEM;
    }

    /** The language to show: the system property if set, else the saved choice (else the system locale's). */
    public static Language chosen(Preferences preferences) {
        String forced = System.getProperty(Texts.LANGUAGE_PROPERTY);
        return Language.parse(forced != null && !forced.isBlank() ? forced : saved(preferences));
    }

    /**
     * Gives every text from now on in the chosen language, JavaFX's own (OK, Cancel, a text field's menu) too:
     * call it before any window class loads. The default locale changes only where its language differs, so
     * a user keeps the number formats of a locale that already speaks the chosen language.
     */
    public static void apply(Preferences preferences) {
        Language language = chosen(preferences);
        Texts.use(language);
        if (!Locale.getDefault().getLanguage().equals(language.locale().getLanguage())) {
            Locale.setDefault(language.locale());
        }
    }

    /**
     * The command line that started this JVM, to start the app again; empty where neither the platform nor the
     * JVM tells (then the user restarts by hand). A language forced on the command line is left out, so the
     * saved choice applies.
     */
    public static Optional<List<String>> relaunchCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isPresent() && info.arguments().isPresent()) {
            List<String> command = new ArrayList<>();
            command.add(info.command().get());
            command.addAll(List.of(info.arguments().get()));
            return Optional.of(withoutLanguage(command));
        }
        // Linux gives no arguments for a command line longer than a page (4 KB), as under mvn javafx:run with
        // its long class path: the JVM's own view of how it started serves instead
        return relaunchCommand(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
                System.getProperty("sun.java.command"));
    }

    /**
     * The command that starts a JVM again from its parts: {@code java} the launcher, {@code options} the JVM
     * options as the JVM reports them ("--module-path=...", "-Xmn32m"), {@code classPath} the class path and
     * {@code mainCommand} the main class or jar with the program's arguments, as {@code sun.java.command} gives
     * them; empty without a main command.
     */
    static Optional<List<String>> relaunchCommand(String java, List<String> options, String classPath,
            String mainCommand) {
        if (mainCommand == null || mainCommand.isBlank()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        List<String> main = List.of(mainCommand.trim().split(" +"));
        if (main.get(0).endsWith(".jar")) {
            command.add("-jar");
        } else if (classPath != null && !classPath.isEmpty()) {
            command.add("-classpath");
            command.add(classPath);
        }
        command.addAll(main);
        return Optional.of(withoutLanguage(command));
    }

    private static List<String> withoutLanguage(List<String> command) {
        return command.stream().filter(arg -> !arg.startsWith("-D" + Texts.LANGUAGE_PROPERTY + "=")).toList();
    }
}
