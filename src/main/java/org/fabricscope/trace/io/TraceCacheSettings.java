package org.fabricscope.trace.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the binary trace cache ({@link TraceCache}) is used: whether at all, in which directory,
 * and from which source size on. A value handed to {@link TraceLoader}; nothing in this package
 * reads global settings. The command line, the application and the benchmark build it from the
 * user's options with {@link #fromOptions}.
 *
 * @param enabled whether traces are read from and written to the cache
 * @param directory the private per-user directory caches go to ({@code null} when there is none,
 *     which turns the cache off)
 * @param minSourceBytes the smallest source file that gets a cache
 */
public record TraceCacheSettings(boolean enabled, Path directory, long minSourceBytes) {
    /** Option ({@code -D}): {@code off} or {@code false} turns the cache off. */
    public static final String OPTION = "fabricscope.cache";
    /** Option: the cache directory, instead of the platform's per-user one. */
    public static final String DIR_OPTION = "fabricscope.cache.dir";
    /** Option: the smallest source file, in bytes, that gets a cache. */
    public static final String MIN_BYTES_OPTION = "fabricscope.cache.minBytes";
    /** Files below 50 MB (about 330k events) load in well under a second without a cache. */
    public static final long DEFAULT_MIN_SOURCE_BYTES = 50_000_000L;

    public TraceCacheSettings {
        directory = directory == null ? null : directory.toAbsolutePath();
        enabled = enabled && directory != null;
    }

    /** No cache: every load reads the JSON Lines file. */
    public static TraceCacheSettings off() {
        return new TraceCacheSettings(false, null, Long.MAX_VALUE);
    }

    /** Caches of sources of at least {@code minSourceBytes} in {@code directory}. */
    public static TraceCacheSettings in(Path directory, long minSourceBytes) {
        return new TraceCacheSettings(true, directory, minSourceBytes);
    }

    /**
     * The settings a user's options ask for: the cache in the platform's per-user cache directory
     * ({@link #defaultDirectory}) unless {@value #OPTION} is {@code off}, {@value #DIR_OPTION} names
     * another one, and the threshold of {@value #MIN_BYTES_OPTION} or {@link
     * #DEFAULT_MIN_SOURCE_BYTES}.
     *
     * @param option the options by name ({@code System::getProperty} for {@code -D} options; also
     *     asked for {@code user.home} and {@code os.name})
     * @param env the environment ({@code XDG_CACHE_HOME}, {@code LOCALAPPDATA})
     */
    public static TraceCacheSettings fromOptions(Function<String, String> option, Map<String, String> env) {
        String mode = valueOr(option, OPTION, "on");
        if (mode.equalsIgnoreCase("off") || mode.equalsIgnoreCase("false")) {
            return off();
        }
        long min = DEFAULT_MIN_SOURCE_BYTES;
        try {
            min = Long.parseLong(valueOr(option, MIN_BYTES_OPTION, Long.toString(min)));
        } catch (NumberFormatException e) {
            // A mistyped threshold keeps the default rather than stopping the application.
        }
        String dir = valueOr(option, DIR_OPTION, "");
        Path directory = dir.isEmpty()
                ? defaultDirectory(env, option.apply("user.home"), valueOr(option, "os.name", ""))
                : Path.of(dir);
        return new TraceCacheSettings(true, directory, min);
    }

    private static String valueOr(Function<String, String> option, String name, String otherwise) {
        String v = option.apply(name);
        return v == null ? otherwise : v.trim();
    }

    /**
     * The platform's per-user cache directory for FabricScope: {@code $XDG_CACHE_HOME/fabricscope}
     * when that variable holds an absolute path, else {@code ~/Library/Caches/fabricscope} on
     * macOS, {@code %LOCALAPPDATA%\fabricscope\cache} on Windows, and {@code
     * ~/.cache/fabricscope} elsewhere; {@code null} when there is no home directory.
     */
    public static Path defaultDirectory(Map<String, String> env, String home, String osName) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "fabricscope");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            if (local != null && !local.isEmpty()) {
                return Path.of(local, "fabricscope", "cache");
            }
        }
        if (home == null || home.isEmpty() || home.equals("?")) {
            return null;
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "fabricscope");
        }
        return Path.of(home, ".cache", "fabricscope");
    }
}
