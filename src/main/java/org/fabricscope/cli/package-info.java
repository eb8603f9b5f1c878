/**
 * Headless commands ({@code simulate}, {@code find-repro}, {@code soak}, {@code ablation}, {@code
 * validate}, {@code export-chrome}) on the same simulator and trace API the GUI uses.
 *
 * <p>Must work with no display (it never sees JavaFX or the GUI: {@code
 * org.fabricscope.arch.LayeringTest}).
 * Operating errors (bad input, a limit such as maxEventsPerRun, I/O) reach the user as one line,
 * {@code fabricscope: FILE:LINE: message}, never a stack trace; the mapping is {@link
 * org.fabricscope.present.OperatingErrors}, shared with the GUI. A bug (a model assertion, an
 * unexpected exception) prints its line and a report (the stack trace). Exit codes: 0 success; 1 a
 * negative answer (no reproducer found, invalid trace); 2 bad usage or an operating error; 3 a bug.
 */
package org.fabricscope.cli;
