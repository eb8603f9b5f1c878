/**
 * Shrinking a failing run: {@link org.fabricscope.shrink.Shrinker} cuts a scenario that raises FPRE004
 * down to a small one that raises it by the same mechanism (delta debugging over parameters and over
 * the workload's operations, each candidate a real simulator run), judged with the Explainer's facts
 * ({@link org.fabricscope.shrink.Fpre004Signature}). Lives outside {@code sim} because it reads
 * {@code replay.explain}.
 */
package org.fabricscope.shrink;
