package org.fabricscope.present;

/** Placeholder. */
public final class OperatingErrors {
    private OperatingErrors() {}
}
