package org.fabricscope.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of FabricScope and who may use whom: the one place these rules are written. The
 * package-info files say what lives in a package and point here for its dependencies.
 *
 * <p>Reading the rule: each {@code whereLayer(X).mayOnlyAccessLayers(...)} lists everything X may
 * depend on (besides itself, the JDK and the libraries); each {@code mayOnlyBeAccessedByLayers}
 * lists everyone who may depend on X. JavaFX and ControlsFX are layers too, so "no JavaFX outside
 * {@code ui}" is part of the same rule. Layers marked optional belong to work in progress on other
 * branches ({@code sweep}, {@code sim.shrink}/{@code shrink}, {@code sim.explore}); the rule holds
 * whether they exist yet or not. A class outside every layer fails the rule, so a new package must
 * be given its place here.
 */
@AnalyzeClasses(packages = "org.fabricscope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    /** Every model layer: plain Java, no UI, no command line. */
    private static final String[] MODEL = {
        "Trace",
        "TraceIo",
        "SimCore",
        "SimFabric",
        "SimActor",
        "SimScenario",
        "Sim",
        "SimExperiment",
        "SimCheck",
        "SimShrink",
        "SimExplore",
        "Shrink",
        "Replay",
        "ReplayExplain",
        "Diff",
        "Session",
        "Sweep"
    };

    /** The feature packages of the GUI, each a View beside its ViewModel. */
    private static final String[] UI = {
        "UiApp",
        "UiMain",
        "UiWorkspace",
        "UiScenario",
        "UiCompare",
        "UiExplainer",
        "UiReplay",
        "UiInspector",
        "UiEventlog",
        "UiTimeline",
        "UiFiles",
        "UiSession",
        "UiSupport",
        "UiOtherFeature"
    };

    /** A {@code ui} feature package added after this rule was written (sweep dashboard, ...). */
    private static final DescribedPredicate<JavaClass> OTHER_UI_FEATURE =
            DescribedPredicate.describe("in another ui feature package", c -> {
                String p = c.getPackageName();
                if (!p.startsWith("org.fabricscope.ui.")) {
                    return false;
                }
                String feature = p.substring("org.fabricscope.ui.".length()).split("\\.", 2)[0];
                return !java.util.Set.of(
                                "main",
                                "workspace",
                                "scenario",
                                "compare",
                                "explainer",
                                "replay",
                                "inspector",
                                "eventlog",
                                "timeline",
                                "files",
                                "session",
                                "support")
                        .contains(feature);
            });

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            // ---- toolkits: only the GUI (and the benchmark's frame timing) may use them
            // (optional: only org.fabricscope is imported, so these layers hold no imported class)
            .optionalLayer("JavaFxBase")
            .definedBy("javafx.beans..", "javafx.collections..", "javafx.concurrent..", "javafx.util..")
            .optionalLayer("JavaFxScene")
            .definedBy(
                    "javafx.application..",
                    "javafx.animation..",
                    "javafx.css..",
                    "javafx.event..",
                    "javafx.fxml..",
                    "javafx.geometry..",
                    "javafx.scene..",
                    "javafx.stage..",
                    "org.controlsfx..")
            // ---- the model
            .layer("Trace")
            .definedBy("org.fabricscope.trace")
            .layer("TraceIo")
            .definedBy("org.fabricscope.trace.io..")
            .layer("SimCore")
            .definedBy("org.fabricscope.sim.core..")
            .layer("SimFabric")
            .definedBy("org.fabricscope.sim.fabric..")
            .layer("SimActor")
            .definedBy("org.fabricscope.sim.actor..")
            .layer("SimScenario")
            .definedBy("org.fabricscope.sim.scenario..")
            .layer("Sim")
            .definedBy("org.fabricscope.sim")
            .layer("SimExperiment")
            .definedBy("org.fabricscope.sim.experiment..")
            .layer("SimCheck")
            .definedBy("org.fabricscope.sim.check..")
            .optionalLayer("SimShrink")
            .definedBy("org.fabricscope.sim.shrink..")
            .optionalLayer("SimExplore")
            .definedBy("org.fabricscope.sim.explore..")
            .optionalLayer("Shrink")
            .definedBy("org.fabricscope.shrink..")
            .layer("Replay")
            .definedBy("org.fabricscope.replay")
            .layer("ReplayExplain")
            .definedBy("org.fabricscope.replay.explain")
            .layer("Diff")
            .definedBy("org.fabricscope.diff..")
            .layer("Session")
            .definedBy("org.fabricscope.session..")
            .optionalLayer("Sweep")
            .definedBy("org.fabricscope.sweep..")
            // ---- presentation without a toolkit, shared by the command line and the GUI
            .layer("Present")
            .definedBy("org.fabricscope.present..")
            // ---- the front ends
            .layer("Cli")
            .definedBy("org.fabricscope.cli..")
            .layer("UiApp")
            .definedBy("org.fabricscope.ui")
            .layer("UiMain")
            .definedBy("org.fabricscope.ui.main..")
            .layer("UiWorkspace")
            .definedBy("org.fabricscope.ui.workspace..")
            .layer("UiScenario")
            .definedBy("org.fabricscope.ui.scenario..")
            .layer("UiCompare")
            .definedBy("org.fabricscope.ui.compare..")
            .layer("UiExplainer")
            .definedBy("org.fabricscope.ui.explainer..")
            .layer("UiReplay")
            .definedBy("org.fabricscope.ui.replay..")
            .layer("UiInspector")
            .definedBy("org.fabricscope.ui.inspector..")
            .layer("UiEventlog")
            .definedBy("org.fabricscope.ui.eventlog..")
            .layer("UiTimeline")
            .definedBy("org.fabricscope.ui.timeline..")
            .layer("UiFiles")
            .definedBy("org.fabricscope.ui.files..")
            .layer("UiSession")
            .definedBy("org.fabricscope.ui.session..")
            .layer("UiSupport")
            .definedBy("org.fabricscope.ui.support..")
            .optionalLayer("UiOtherFeature")
            .definedBy(OTHER_UI_FEATURE)
            .optionalLayer("Bench")
            .definedBy("org.fabricscope.bench..")
            .layer("App")
            .definedBy("org.fabricscope")
            // ---- who may use whom: the model, bottom up
            .whereLayer("Trace")
            .mayNotAccessAnyLayer()
            .whereLayer("TraceIo")
            .mayOnlyAccessLayers("Trace")
            .whereLayer("SimCore")
            .mayOnlyAccessLayers("Trace")
            .whereLayer("SimFabric")
            .mayOnlyAccessLayers("SimCore", "Trace")
            .whereLayer("SimActor") // never the sim package itself: actors do not run simulations
            .mayOnlyAccessLayers("SimCore", "SimFabric", "Trace")
            .whereLayer("SimScenario")
            .mayOnlyAccessLayers("SimCore", "Trace")
            .whereLayer("Sim")
            .mayOnlyAccessLayers("SimCore", "SimFabric", "SimActor", "SimScenario", "Trace")
            .whereLayer("SimExperiment")
            .mayOnlyAccessLayers("Sim", "SimCore", "SimScenario", "Trace")
            .whereLayer("SimCheck") // stands apart from the simulator it checks: reads traces only
            .mayOnlyAccessLayers("Trace")
            .whereLayer("SimShrink")
            .mayOnlyAccessLayers(
                    "Sim", "SimCore", "SimScenario", "SimExperiment", "SimCheck", "Trace", "Replay", "ReplayExplain")
            .whereLayer("SimExplore")
            .mayOnlyAccessLayers(
                    "Sim",
                    "SimCore",
                    "SimScenario",
                    "SimExperiment",
                    "SimCheck",
                    "SimShrink",
                    "Trace",
                    "Replay",
                    "ReplayExplain")
            .whereLayer("Shrink")
            .mayOnlyAccessLayers(
                    "Sim",
                    "SimCore",
                    "SimScenario",
                    "SimExperiment",
                    "SimCheck",
                    "Trace",
                    "TraceIo",
                    "Replay",
                    "ReplayExplain",
                    "Diff")
            .whereLayer("Replay") // replay only reads traces; it never runs the simulator
            .mayOnlyAccessLayers("Trace")
            .whereLayer("ReplayExplain")
            .mayOnlyAccessLayers("Replay", "Trace")
            .whereLayer("Diff")
            .mayOnlyAccessLayers("Trace")
            .whereLayer("Session")
            .mayOnlyAccessLayers("Replay", "Trace", "TraceIo")
            .whereLayer("Sweep")
            .mayOnlyAccessLayers(
                    "Sim",
                    "SimCore",
                    "SimScenario",
                    "SimExperiment",
                    "SimCheck",
                    "SimShrink",
                    "SimExplore",
                    "Shrink",
                    "Trace",
                    "TraceIo",
                    "Replay",
                    "ReplayExplain",
                    "Diff")
            .whereLayer("Present")
            .mayOnlyAccessLayers(MODEL)
            // ---- the front ends: the command line never sees the GUI, and nothing sees them
            .whereLayer("Cli")
            .mayOnlyAccessLayers(concat(MODEL, "Present"))
            .whereLayer("Cli")
            .mayOnlyBeAccessedByLayers("App", "Bench")
            .whereLayer("Bench") // the benchmark measures the product; the product never calls it
            .mayOnlyBeAccessedByLayers("App")
            .whereLayer("JavaFxBase")
            .mayOnlyBeAccessedByLayers(concat(UI, "Bench"))
            .whereLayer("JavaFxScene")
            .mayOnlyBeAccessedByLayers(concat(UI, "Bench"))
            // ---- the GUI's feature packages
            .whereLayer("UiSupport") // plumbing every feature shares: knows no feature, no model
            .mayOnlyAccessLayers("Trace", "JavaFxBase", "JavaFxScene")
            .whereLayer("UiSession")
            .mayOnlyAccessLayers("Replay", "Trace", "JavaFxBase")
            .whereLayer("UiFiles") // services only: no views
            .mayOnlyAccessLayers("Trace", "TraceIo", "UiSupport", "JavaFxBase")
            .whereLayer("UiTimeline") // only reads traces: no simulator, no other feature
            .mayOnlyAccessLayers("Trace", "Replay", "UiSession", "JavaFxBase", "JavaFxScene")
            .whereLayer("UiEventlog")
            .mayOnlyAccessLayers("Trace", "Replay", "ReplayExplain", "UiSession", "JavaFxBase", "JavaFxScene")
            .whereLayer("UiInspector")
            .mayOnlyAccessLayers("Trace", "Replay", "ReplayExplain", "UiSession", "JavaFxBase", "JavaFxScene")
            .whereLayer("UiReplay")
            .mayOnlyAccessLayers("Trace", "Replay", "ReplayExplain", "UiSession", "JavaFxBase", "JavaFxScene")
            .whereLayer("UiExplainer")
            .mayOnlyAccessLayers(
                    "Trace",
                    "Replay",
                    "ReplayExplain",
                    "Present",
                    "Sim",
                    "SimScenario",
                    "SimExperiment",
                    "UiSession",
                    "UiSupport",
                    "JavaFxBase",
                    "JavaFxScene")
            .whereLayer("UiScenario")
            .mayOnlyAccessLayers(
                    "Trace",
                    "Sim",
                    "SimScenario",
                    "SimExperiment",
                    "Present",
                    "UiSession",
                    "UiSupport",
                    "JavaFxBase",
                    "JavaFxScene")
            .whereLayer("UiCompare")
            .mayOnlyAccessLayers(
                    "Trace",
                    "TraceIo",
                    "Replay",
                    "ReplayExplain",
                    "Diff",
                    "Sim",
                    "SimScenario",
                    "Present",
                    "UiSession",
                    "UiSupport",
                    "UiTimeline",
                    "UiEventlog", // colours the log's rows by difference while comparing
                    "JavaFxBase",
                    "JavaFxScene")
            .whereLayer("UiWorkspace") // drives the window's view model to reopen a session's trace
            .mayOnlyAccessLayers(concat(
                    MODEL,
                    "Present",
                    "UiMain",
                    "UiScenario",
                    "UiReplay",
                    "UiEventlog",
                    "UiTimeline",
                    "UiSession",
                    "UiSupport",
                    "JavaFxBase",
                    "JavaFxScene"))
            .whereLayer("UiOtherFeature")
            .mayOnlyAccessLayers(concat(
                    MODEL,
                    "Present",
                    "UiScenario", // sweeps and the dashboard run the scenario panel's scenario
                    "UiTimeline",
                    "UiSession",
                    "UiSupport",
                    "UiFiles",
                    "JavaFxBase",
                    "JavaFxScene"))
            .whereLayer("UiMain") // composes every feature around the shared session
            .mayOnlyAccessLayers(concat(concat(MODEL, "Present", "App", "JavaFxBase", "JavaFxScene"), UI))
            .whereLayer("UiApp")
            .mayOnlyAccessLayers(concat(concat(MODEL, "Present", "JavaFxBase", "JavaFxScene"), UI))
            .whereLayer("UiApp")
            .mayOnlyBeAccessedByLayers("App", "Bench")
            // ---- the entry point: picks the command line, the GUI or the benchmark
            .whereLayer("App")
            .mayOnlyAccessLayers(concat(concat(MODEL, "Present", "Cli", "Bench"), UI))
            .whereLayer("Bench")
            .mayOnlyAccessLayers(concat(concat(MODEL, "Present", "JavaFxBase", "JavaFxScene"), UI))
            .as("FabricScope's layers: model (trace, sim, replay, diff, session) under present, under cli and ui;"
                    + " JavaFX only in ui");

    /**
     * MVVM, the one rule that is about class names rather than packages: a view model holds
     * properties and commands, and is tested without a Stage, so it knows no scene graph.
     */
    @ArchTest
    static final ArchRule viewModelsKnowNoSceneGraph = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..", "org.controlsfx..");

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The desktop jar has no Spark: everything but {@code sweep.spark} must load without it. */
    @ArchTest
    static final ArchRule onlyTheSparkRunnerTouchesSpark = noClasses()
            .that()
            .resideOutsideOfPackage("org.fabricscope.sweep.spark..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.spark..", "scala..");
}
