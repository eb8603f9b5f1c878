package org.fabricscope.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jars hold. Runs in {@code verify}, after {@code package}, on the jars the build
 * just wrote (the pom passes their paths); the unit tests run before any jar exists.
 */
class PackagedJarsCheck {
    private static List<String> entries(String property) throws IOException {
        String path = System.getProperty(property);
        assertThat(path).as("system property %s (set by the pom)", property).isNotNull();
        try (JarFile jar = new JarFile(Path.of(path).toFile())) {
            return jar.stream().map(ZipEntry::getName).toList();
        }
    }

    private static Manifest manifest(String property) throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty(property)).toFile())) {
            return jar.getManifest();
        }
    }

    @Test
    void theProductJarHoldsNoBenchmarkTestToolkitOrProbe() throws IOException {
        List<String> entries = entries("product.jar");
        assertThat(entries)
                .contains("org/fabricscope/Launcher.class", "org/fabricscope/ui/FabricScopeApp.class")
                .noneMatch(e -> e.startsWith("org/fabricscope/bench/"))
                .noneMatch(e -> e.startsWith("org/fabricscope/pictures/"))
                .noneMatch(e -> e.startsWith("com/sun/glass/ui/monocle/"))
                .noneMatch(e -> e.startsWith("org/testfx/"))
                .noneMatch(e -> e.startsWith("org/junit/"))
                .noneMatch(e -> e.contains("FirstFrameProbe"));
    }

    @Test
    void theProductJarStartsTheLauncherAndCarriesTheJavaFxItRunsOn() throws IOException {
        assertThat(manifest("product.jar").getMainAttributes().getValue("Main-Class"))
                .isEqualTo("org.fabricscope.Launcher");
        assertThat(entries("product.jar")).contains("javafx/application/Application.class");
    }

    @Test
    void theBenchmarkJarHoldsTheBenchmarkAndNamesTheProductAndToolkitOnItsClassPath() throws IOException {
        List<String> entries = entries("bench.jar");
        assertThat(entries)
                .contains("org/fabricscope/bench/Bench.class")
                .noneMatch(e -> e.startsWith("org/fabricscope/ui/"))
                .noneMatch(e -> e.startsWith("org/fabricscope/sim/"));
        var main = manifest("bench.jar").getMainAttributes();
        assertThat(main.getValue("Main-Class")).isEqualTo("org.fabricscope.bench.Bench");
        assertThat(main.getValue("Class-Path")).isEqualTo("fabricscope.jar openjfx-monocle.jar");
    }
}
