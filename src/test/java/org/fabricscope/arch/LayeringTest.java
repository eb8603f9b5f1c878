package org.fabricscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md §2, checked rather than reviewed. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fabricscope");
    }

    @Test
    void simulatorTraceReplayAndCliDoNotDependOnJavafx() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.fabricscope.sim..",
                        "org.fabricscope.trace..",
                        "org.fabricscope.replay..",
                        "org.fabricscope.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "org.fabricscope.ui..")
                .check(classes);
    }

    @Test
    void modelLayersDoNotDependOnTheCli() {
        noClasses()
                .that()
                .resideInAnyPackage("org.fabricscope.sim..", "org.fabricscope.trace..", "org.fabricscope.replay..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.fabricscope.cli..")
                .check(classes);
    }

    @Test
    void traceModelDoesNotDependOnTheSimulator() {
        noClasses()
                .that()
                .resideInAnyPackage("org.fabricscope.trace..", "org.fabricscope.replay..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.fabricscope.sim..")
                .check(classes);
    }

    @Test
    void sweepEngineNeedsNeitherJavafxNorTheCliAndOnlyItsSparkRunnerTouchesSpark() {
        noClasses()
                .that()
                .resideInAnyPackage("org.fabricscope.sweep..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..", "org.fabricscope.ui..", "org.fabricscope.cli..")
                .check(classes);
        // The desktop jar has no Spark: everything but sweep.spark must load without it.
        noClasses()
                .that()
                .resideOutsideOfPackage("org.fabricscope.sweep.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
    }
}
