package org.fabricscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.fabricscope.ui.replay.GoToTarget;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {
    @Test
    void aStepOrATimeAfterTheTraceIsTheMomentToOpenAt() {
        assertThat(LaunchArguments.parse(List.of("t.jsonl", "--at", "1234")))
                .isEqualTo(new LaunchArguments(Path.of("t.jsonl"), new GoToTarget(false, 1234)));
        assertThat(LaunchArguments.parse(List.of("--at", "12.5ms", "t.jsonl")).at())
                .isEqualTo(new GoToTarget(true, 12_500));
        assertThat(LaunchArguments.parse(List.of("t.jsonl", "--at=300us")).at()).isEqualTo(new GoToTarget(true, 300));
        assertThat(LaunchArguments.parse(List.of("t.jsonl")).at()).isNull();
    }

    @Test
    void badValuesAreOneLineSayingWhatIsAccepted() {
        for (List<String> args : List.of(
                List.of("t.jsonl", "--at", "soon"),
                List.of("t.jsonl", "--at"),
                List.of("--at", "5"),
                List.of("t.jsonl", "--at", "5", "--at", "6"),
                List.of("t.jsonl", "u.jsonl", "--at", "5"),
                List.of("t.jsonl", "--at", "12.5 parsecs"))) {
            assertThatThrownBy(() -> LaunchArguments.parse(args))
                    .as(args.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
                    .hasMessageContaining("--at");
        }
        assertThatThrownBy(() -> LaunchArguments.parse(List.of("t.jsonl", "--at", "soon")))
                .hasMessage("--at: 'soon' is neither a step (e.g. 1234) nor a time (e.g. 12.5ms, 300us, 1.2s)");
    }

    @Test
    void theOptionMarksArgumentsAsTheWindowsNotACommands() {
        assertThat(LaunchArguments.mentionsAt(List.of("x.jsonl", "--at", "3"))).isTrue();
        assertThat(LaunchArguments.mentionsAt(List.of("x.jsonl", "--at=3"))).isTrue();
        assertThat(LaunchArguments.mentionsAt(List.of("validate", "x.jsonl"))).isFalse();
    }
}
