package org.fabricscope.sim.fabric;

/**
 * A file of the namespace: a run of consecutive block ids.
 *
 * @param name e.g. {@code archive-2} or {@code file-x}
 * @param firstBlock id of its first block
 * @param length number of blocks
 * @param index the file's number in the namespace: archives 0.., then file X
 */
public record FileRun(String name, int firstBlock, int length, int index) {
    /** Id of the file's block at {@code index}, wrapping around the end of the file. */
    public int blockAt(int index) {
        return firstBlock + Math.floorMod(index, length);
    }
}
