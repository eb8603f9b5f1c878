package org.fabricscope.sim.actor;

import org.fabricscope.sim.core.SplitMix64;
import org.fabricscope.sim.fabric.Block;
import org.fabricscope.sim.fabric.FileRun;
import org.fabricscope.trace.EventKind;

/**
 * A reading client.
 *
 * <p>Rules modelled: in burst mode it thinks for an exponential {@code readBurstGapMicrosMean},
 * then issues a burst of {@code readBurstSize} sequential transactions on one archive, {@code
 * readSpacingMicros} apart, from a random start block. In the targeted loop ({@code fileXLoop})
 * it reads file X block after block, wrapping around, {@code readSpacingMicros} apart. A read is
 * poorly aligned with probability {@code misalignedReadPercent}: it then spans a block boundary
 * and touches two blocks, each verified by its node's verifier. The read succeeds on its first try
 * only if every touched block verifies; otherwise the client sees READ_FAIL and the response script
 * takes over. New work stops at {@code durationMicros}. A burst goes to the hot archive with
 * probability {@code hotArchiveReadPercent}, else to an archive drawn evenly.
 *
 * <p>A read is <em>successful</em> when it verified on its first try and was served within the
 * client's {@code readTimeoutMicros}; one served later (after retries, or slowed by a post-remap
 * latency spike) is a <em>timeout</em> for the client even if the data arrives in the end. Its
 * issue-to-served latency is counted per file.
 *
 * <p>Events: READ_BURST carries the burst size in {@code arg}; READ_ISSUE, READ_OK and READ_FAIL
 * carry the transaction id; READ_ISSUE names the first block touched.
 */
final class ReadClient {
    private final World w;
    private final String name;
    private final SplitMix64 rng;
    private int loopIndex;

    ReadClient(World w, String name, SplitMix64 rng) {
        this.w = w;
        this.name = name;
        this.rng = rng;
    }

    void start() {
        if (w.p.fileXLoop) {
            loopIndex = rng.nextInt(w.fabric.fileX().length());
            w.engine.after(rng.uniform(0, w.p.readSpacingMicros), this::loopRead);
        } else {
            w.engine.after(rng.exponential(w.p.readBurstGapMicrosMean), this::burst);
        }
    }

    private void loopRead() {
        if (!w.workloadOpen()) {
            return;
        }
        FileRun file = w.fabric.fileX();
        transaction(file, loopIndex++, -1, false);
        w.engine.after(w.p.readSpacingMicros, this::loopRead);
    }

    private void burst() {
        if (!w.workloadOpen()) {
            return;
        }
        FileRun file = w.pickWorkloadFile(rng, w.p.hotArchiveReadPercent);
        int startIndex = rng.nextInt(file.length());
        Block first = w.fabric.block(file.blockAt(startIndex));
        // A skipped burst (a shrunk reproducer's) still schedules its transactions, which take their
        // numbers and draws but issue nothing, so every other operation stays the same.
        boolean skipped = w.p.readBurstsSkipped.contains(w.newBurstId());
        int burstSeq = skipped
                ? -1
                : w.engine.emit(
                        first.id(), first.node(), name, EventKind.READ_BURST, null, 0, 0, -1, w.p.readBurstSize);
        for (int i = 0; i < w.p.readBurstSize; i++) {
            int index = startIndex + i;
            w.engine.after(i * w.p.readSpacingMicros, () -> transaction(file, index, burstSeq, skipped));
        }
        long burstMicros = w.p.readBurstSize * w.p.readSpacingMicros;
        w.engine.after(burstMicros + rng.exponential(w.p.readBurstGapMicrosMean), this::burst);
    }

    private void transaction(FileRun file, int index, int cause, boolean burstSkipped) {
        boolean spans = rng.nextInt(100) < w.p.misalignedReadPercent;
        Block first = w.fabric.block(file.blockAt(index));
        Block second = spans ? w.fabric.block(file.blockAt(index + 1)) : null;
        int tx = w.newTransactionId();
        if (burstSkipped || w.p.readTransactionsSkipped.contains(tx)) {
            return;
        }
        long readNumber = ++w.engine.counters().reads;
        int issue = w.engine.emit(first.id(), first.node(), name, EventKind.READ_ISSUE, null, 0, 0, cause, tx);
        w.watchRead(file, spans ? index + 1 : index, issue);
        w.fileStats.reads[file.index()]++;
        Pending pending = new Pending(tx, readNumber, first, spans ? 2 : 1, file.index(), w.engine.now());
        pending.verify(first, issue);
        if (second != null) {
            pending.verify(second, issue);
        }
    }

    /** One transaction waiting for its blocks' verifications. */
    private final class Pending {
        private final int tx;
        private final long readNumber;
        private final Block first;
        private int outstanding;
        private Block failedBlock;
        private int failSeq = -1;
        private int lastSeq;
        private final int fileIndex;
        private final long issuedMicros;

        Pending(int tx, long readNumber, Block first, int blocks, int fileIndex, long issuedMicros) {
            this.fileIndex = fileIndex;
            this.issuedMicros = issuedMicros;
            this.tx = tx;
            this.readNumber = readNumber;
            this.first = first;
            this.outstanding = blocks;
        }

        void verify(Block b, int cause) {
            w.verifiers[b.node()].verify(b, tx, cause, (outcome, seq) -> {
                if (outcome != Verifier.Outcome.OK && failedBlock == null) {
                    failedBlock = b;
                    failSeq = seq;
                }
                lastSeq = Math.max(lastSeq, seq);
                if (--outstanding == 0) {
                    complete();
                }
            });
        }

        /** Counts the read's latency; returns true if it was served within the client's timeout. */
        private boolean served() {
            long latency = w.engine.now() - issuedMicros;
            w.fileStats.addLatency(fileIndex, latency);
            if (latency > w.p.readTimeoutMicros) {
                w.fileStats.timeouts[fileIndex]++;
                return false;
            }
            return true;
        }

        private void complete() {
            var c = w.engine.counters();
            if (failedBlock == null) {
                if (served()) {
                    c.readsOk++;
                    w.fileStats.readsOk[fileIndex]++;
                } else {
                    c.readsFailed++;
                }
                w.engine.emit(first.id(), first.node(), name, EventKind.READ_OK, null, 0, 0, lastSeq, tx);
                return;
            }
            c.readsFailed++;
            if (c.firstFailedRead < 0) {
                c.firstFailedRead = readNumber;
            }
            int fail = w.engine.emit(
                    failedBlock.id(), failedBlock.node(), name, EventKind.READ_FAIL, null, 0, 0, failSeq, tx);
            w.response.handle(failedBlock, tx, fail, seq -> {
                served();
                w.engine.emit(first.id(), first.node(), name, EventKind.READ_OK, null, 0, 0, seq, tx);
            });
        }
    }
}
