package org.resnetexplorer.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The data package stands on the graph model, the texts (decision 0012), the shared safe file handling (files) and
 * the JDK alone.
 */
@AnalyzeClasses(packages = "org.resnetexplorer.data", importOptions = ImportOption.DoNotIncludeTests.class)
class DataDependenciesTest {

    @ArchTest
    static final ArchRule dataDependsOnGraphAndJdkOnly = classes()
            .that().resideInAPackage("org.resnetexplorer.data..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.resnetexplorer.data..",
                    "org.resnetexplorer.graph..", "org.resnetexplorer.i18n..", "org.resnetexplorer.files..", "java..")
            .because("datasets load in the app, the commands and the engine alike, without a tensor library or a UI");
}
