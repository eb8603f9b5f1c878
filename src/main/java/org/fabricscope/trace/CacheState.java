package org.fabricscope.trace;

/** State of a block's cache buffer. {@code READY} is what the story calls "cache ready". */
public enum CacheState {
    EMPTY,
    FILLING,
    READY,
    INVALID
}
