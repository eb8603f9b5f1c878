/**
 * Trace files: {@link org.fabricscope.trace.io.TraceWriter} and {@link
 * org.fabricscope.trace.io.TraceReader} for the JSON Lines format described in {@code
 * TRACE_FORMAT.md} at the repository root, and {@link
 * org.fabricscope.trace.io.ChromeTraceExporter} for Perfetto. Reading is strict: any problem is a
 * {@link org.fabricscope.trace.TraceFormatException} naming file and line, never a partial trace.
 *
 * <p>Loading is one interface, {@link org.fabricscope.trace.io.TraceSource}, with one contract
 * (the general reader's trace or error, progress, cancellation) and three implementations: the
 * general reader ({@link org.fabricscope.trace.io.TraceReader#general()}), the canonical fast
 * path in front of it ({@link org.fabricscope.trace.io.TraceReader#direct()}), and the private
 * binary cache ({@link org.fabricscope.trace.io.TraceCache}) in front of that. {@link
 * org.fabricscope.trace.io.TraceLoader} composes them as a {@link
 * org.fabricscope.trace.io.TraceCacheSettings} value says. The JSON Lines file is the truth; a
 * cache that is stale or damaged in any way is passed over silently. A file that cannot be read
 * is an {@link java.io.IOException} naming it, never a format error.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.trace.io;
