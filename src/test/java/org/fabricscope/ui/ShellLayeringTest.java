package org.fabricscope.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shell's MVVM rules, checked rather than reviewed. */
@AnalyzeClasses(packages = "org.fabricscope.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ShellLayeringTest {
    @ArchTest
    static final ArchRule shellViewModelsKnowNothingOfViews = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .and()
            .resideInAnyPackage("org.fabricscope.ui.main", "org.fabricscope.ui.scenario")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..");

    @ArchTest
    static final ArchRule supportDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.fabricscope.ui.support")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.fabricscope.sim..",
                    "org.fabricscope.replay..",
                    "org.fabricscope.ui.main..",
                    "org.fabricscope.ui.scenario..",
                    "org.fabricscope.ui.files..",
                    "org.fabricscope.ui.session..");

    @ArchTest
    static final ArchRule filesHoldNoViews = noClasses()
            .that()
            .resideInAPackage("org.fabricscope.ui.files")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..");
}
