package org.fabricscope.trace.io;

import java.util.regex.Pattern;

/**
 * Names and limits of the trace file format, shared by {@link TraceWriter} and {@link
 * TraceReader}. The format itself is described in {@code TRACE_FORMAT.md} at the repository root.
 */
public final class TraceFormat {
    /** The value of the header's {@code format} key. */
    public static final String FORMAT_NAME = org.fabricscope.trace.TraceHeader.FORMAT_NAME;
    /** The only version this build reads and writes. */
    public static final int VERSION = org.fabricscope.trace.TraceHeader.FORMAT_VERSION;

    /** Longest string (actor, file, parameter value …) a reader accepts, in chars. */
    public static final int MAX_STRING_CHARS = 64 * 1024;
    /** Most blocks a topology may declare; bounds the header's memory. */
    public static final int MAX_BLOCKS = 1 << 18;
    /** Most scenario parameters a header may carry. */
    public static final int MAX_PARAMETERS = 10_000;
    /** Most nodes (node ids are stored as shorts). */
    public static final int MAX_NODES = Short.MAX_VALUE;
    /** Nesting the parser tolerates before giving up (the deepest legal line nests 4 levels). */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest number literal, in chars. */
    public static final int MAX_NUMBER_CHARS = 64;
    /**
     * Longest key (a parameter name included), in chars. Every key the format defines is short; a
     * bound here keeps the parser's name table, which hashes and compares whole keys, linear.
     */
    public static final int MAX_KEY_CHARS = 1024;
    /**
     * Longest header line, in bytes. The largest legal topology (262,144 blocks) with ordinary
     * file names fits in about 12 MB; the bound keeps a hostile header from taking the heap.
     */
    public static final int MAX_HEADER_BYTES = 16 << 20;
    /**
     * Longest parameter value, in chars; a value also has at most {@link
     * org.fabricscope.trace.NumberText#MAX_DIGITS} digits and an exponent of at most ±{@link
     * org.fabricscope.trace.NumberText#MAX_EXPONENT} when it is a number. The scenario parser has
     * the same bounds, so whatever a header holds is cheap to turn back into a scenario.
     */
    public static final int MAX_PARAMETER_VALUE_CHARS = org.fabricscope.trace.NumberText.MAX_CHARS;

    static final String K_FORMAT = "format";
    static final String K_VERSION = "version";
    static final String K_SIMULATOR_VERSION = "simulatorVersion";
    static final String K_SCENARIO = "scenario";
    static final String K_PARAMETERS = "parameters";
    static final String K_SEED = "seed";
    static final String K_ATTEMPT = "attempt";
    static final String K_PATCH = "patch";
    static final String K_TOPOLOGY = "topology";
    static final String K_INTERVENTIONS = "interventions";
    static final String K_SCHEDULE = "schedule";
    static final String K_EVENT = "event";
    static final String K_DELTA_MICROS = "deltaMicros";
    static final String K_DROP = "drop";
    static final String K_RUN_AFTER = "runAfter";
    static final int MAX_INTERVENTIONS = 10_000;
    static final String K_REORDER = "reorder";
    static final String K_BARRIER = "barrier";
    static final String K_BACKOFF = "backoff";
    static final String K_NODES = "nodes";
    static final String K_DRIVES_PER_NODE = "drivesPerNode";
    static final String K_BLOCKS = "blocks";
    static final String K_NODE = "node";
    static final String K_DRIVE = "drive";
    static final String K_FILE = "file";

    static final String K_SEQ = "seq";
    static final String K_T = "t";
    static final String K_BLOCK = "block";
    static final String K_ACTOR = "actor";
    static final String K_KIND = "kind";
    static final String K_FIELD = "field";
    static final String K_OLD = "old";
    static final String K_NEW = "new";
    static final String K_CAUSE = "cause";
    static final String K_ARG = "arg";

    static final String K_END = "end";
    static final String K_EVENTS = "events";

    /** Canonical parameter text that is written as a JSON number (and so reads back verbatim). */
    static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private TraceFormat() {}
}
