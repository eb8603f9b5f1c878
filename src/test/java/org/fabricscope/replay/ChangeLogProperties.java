package org.fabricscope.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fabricscope.trace.Field;
import org.junit.jupiter.api.Test;

/**
 * The change log's rank, state and last-change answers equal a scan over the changes it was
 * given, on change lists shaped to reach every path: group boundaries, a trailing group holding
 * only the final state, buckets crowded enough for the binary search, sparse blocks, and steps
 * at the ends of the int range.
 */
class ChangeLogProperties {
    private static final int FIELDS = Field.count();

    /** One state change: event {@code seq} set {@code field} of {@code block} to {@code value}. */
    private record Change(int block, int seq, int field, int value) {}

    @Property(tries = 60)
    void answersEqualAScanOverTheChanges(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int blocks,
            @ForAll @IntRange(min = 0, max = 400) int changes) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Change> list = new ArrayList<>();
        int seq = r.nextInt(3);
        for (int i = 0; i < changes; i++) {
            // Mostly close together, sometimes bursts of consecutive events, sometimes long gaps,
            // so that some directory buckets hold many changes and others none.
            int gap = switch (r.nextInt(4)) {
                case 0 -> 1;
                case 1 -> 1 + r.nextInt(20);
                case 2 -> 1 + r.nextInt(500);
                default -> 1 + r.nextInt(200_000);
            };
            seq += gap;
            int value = switch (r.nextInt(3)) {
                case 0 -> r.nextInt(4);
                case 1 -> r.nextInt();
                default -> -r.nextInt(1000);
            };
            list.add(new Change(r.nextInt(blocks), seq, r.nextInt(FIELDS), value));
        }
        checkAgainstScan(list, blocks, r);
    }

    @Test
    void groupBoundariesAndTheTrailingGroupHoldTheRightState() {
        // Blocks with 0, 1, 15, 16, 17, 32 and 48 changes: every group boundary case.
        int[] counts = {
            0, 1, ChangeLog.GROUP - 1, ChangeLog.GROUP, ChangeLog.GROUP + 1, 2 * ChangeLog.GROUP, 3 * ChangeLog.GROUP
        };
        List<Change> list = new ArrayList<>();
        int seq = 0;
        int[] given = new int[counts.length];
        for (int round = 0; round < 3 * ChangeLog.GROUP; round++) {
            for (int b = 0; b < counts.length; b++) {
                if (given[b] < counts[b]) {
                    given[b]++;
                    seq += 1 + (b * 7 + round) % 5;
                    list.add(new Change(b, seq, (round + b) % FIELDS, 1000 * b + round + 1));
                }
            }
        }
        checkAgainstScan(list, counts.length, new SplittableRandom(1));
    }

    @Test
    void aBurstAfterLongQuietFallsIntoOneCrowdedBucket() {
        List<Change> list = new ArrayList<>();
        list.add(new Change(0, 0, 0, 7));
        list.add(new Change(0, 1_000_000, 1, 8));
        for (int i = 0; i < 300; i++) {
            list.add(new Change(0, 2_000_000 + i, i % FIELDS, i));
        }
        list.add(new Change(0, Integer.MAX_VALUE - 1, 2, -5));
        checkAgainstScan(list, 1, new SplittableRandom(2));
    }

    private static void checkAgainstScan(List<Change> list, int blocks, SplittableRandom r) {
        ChangeLog log = build(list, blocks);
        List<Integer> steps =
                new ArrayList<>(List.of(Integer.MIN_VALUE, -2, -1, 0, Integer.MAX_VALUE - 1, Integer.MAX_VALUE));
        for (Change c : list) {
            steps.add(c.seq() - 1);
            steps.add(c.seq());
            steps.add(c.seq() + 1);
        }
        int last = list.isEmpty() ? 0 : list.get(list.size() - 1).seq();
        for (int i = 0; i < 200; i++) {
            steps.add(r.nextInt(Math.max(1, last + 2)));
        }
        for (int b = 0; b < blocks; b++) {
            for (int step : steps) {
                int[] expected = new int[FIELDS];
                int rank = 0;
                int[] lastOf = new int[FIELDS];
                Arrays.fill(lastOf, -1);
                for (Change c : list) {
                    if (c.block() == b && c.seq() <= step) {
                        expected[c.field()] = c.value();
                        lastOf[c.field()] = c.seq();
                        rank++;
                    }
                }
                assertThat(log.rank(b, step))
                        .as("rank of block %d at %d", b, step)
                        .isEqualTo(rank);
                int[] values = new int[FIELDS];
                log.stateAt(b, step, values);
                assertThat(values).as("state of block %d at %d", b, step).isEqualTo(expected);
                int[] folded = new int[FIELDS];
                log.fold(b, rank, folded);
                assertThat(folded)
                        .as("fold of block %d's first %d changes", b, rank)
                        .isEqualTo(expected);
                for (int f = 0; f < FIELDS; f++) {
                    assertThat(log.lastOf(b, f, rank))
                            .as("last change of field %d, block %d at %d", f, b, step)
                            .isEqualTo(lastOf[f]);
                }
            }
            int i = 0;
            for (Change c : list) {
                if (c.block() == b) {
                    assertThat(log.seq(b, i++)).isEqualTo(c.seq());
                }
            }
            assertThat(log.count(b)).isEqualTo(i);
        }
    }

    private static ChangeLog build(List<Change> list, int blocks) {
        int[] counts = new int[blocks];
        int[] first = new int[blocks];
        int[] last = new int[blocks];
        for (Change c : list) {
            if (counts[c.block()]++ == 0) {
                first[c.block()] = c.seq();
            }
            last[c.block()] = c.seq();
        }
        ChangeLog.Builder builder = new ChangeLog.Builder(counts, first, last);
        for (Change c : list) {
            builder.add(c.block(), c.seq(), c.field(), c.value());
        }
        return builder.build();
    }
}
