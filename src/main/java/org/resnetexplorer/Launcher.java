package org.resnetexplorer;

import org.resnetexplorer.cli.Cli;
import org.resnetexplorer.i18n.Texts;
import org.resnetexplorer.ui.ExplorerApp;

/**
 * The entry point of {@code java -jar resnet-explorer.jar}: with no arguments it opens the app, with a command
 * it runs headless, in English. It does not extend Application (JavaFX must not be needed to run a command, and a
 * non-Application main class lets JavaFX start from the class path).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            ExplorerApp.open(args);
        } else {
            // the commands speak English whatever the locale, as scripts and logs expect (decision 0012);
            // experiment --lang zh gives the experiments' own texts in Chinese
            Texts.use(Texts.Language.ENGLISH);
            System.exit(Cli.run(args, System.out, System.err));
        }
    }
}
