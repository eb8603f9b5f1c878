package org.fabricscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabricscope.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the window where there is no display: one line naming the headless commands, exit 2 (issue 11, class 6). */
class LauncherNoDisplayTest {
    @TempDir
    Path dir;

    @Test
    void withoutDisplayOrWaylandTheReasonNamesTheHeadlessCommands() {
        String reason = Launcher.noDisplayReason(Map.of(), "Linux", null, null);
        assertThat(reason).contains("needs a display", "DISPLAY", "validate", "simulate", "export-chrome", "explain");
        assertThat(Launcher.noDisplayReason(Map.of("DISPLAY", ":0"), "Linux", null, null))
                .isNull();
        assertThat(Launcher.noDisplayReason(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null, null))
                .isNull();
        assertThat(Launcher.noDisplayReason(Map.of(), "Linux", "Monocle", "Headless"))
                .isNull();
        assertThat(Launcher.noDisplayReason(Map.of(), "Windows 11", null, null)).isNull();
        assertThat(Launcher.noDisplayReason(Map.of(), "Mac OS X", null, null)).isNull();
    }

    @Test
    void openingATraceWithNoDisplayPrintsOneLineAndExitsTwo() throws Exception {
        Path trace = Files.writeString(dir.resolve("x.jsonl"), "{}\n");
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);

        ChildJvm.Result r = ChildJvm.run(List.of(), env, Launcher.class.getName(), trace.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines())
                .singleElement()
                .asString()
                .startsWith("fabricscope: the window needs a display")
                .contains("headless commands")
                .doesNotContain("Exception", "\tat ");
    }
}
