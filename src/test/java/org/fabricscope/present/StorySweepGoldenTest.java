package org.fabricscope.present;

import org.junit.jupiter.api.Test;

/**
 * The story of every FPRE004 of a sweep of simulated runs (fpre004-repro with and without jitter,
 * each lone switch, file-x) is word for word the golden file captured before the story's steps
 * became typed facts. A class of its own so that PIT can leave its sweep out.
 */
class StorySweepGoldenTest {
    @Test
    void theStoryOfEveryFpre004OfASweepIsTheGoldenFile() throws Exception {
        StoryGoldenTest.assertMatchesGolden("stories-sweep.txt", StoryGoldenTest.sweepStories());
    }
}
