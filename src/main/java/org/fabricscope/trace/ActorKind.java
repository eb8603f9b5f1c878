package org.fabricscope.trace;

/** The kinds of actor that produce events; the timeline has one actor lane per kind. */
public enum ActorKind {
    /** Set-up and fault injection: initial block state, clock skew. */
    SYSTEM,
    /** Client reads and writes. */
    CLIENT,
    /** The write path: lock, last-write-pending, media write, release. */
    WRITE_PATH,
    /** Write-completion acknowledgements (with their injected jitter). */
    WRITE_ACK,
    /** The legacy prefetch engine. */
    PREFETCH,
    /** Background compaction. */
    COMPACTION,
    /** The read-verify routine. */
    VERIFIER,
    /** The first-response script: retries, quarantine, remap. */
    RESPONSE,
    /** Genuine background media errors. */
    MEDIA
}
