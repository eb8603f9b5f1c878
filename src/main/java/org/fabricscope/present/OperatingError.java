package org.fabricscope.present;

/**
 * Marks an exception whose message is already the one line the user should read (a file exists,
 * an option is inconsistent): an operating error, never a bug.
 */
public interface OperatingError {}
