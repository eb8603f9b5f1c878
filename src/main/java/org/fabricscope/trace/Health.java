package org.fabricscope.trace;

/** Health of a block's storage, driven by the first-response script. */
public enum Health {
    OK,
    RETRYING,
    QUARANTINED,
    REMAPPED
}
