package org.fabricscope.ui.files;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of the files dropped on the window to open. One trace is open at a time, so the first
 * trace file wins; when no dropped file looks like a trace, the first regular file is tried so that
 * the reader can say what is wrong with it instead of the drop being silently refused.
 */
public final class DroppedFiles {
    private DroppedFiles() {}

    /** True if a drag carrying {@code files} should be accepted. */
    public static boolean acceptable(List<File> files) {
        return pick(files).isPresent();
    }

    /** The file to open, if any. */
    public static Optional<File> pick(List<File> files) {
        if (files == null || files.isEmpty()) {
            return Optional.empty();
        }
        for (File f : files) {
            if (f.isFile() && f.getName().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
                return Optional.of(f);
            }
        }
        return files.stream().filter(File::isFile).findFirst();
    }
}
