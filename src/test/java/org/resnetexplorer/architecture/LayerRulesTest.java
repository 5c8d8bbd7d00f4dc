package org.resnetexplorer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers stay visible and point one way: graph is the pure model (no JavaFX, no ND4J, nothing of this
 * project above it); only ui touches JavaFX; engine and data never reach up into cli or ui; i18n (the texts) serves
 * them all and depends on none; files (safe file handling) serves them all and depends on the texts only.
 */
@AnalyzeClasses(packages = "org.resnetexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule graphImportsNeitherJavaFxNorNd4j = noClasses()
            .that().resideInAPackage("org.resnetexplorer.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.nd4j..", "org.bytedeco..",
                    "org.deeplearning4j..")
            .because("the graph model is pure: it must load, validate and count without a UI or a tensor library");

    @ArchTest
    static final ArchRule graphDependsOnNoOtherLayer = noClasses()
            .that().resideInAPackage("org.resnetexplorer.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("org.resnetexplorer.engine..", "org.resnetexplorer.data..",
                    "org.resnetexplorer.cli..", "org.resnetexplorer.ui..")
            .because("every other layer builds on the graph model, not the other way round");

    @ArchTest
    static final ArchRule onlyUiImportsJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.resnetexplorer.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only ui may import JavaFX, so that training and the headless commands run without a display");

    @ArchTest
    static final ArchRule engineDataAndChartsStayBelowTheApp = noClasses()
            .that().resideInAnyPackage("org.resnetexplorer.engine..", "org.resnetexplorer.data..",
                    "org.resnetexplorer.charts..")
            .should().dependOnClassesThat().resideInAnyPackage("org.resnetexplorer.cli..", "org.resnetexplorer.ui..",
                    "org.resnetexplorer.experiments..")
            .allowEmptyShould(true)
            .because("the engine, the datasets and the charts serve both the app and the commands");

    @ArchTest
    static final ArchRule experimentsSitBetweenEngineAndApp = noClasses()
            .that().resideInAPackage("org.resnetexplorer.experiments..")
            .should().dependOnClassesThat().resideInAnyPackage("org.resnetexplorer.cli..", "org.resnetexplorer.ui..",
                    "org.resnetexplorer.charts..")
            .because("the presets run in the app and headless alike: they use the graph, the engine and the data only");

    @ArchTest
    static final ArchRule cliDoesNotReachIntoUi = noClasses()
            .that().resideInAPackage("org.resnetexplorer.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.resnetexplorer.ui..")
            .because("the headless commands must run with no display attached");

    @ArchTest
    static final ArchRule filesDependOnTextsOnly = noClasses()
            .that().resideInAPackage("org.resnetexplorer.files..")
            .should().dependOnClassesThat().resideInAnyPackage("org.resnetexplorer.graph..", "org.resnetexplorer.engine..",
                    "org.resnetexplorer.data..", "org.resnetexplorer.charts..", "org.resnetexplorer.experiments..",
                    "org.resnetexplorer.cli..", "org.resnetexplorer.ui..", "javafx..", "org.nd4j..", "org.bytedeco..")
            .allowEmptyShould(true)
            .because("every layer reads and writes files through it, the graph model included, so it leans on no layer");

    @ArchTest
    static final ArchRule textsDependOnNothingOfOurs = noClasses()
            .that().resideInAPackage("org.resnetexplorer.i18n..")
            .should().dependOnClassesThat().resideInAnyPackage("org.resnetexplorer.graph..", "org.resnetexplorer.engine..",
                    "org.resnetexplorer.data..", "org.resnetexplorer.charts..", "org.resnetexplorer.experiments..",
                    "org.resnetexplorer.cli..", "org.resnetexplorer.ui..", "javafx..")
            .because("every layer may read its texts (decision 0012), so the texts may lean on no layer");
}
