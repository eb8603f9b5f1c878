package org.fabricscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StderrProgressTest {
    @Test
    void progressIsOneReadableLinePerTenthEvenThroughTheTerminalSafeWriter() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(text));
        StderrProgress progress = new StderrProgress(err, "soak", true);
        for (long done = 0; done <= 1000; done += 7) {
            progress.update(done, 1000);
        }
        progress.update(1000, 1000);
        progress.update(1000, 1000);

        String out = text.toString();
        assertThat(out).doesNotContain("\\u000D").doesNotContain("\r");
        assertThat(out.lines())
                .containsExactly(
                        "soak 0%",
                        "soak 10%",
                        "soak 20%",
                        "soak 30%",
                        "soak 40%",
                        "soak 50%",
                        "soak 60%",
                        "soak 70%",
                        "soak 80%",
                        "soak 90%",
                        "soak 100%");
    }

    @Test
    void nothingIsPrintedUnlessAskedFor() {
        StringWriter text = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(text), "soak", false);
        progress.update(500, 1000);
        assertThat(text.toString()).isEmpty();
    }
}
