package org.fabricscope.replay.explain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The explanation logic stays plain Java; the panels' view models know nothing of scene graphs. */
class PanelsLayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                    "org.fabricscope.replay.explain",
                    "org.fabricscope.ui.replay",
                    "org.fabricscope.ui.inspector",
                    "org.fabricscope.ui.explainer",
                    "org.fabricscope.ui.eventlog");

    @Test
    void explanationLogicDoesNotImportJavafx() {
        noClasses()
                .that()
                .resideInAPackage("org.fabricscope.replay.explain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .check(classes);
    }
}
