package org.fabricscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTextTest {
    @Test
    void aKnownProgressIsSpelledOutInWholePercentRoundedDown() {
        assertThat(MainView.withPercent("Reading a.jsonl…", 0)).isEqualTo("Reading a.jsonl… 0 %");
        assertThat(MainView.withPercent("Reading a.jsonl…", 0.4299)).isEqualTo("Reading a.jsonl… 42 %");
        assertThat(MainView.withPercent("Indexing 10 events…", 1)).isEqualTo("Indexing 10 events… 100 %");
    }

    @Test
    void anUnknownProgressLeavesTheTextAlone() {
        assertThat(MainView.withPercent("Simulating…", -1)).isEqualTo("Simulating…");
        assertThat(MainView.withPercent("Simulating…", Double.NaN)).isEqualTo("Simulating…");
    }
}
