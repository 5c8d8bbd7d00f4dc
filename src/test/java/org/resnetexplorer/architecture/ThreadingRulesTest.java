package org.resnetexplorer.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callConstructorWhere;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethodWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threading rule of decision 0014: in the window, work goes off the FX thread only through the
 * {@code ui.work.BackgroundWork} seam, whose implementation is the one class that creates threads; the layers below
 * the window create none (they run on their caller's thread) but the threads an experiment's runs train on at once
 * (decision 0025), nor do the commands but bench's warm-up timer.
 */
@AnalyzeClasses(packages = "org.resnetexplorer", importOptions = ImportOption.DoNotIncludeTests.class)
class ThreadingRulesTest {
    /** The seam's implementation: the window's one place that creates threads. */
    private static final String SEAM = "org.resnetexplorer.ui.work.ThreadedWork";
    /** The threads of an experiment's runs that train at once: the one class below the window that creates threads. */
    private static final String RUN_THREADS = "org.resnetexplorer.experiments.RunThreads";

    /** Creates a thread, an executor or a timer (which starts a thread of its own). */
    private static ArchCondition<JavaClass> createThreads() {
        return callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .or(callConstructorWhere(target(owner(assignableTo(ExecutorService.class)))))
                .or(callConstructorWhere(target(owner(assignableTo(Timer.class)))))
                .or(callMethodWhere(target(owner(type(Executors.class)))))
                .as("create a Thread, an ExecutorService or a Timer");
    }

    @ArchTest
    static final ArchRule onlyTheSeamCreatesThreadsInTheWindow = noClasses()
            .that().resideInAPackage("org.resnetexplorer.ui..")
            .and().doNotHaveFullyQualifiedName(SEAM)
            .should(createThreads())
            .because("the window runs work off the FX thread through ui.work.BackgroundWork only, so that a test can run"
                    + " it on one thread and every thread the window has is named in one place (decision 0014)");

    @ArchTest
    static final ArchRule layersBelowTheWindowCreateNoThreads = noClasses()
            .that().resideInAnyPackage("org.resnetexplorer.graph..", "org.resnetexplorer.engine..",
                    "org.resnetexplorer.data..", "org.resnetexplorer.charts..", "org.resnetexplorer.experiments..",
                    "org.resnetexplorer.files..", "org.resnetexplorer.i18n..")
            .and().doNotHaveFullyQualifiedName(RUN_THREADS)
            .should(createThreads())
            .because("the model, the engine, the data and the charts run on their caller's thread: the window's"
                    + " background work or a command's main thread (decision 0014); only an experiment's runs train on"
                    + " threads of their own, made in one class (decision 0025)");

    @ArchTest
    static final ArchRule commandsRunOnTheMainThread = noClasses()
            .that().resideInAPackage("org.resnetexplorer.cli..")
            .and().doNotHaveFullyQualifiedName("org.resnetexplorer.cli.BenchCommand")
            .should(createThreads())
            .because("the headless commands run on the main thread; only bench stops its warm-up with a timer of its"
                    + " own (decision 0014)");
}
