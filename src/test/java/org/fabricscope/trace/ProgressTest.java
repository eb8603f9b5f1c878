package org.fabricscope.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** Records what reaches it, as fractions of the whole, and the phase names. */
    private static final class Recorder implements Progress {
        final List<Double> fractions = new ArrayList<>();
        final List<String> phases = new ArrayList<>();
        boolean cancelled;

        @Override
        public void update(long done, long total) {
            fractions.add((double) done / total);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void phase(String description) {
            phases.add(description);
        }
    }

    @Test
    void consecutivePartsFillTheWholeBarInOrder() {
        Recorder whole = new Recorder();
        Progress read = whole.part(0, 0.9);
        Progress index = whole.part(0.9, 1);
        read.update(0, 1_000);
        read.update(500, 1_000);
        read.update(1_000, 1_000);
        index.update(0, 3);
        index.update(3, 3);

        assertThat(whole.fractions).containsExactly(0.0, 0.45, 0.9, 0.9, 1.0);
    }

    @Test
    void aPartClampsOverrunsAndUnknownTotals() {
        Recorder whole = new Recorder();
        Progress p = whole.part(0.2, 0.6);
        p.update(15, 10);
        p.update(-3, 10);
        p.update(7, -1);

        assertThat(whole.fractions).containsExactly(0.6, 0.2, 0.2);
    }

    @Test
    void aPartSeesTheWholesCancellationAndPassesPhaseNamesOn() {
        Recorder whole = new Recorder();
        Progress p = whole.part(0, 0.5).part(0.5, 1);
        p.phase("Indexing…");
        assertThat(p.isCancelled()).isFalse();
        whole.cancelled = true;

        assertThat(p.isCancelled()).isTrue();
        assertThatThrownBy(p::checkCancelled).isInstanceOf(CancelledException.class);
        assertThat(whole.phases).containsExactly("Indexing…");
    }

    @Test
    void aPartOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Progress.NONE.part(0.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Progress.NONE.part(-0.1, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Progress.NONE.part(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNestedPartMapsIntoItsParentsShare() {
        Recorder whole = new Recorder();
        whole.part(0.5, 1).part(0.5, 1).update(1, 2);

        assertThat(whole.fractions).containsExactly(0.875);
    }
}
