package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fabricscope.testsupport.RandomTraces;
import org.fabricscope.trace.CancelledException;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.Trace;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCacheTest {
    @TempDir
    Path dir;

    Path source;
    Path userDir;
    Trace written;

    @BeforeEach
    void writeSource() throws Exception {
        source = dir.resolve("traces").resolve("run.jsonl");
        Files.createDirectories(source.getParent());
        userDir = dir.resolve("user-cache");
        written = RandomTraces.generate(21, 20_000, 24);
        TraceWriter.write(written, source);
    }

    /** Caches every file, written before load returns. */
    TraceCache loader() {
        return cache(userDir, 0, Runnable::run);
    }

    static TraceCache cache(Path dir, long minBytes, java.util.concurrent.Executor writer) {
        return new TraceCache(TraceCacheSettings.in(dir, minBytes), TraceReader.direct(), writer);
    }

    Path cached() {
        return new TraceCache(userDir).fileFor(source);
    }

    @Test
    void firstLoadReadsJsonAndWritesAnOwnerOnlyCacheInThePrivateUserDirectory() throws Exception {
        TraceCache.Loaded first = loader().open(source, Progress.NONE);
        assertThat(first.fromCache()).isFalse();
        assertThat(cached()).isRegularFile().hasParent(userDir);
        assertThat(cached().getFileName().toString()).endsWith(".fscache").doesNotContain("run");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached())))
                .isEqualTo("rw-------");

        TraceCache.Loaded second = loader().open(source, Progress.NONE);
        assertThat(second.fromCache()).isTrue();
        TraceCacheFormatTest.assertIdentical(second.trace(), first.trace());
        TraceCacheFormatTest.assertIdentical(second.trace(), written);
    }

    @Test
    void theSourceIsNeverChanged() throws Exception {
        byte[] before = Files.readAllBytes(source);
        FileTime time = Files.getLastModifiedTime(source);
        loader().load(source, Progress.NONE);
        loader().load(source, Progress.NONE);
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source)).isEqualTo(time);
        try (var files = Files.list(source.getParent())) {
            // No temporary file left behind either.
            // Nothing beside the user's file: no cache, no temporary file.
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("run.jsonl");
        }
    }

    @Test
    void aRewrittenSourceIsReadAgainAndItsCacheRebuilt() throws Exception {
        loader().load(source, Progress.NONE);
        Trace other = RandomTraces.generate(22, 25_000, 24);
        TraceWriter.write(other, source);

        TraceCache.Loaded after = loader().open(source, Progress.NONE);
        assertThat(after.fromCache()).isFalse();
        TraceCacheFormatTest.assertIdentical(after.trace(), other);
        TraceCache.Loaded again = loader().open(source, Progress.NONE);
        assertThat(again.fromCache()).isTrue();
        TraceCacheFormatTest.assertIdentical(again.trace(), other);
    }

    @Test
    void aTouchedSourceMakesTheCacheStale() throws Exception {
        loader().load(source, Progress.NONE);
        FileTime t = Files.getLastModifiedTime(source);
        Files.setLastModifiedTime(source, FileTime.fromMillis(t.toMillis() + 2_000));
        assertThat(loader().open(source, Progress.NONE).fromCache()).isFalse();
    }

    @Test
    void anEditThatKeepsSizeAndTimeIsCaughtAtTheEdges() throws Exception {
        loader().load(source, Progress.NONE);
        FileTime t = Files.getLastModifiedTime(source);
        byte[] b = Files.readAllBytes(source);
        // The end line's count, same length: {"end":true,"events":N} -> a digit changed.
        int digit = b.length - 3;
        b[digit] = (byte) (b[digit] == '1' ? '2' : '1');
        Files.write(source, b);
        Files.setLastModifiedTime(source, t);

        Path copy = dir.resolve("expected.jsonl");
        Files.write(copy, b);
        Throwable json = org.assertj.core.api.Assertions.catchThrowable(() -> TraceReader.read(copy, Progress.NONE));
        Throwable loaded = org.assertj.core.api.Assertions.catchThrowable(() -> loader().load(source, Progress.NONE));
        // The file is now wrong, and the loader says so as the JSON reader does, not from the cache.
        assertThat(json).isInstanceOf(TraceFormatException.class);
        assertThat(loaded).isInstanceOf(TraceFormatException.class);
        assertThat(((TraceFormatException) loaded).problem()).isEqualTo(((TraceFormatException) json).problem());
    }

    @Test
    void aMidFileEditWithTheTimeSetBackIsNotServedFromTheStaleCache() throws Exception {
        loader().load(source, Progress.NONE);
        FileTime t = Files.getLastModifiedTime(source);
        byte[] b = Files.readAllBytes(source);
        // An event's time in the middle of the file, same length ("t":123 -> "t":124 or so), then
        // the modification time set back as touch -r does: only the change time (or inode) shows it.
        String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("\"seq\":", b.length / 2);
        int digit = text.indexOf("\"t\":", at) + 4;
        Files.write(source, b); // rewritten unchanged first, so the edit below is the only difference
        b[digit] = (byte) (b[digit] == '9' ? '8' : b[digit] + 1);
        Files.write(source, b);
        Files.setLastModifiedTime(source, t);

        Throwable json = org.assertj.core.api.Assertions.catchThrowable(() -> TraceReader.read(source, Progress.NONE));
        TraceCache.Loaded loaded;
        try {
            loaded = loader().open(source, Progress.NONE);
        } catch (TraceFormatException e) {
            // The edit broke the file: the loader says so as the JSON reader does, not from the cache.
            assertThat(json).isInstanceOf(TraceFormatException.class);
            assertThat(e.problem()).isEqualTo(((TraceFormatException) json).problem());
            return;
        }
        assertThat(loaded.fromCache()).isFalse();
        TraceCacheFormatTest.assertIdentical(loaded.trace(), TraceReader.read(source, Progress.NONE));
    }

    @Test
    void aCacheDirectoryThatIsALinkIsNeverReadNorWritten() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("someone-elses"));
        Path link = Files.createSymbolicLink(dir.resolve("linked-cache"), elsewhere);
        TraceCache l = cache(link, 0, Runnable::run);
        l.load(source, Progress.NONE);
        assertThat(l.open(source, Progress.NONE).fromCache()).isFalse();
        try (var files = Files.list(elsewhere)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void aCacheDirectoryOthersCouldWriteIsMadeOwnerOnlyBeforeUse() throws Exception {
        Files.createDirectory(
                userDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(userDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        loader().load(source, Progress.NONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userDir)))
                .isEqualTo("rwx------");
        assertThat(loader().open(source, Progress.NONE).fromCache()).isTrue();
    }

    @Test
    void aCachePlantedByAnotherUserIsNeverRead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.fabricscope.testsupport.Fifos.runningAsRoot(), "only root can give a file to another user");
        loader().load(source, Progress.NONE);
        var nobody = source.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(cached(), nobody);

        TraceCache.Loaded l = loader().open(source, Progress.NONE);

        assertThat(l.fromCache()).isFalse();
        TraceCacheFormatTest.assertIdentical(l.trace(), written);
    }

    @Test
    void aCacheDirectoryOwnedByAnotherUserIsNeitherReadNorWritten() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.fabricscope.testsupport.Fifos.runningAsRoot(), "only root can give a directory to another user");
        loader().load(source, Progress.NONE);
        var nobody = source.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(userDir, nobody);
        Files.delete(cached());

        assertThat(loader().open(source, Progress.NONE).fromCache()).isFalse();
        assertThat(loader().open(source, Progress.NONE).fromCache()).isFalse();
        try (var files = Files.list(userDir)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void aPlantedCacheThatIsALinkIsIgnored() throws Exception {
        loader().load(source, Progress.NONE);
        Path real = dir.resolve("planted.fscache");
        Files.move(cached(), real);
        Files.createSymbolicLink(cached(), real);
        assertThat(loader().open(source, Progress.NONE).fromCache()).isFalse();
    }

    @Test
    void theDefaultDirectoryIsThePlatformsPerUserCacheDirectory() {
        assertThat(TraceCacheSettings.defaultDirectory(
                        java.util.Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u", "Linux"))
                .isEqualTo(Path.of("/x/cache/fabricscope"));
        assertThat(TraceCacheSettings.defaultDirectory(
                        java.util.Map.of("XDG_CACHE_HOME", "relative"), "/home/u", "Linux"))
                .isEqualTo(Path.of("/home/u/.cache/fabricscope"));
        assertThat(TraceCacheSettings.defaultDirectory(java.util.Map.of(), "/home/u", "Linux"))
                .isEqualTo(Path.of("/home/u/.cache/fabricscope"));
        assertThat(TraceCacheSettings.defaultDirectory(java.util.Map.of(), "/Users/u", "Mac OS X"))
                .isEqualTo(Path.of("/Users/u/Library/Caches/fabricscope"));
        assertThat(TraceCacheSettings.defaultDirectory(java.util.Map.of(), "", "Linux"))
                .isNull();
    }

    @Test
    void damagedCachesFallBackToTheJsonWithTheSameResult() throws Exception {
        loader().load(source, Progress.NONE);
        byte[] good = Files.readAllBytes(cached());
        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
        damaged.add(java.util.Arrays.copyOf(good, good.length - 1));
        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 1;
        damaged.add(flipped);
        byte[] version = good.clone();
        ByteBuffer.wrap(version).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
        damaged.add(version);
        byte[] garbage = new byte[good.length];
        new java.util.Random(3).nextBytes(garbage);
        damaged.add(garbage);
        for (byte[] bad : damaged) {
            Files.write(cached(), bad);
            TraceCache.Loaded l = loader().open(source, Progress.NONE);
            assertThat(l.fromCache()).isFalse();
            TraceCacheFormatTest.assertIdentical(l.trace(), written);
            // ... and the bad cache was replaced by a good one.
            assertThat(Files.readAllBytes(cached())).isEqualTo(good);
        }
    }

    @Test
    void theUserDirectoryKeepsOnlyTheNewestCaches() throws Exception {
        TraceCache cache = new TraceCache(userDir);
        Trace small = RandomTraces.generate(30, 200, 4);
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < TraceCache.MAX_USER_CACHES + 3; i++) {
            Path s = dir.resolve("s" + i + ".jsonl");
            TraceWriter.write(small, s);
            assertThat(cache.write(s, small)).contains(cache.fileFor(s));
            // Distinct, increasing times whatever the file system's clock resolution.
            Files.setLastModifiedTime(cache.fileFor(s), FileTime.fromMillis(1_000_000L * (i + 1)));
            sources.add(s);
        }
        try (var files = Files.list(userDir)) {
            assertThat(files.count()).isEqualTo(TraceCache.MAX_USER_CACHES);
        }
        assertThat(cache.fileFor(sources.get(0))).doesNotExist();
        assertThat(cache.fileFor(sources.get(sources.size() - 1))).isRegularFile();
        assertThat(cache.read(sources.get(sources.size() - 1), Progress.NONE)).isNotNull();
    }

    @Test
    void whenNoCacheCanBeWrittenTheTraceStillLoads() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        TraceCache l = cache(notADirectory.resolve("cache"), 0, Runnable::run);
        for (int i = 0; i < 2; i++) {
            TraceCache.Loaded loaded = l.open(source, Progress.NONE);
            assertThat(loaded.fromCache()).isFalse();
            TraceCacheFormatTest.assertIdentical(loaded.trace(), written);
        }
    }

    @Test
    void smallFilesAndADisabledLoaderWriteNoCache() throws Exception {
        cache(userDir, Files.size(source) + 1, Runnable::run).load(source, Progress.NONE);
        TraceLoader.withoutCache().load(source, Progress.NONE);
        assertThat(cached()).doesNotExist();
        assertThat(userDir).doesNotExist();
    }

    @Test
    void aCacheWriteCanRunElsewhereAfterTheTraceIsReturned() throws Exception {
        List<Runnable> later = new ArrayList<>();
        TraceCache l = cache(userDir, 0, later::add);
        l.load(source, Progress.NONE);
        assertThat(cached()).doesNotExist();
        assertThat(later).hasSize(1);
        later.get(0).run();
        assertThat(l.open(source, Progress.NONE).fromCache()).isTrue();
    }

    @Test
    void aSourceChangedBeforeTheCacheWriteGetsNoCache() throws Exception {
        List<Runnable> later = new ArrayList<>();
        cache(userDir, 0, later::add).load(source, Progress.NONE);
        TraceWriter.write(RandomTraces.generate(23, 20_000, 24), source);
        later.get(0).run();
        assertThat(cached()).doesNotExist();
    }

    @Test
    void cancellingDuringTheCacheReadStopsTheLoad() throws Exception {
        Trace big = RandomTraces.generate(24, 300_000, 64);
        TraceWriter.write(big, source);
        loader().load(source, Progress.NONE);
        AtomicInteger updates = new AtomicInteger();
        Progress cancelMidway = new Progress() {
            @Override
            public void update(long done, long total) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() >= 2;
            }
        };
        assertThatThrownBy(() -> loader().load(source, cancelMidway)).isInstanceOf(CancelledException.class);
        // The cache was being read (two reports from it), not the JSON.
        assertThat(updates.get()).isEqualTo(2);
        assertThat(loader().open(source, Progress.NONE).fromCache()).isTrue();
    }

    @Test
    void aMissingSourceIsReportedAsTheJsonReaderReportsIt() {
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> loader().load(missing, Progress.NONE))
                .isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void twoTracesWithTheSameNameInDifferentDirectoriesKeepTheirOwnCaches() throws Exception {
        Path other = dir.resolve("elsewhere").resolve("run.jsonl");
        Files.createDirectories(other.getParent());
        Trace otherTrace = RandomTraces.generate(22, 5_000, 8);
        TraceWriter.write(otherTrace, other);
        loader().load(source, Progress.NONE);
        loader().load(other, Progress.NONE);
        assertThat(loader().fileFor(other)).isNotEqualTo(cached());

        TraceCache.Loaded first = loader().open(source, Progress.NONE);
        TraceCache.Loaded second = loader().open(other, Progress.NONE);
        assertThat(first.fromCache()).isTrue();
        assertThat(second.fromCache()).isTrue();
        TraceCacheFormatTest.assertIdentical(first.trace(), written);
        TraceCacheFormatTest.assertIdentical(second.trace(), otherTrace);
    }

    @Test
    void settingsComeFromTheOptionsGivenNotFromGlobalProperties() {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        options.put("user.home", "/home/u");
        options.put("os.name", "Linux");
        java.util.Map<String, String> env = java.util.Map.of();
        assertThat(TraceCacheSettings.fromOptions(options::get, env))
                .isEqualTo(new TraceCacheSettings(
                        true, Path.of("/home/u/.cache/fabricscope"), TraceCacheSettings.DEFAULT_MIN_SOURCE_BYTES));
        options.put(TraceCacheSettings.DIR_OPTION, "/tmp/c");
        options.put(TraceCacheSettings.MIN_BYTES_OPTION, "10");
        assertThat(TraceCacheSettings.fromOptions(options::get, env))
                .isEqualTo(new TraceCacheSettings(true, Path.of("/tmp/c"), 10));
        options.put(TraceCacheSettings.OPTION, "off");
        assertThat(TraceCacheSettings.fromOptions(options::get, env).enabled()).isFalse();
        assertThat(TraceLoader.of(TraceCacheSettings.off(), Runnable::run)).isSameAs(TraceReader.direct());
    }
}
