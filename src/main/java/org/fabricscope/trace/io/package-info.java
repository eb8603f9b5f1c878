/**
 * Trace files: {@link org.fabricscope.trace.io.TraceWriter} and {@link
 * org.fabricscope.trace.io.TraceReader} for the JSON Lines format described in {@code
 * TRACE_FORMAT.md} at the repository root, and {@link
 * org.fabricscope.trace.io.ChromeTraceExporter} for Perfetto. Reading is strict: any problem is a
 * {@link org.fabricscope.trace.TraceFormatException} naming file and line, never a partial trace.
 *
 * <p>{@link org.fabricscope.trace.io.TraceLoader} is how the application and the command line open
 * a file: through its private binary cache ({@link org.fabricscope.trace.io.TraceCache}) when one
 * is usable, else through the reader, after which it writes the cache. The JSON Lines file is the
 * truth; a cache that is stale or damaged in any way is passed over silently.
 *
 * <p>Who it may use, and who may use it: {@code org.fabricscope.arch.LayeringTest}.
 */
package org.fabricscope.trace.io;
