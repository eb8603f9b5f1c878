package org.fabricscope.sim.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fabricscope.sim.core.Engine;
import org.fabricscope.sim.core.ModelAssertionError;
import org.fabricscope.trace.CacheState;
import org.fabricscope.trace.CompactionState;
import org.fabricscope.trace.EventKind;
import org.fabricscope.trace.Field;
import org.junit.jupiter.api.Test;

/**
 * The block model's always-on assertions: a deliberately broken actor (these tests play one) is
 * stopped at its first wrong step, as a bug, before the change is recorded.
 */
class BlockAssertionsTest {
    private final Engine engine = new Engine(null, 1_000, 1_000, null);
    private final Block block = new Block(3, 0, 0, null, 0);

    private int set(Field f, int value, EventKind kind) {
        return block.set(engine, f, value, kind, "broken", -1, 0);
    }

    private void takeLock(int writeId) {
        set(Field.LOCK_HOLDER, writeId, EventKind.WRITE_LOCK);
        set(Field.LAST_WRITE_PENDING, 1, EventKind.WRITE_PENDING);
    }

    @Test
    void aWriteCycleThatFollowsTheRulesIsRecorded() {
        set(Field.VERSION, 4, EventKind.BLOCK_INIT);
        takeLock(7);
        set(Field.VERSION, 5, EventKind.WRITE_MEDIA);
        set(Field.LOCK_HOLDER, 0, EventKind.WRITE_RELEASE);
        set(Field.LAST_WRITE_PENDING, 0, EventKind.WRITE_RELEASE);
        takeLock(8);

        assertThat(engine.eventCount()).isEqualTo(8);
        assertThat(block.get(Field.LOCK_HOLDER)).isEqualTo(8);
    }

    @Test
    void aLockPassedBetweenWritesWithoutAReleaseIsABug() {
        takeLock(7);

        assertThatThrownBy(() -> set(Field.LOCK_HOLDER, 9, EventKind.WRITE_LOCK))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("block 3: lockHolder 7 → 9 by WRITE_LOCK")
                .hasMessageContaining("without a release");
        assertThat(block.get(Field.LOCK_HOLDER)).isEqualTo(7);
        assertThat(engine.eventCount()).isEqualTo(2);
    }

    @Test
    void pendingWithoutTheLockIsABug() {
        assertThatThrownBy(() -> set(Field.LAST_WRITE_PENDING, 1, EventKind.WRITE_PENDING))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("no write holds the lock");
    }

    @Test
    void clearingPendingBeforeReleasingTheLockIsABug() {
        takeLock(7);

        assertThatThrownBy(() -> set(Field.LAST_WRITE_PENDING, 0, EventKind.WRITE_RELEASE))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("write 7 still holds the lock");
    }

    @Test
    void aVersionChangedWithoutTheWriteLockIsABug() {
        set(Field.VERSION, 4, EventKind.BLOCK_INIT);

        assertThatThrownBy(() -> set(Field.VERSION, 5, EventKind.WRITE_MEDIA))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("holding the lock");
    }

    @Test
    void aVersionThatSkipsIsABug() {
        set(Field.VERSION, 4, EventKind.BLOCK_INIT);
        takeLock(7);

        assertThatThrownBy(() -> set(Field.VERSION, 6, EventKind.WRITE_MEDIA))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("up by one");
    }

    @Test
    void aBufferReadyWithoutAFillIsABug() {
        assertThatThrownBy(() -> set(Field.CACHE_STATE, CacheState.READY.ordinal(), EventKind.PREFETCH_READY))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("cacheState EMPTY → READY")
                .hasMessageContaining("only from FILLING");
    }

    @Test
    void anOutOfRangeStateIsABug() {
        assertThatThrownBy(() -> set(Field.HEALTH, 17, EventKind.RETRY))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("not a health state");
        assertThatThrownBy(() -> set(Field.COMPACTION, CompactionState.SWITCHING.ordinal(), EventKind.COMPACT_SWITCH))
                .isInstanceOf(ModelAssertionError.class)
                .hasMessageContaining("only after a copy");
    }
}
