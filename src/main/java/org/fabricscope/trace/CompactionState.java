package org.fabricscope.trace;

/** Where background compaction is with a block. */
public enum CompactionState {
    IDLE,
    COPYING,
    SWITCHING
}
