package org.resnetexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The window's folders show its architecture: {@code ui} itself is the shell, which may use every folder; each
 * feature folder uses only the folders listed for it below, never the shell, and no two folders use each other in
 * a circle.
 */
@AnalyzeClasses(packages = "org.resnetexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class UiFolderRulesTest {
    private static final String UI = "org.resnetexplorer.ui";

    /** Each folder of ui and the folders it may use. */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("work", Set.of());
        MAY_USE.put("dialogs", Set.of());
        MAY_USE.put("editor", Set.of());
        MAY_USE.put("templates", Set.of());
        MAY_USE.put("layout", Set.of());
        MAY_USE.put("charts", Set.of("work"));
        MAY_USE.put("training", Set.of("work"));
        MAY_USE.put("document", Set.of("dialogs", "work"));
        // the layer settings' number messages are the training panel's
        MAY_USE.put("inspector", Set.of("training"));
        MAY_USE.put("appearance", Set.of("charts", "editor"));
        MAY_USE.put("experiments", Set.of("training", "charts", "dialogs", "work"));
        MAY_USE.put("diagnostics", Set.of("training", "charts", "work"));
    }

    @ArchTest
    static final ArchRule foldersDoNotUseTheShell = noClasses()
            .that().resideInAPackage(UI + ".*..")
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("the shell (MainWindow and its menus) puts the folders together; a folder that reached back into it"
                    + " could not be understood or tested without the whole window");

    @ArchTest
    static final ArchRule foldersAreFreeOfCycles = slices().matching(UI + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static void eachFolderUsesOnlyItsListedFolders(JavaClasses classes) {
        for (Map.Entry<String, Set<String>> folder : MAY_USE.entrySet()) {
            Set<String> others = new TreeSet<>(MAY_USE.keySet());
            others.remove(folder.getKey());
            others.removeAll(folder.getValue());
            String[] forbidden = others.stream().map(name -> UI + "." + name + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(UI + "." + folder.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("ui." + folder.getKey() + " may use " + (folder.getValue().isEmpty() ? "no other folder"
                            : String.join(", ", new TreeSet<>(folder.getValue()))) + " (UiFolderRulesTest.MAY_USE)")
                    .check(classes);
        }
    }

    @ArchTest
    static void everyFolderIsListed(JavaClasses classes) {
        Set<String> folders = new TreeSet<>();
        classes.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith(UI + "."))
                .forEach(p -> folders.add(p.substring(UI.length() + 1).split("\\.")[0]));
        if (!MAY_USE.keySet().containsAll(folders)) {
            throw new AssertionError("folders of ui without a rule in UiFolderRulesTest.MAY_USE: "
                    + new TreeSet<>(folders) + " listed: " + MAY_USE.keySet());
        }
    }
}
