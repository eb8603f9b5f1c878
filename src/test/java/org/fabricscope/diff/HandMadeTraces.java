package org.fabricscope.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small traces written by hand, as another tool would write them, for diff tests. */
public final class HandMadeTraces {
    private HandMadeTraces() {}

    public static final String HEADER =
            "{\"format\":\"fabricscope-trace\",\"version\":1,\"simulatorVersion\":\"other-tool\","
                    + "\"scenario\":\"hand\",\"parameters\":{},\"seed\":1,\"attempt\":1,"
                    + "\"patch\":{\"reorder\":false,\"barrier\":false,\"backoff\":false},"
                    + "\"topology\":{\"nodes\":1,\"drivesPerNode\":1,\"blocks\":[{\"node\":0,\"drive\":0,\"file\":\"f\"},"
                    + "{\"node\":0,\"drive\":0,\"file\":\"f\"}]}}";

    /**
     * A read of block 0 racing a write: events without {@code seq} (added on writing), given as
     * {@code "t":…} onwards. Causes refer to indexes in this list, adjusted on writing.
     */
    public static List<String> base() {
        List<String> e = new ArrayList<>();
        e.add(
                "\"t\":0,\"block\":0,\"node\":0,\"actor\":\"system\",\"kind\":\"BLOCK_INIT\",\"field\":\"version\",\"old\":0,\"new\":1");
        e.add(
                "\"t\":0,\"block\":1,\"node\":0,\"actor\":\"system\",\"kind\":\"BLOCK_INIT\",\"field\":\"version\",\"old\":0,\"new\":1");
        e.add(
                "\"t\":10,\"block\":0,\"node\":0,\"actor\":\"prefetch@n0\",\"kind\":\"PREFETCH_FILL\",\"field\":\"cacheState\",\"old\":\"EMPTY\",\"new\":\"FILLING\"");
        e.add(
                "\"t\":20,\"block\":0,\"node\":0,\"actor\":\"prefetch@n0\",\"kind\":\"PREFETCH_READY\",\"field\":\"cacheState\",\"old\":\"FILLING\",\"new\":\"READY\",\"cause\":2");
        e.add("\"t\":30,\"actor\":\"client-1\",\"kind\":\"READ_BURST\",\"arg\":2");
        e.add("\"t\":40,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_ISSUE\",\"cause\":4,\"arg\":7");
        e.add(
                "\"t\":50,\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\",\"field\":\"cacheState\",\"old\":\"READY\",\"new\":\"READY\",\"cause\":5,\"arg\":7");
        e.add(
                "\"t\":60,\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\",\"field\":\"lastWritePending\",\"old\":false,\"new\":false,\"cause\":6,\"arg\":7");
        e.add("\"t\":60,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_OK\",\"cause\":7,\"arg\":7");
        e.add("\"t\":70,\"block\":1,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_ISSUE\",\"cause\":4,\"arg\":8");
        e.add("\"t\":80,\"block\":1,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_OK\",\"cause\":9,\"arg\":8");
        e.add(
                "\"t\":90,\"block\":1,\"node\":0,\"actor\":\"writer@n0\",\"kind\":\"WRITE_LOCK\",\"field\":\"lockHolder\",\"old\":0,\"new\":1,\"arg\":1");
        return e;
    }

    /**
     * One read burst of {@code client-1} with two reads of block 0 (transactions 7 and 8), each
     * verified by a check of {@code cacheState} and answered by a {@code READ_OK}; then a write to
     * block 1. With {@code swapped}, the two reads' checks and results happen in the other order (the
     * verifier served transaction 8 first), as two racing operations do from run to run: the same
     * events, at other times.
     */
    public static List<String> twoReadsOfOneBlock(boolean swapped) {
        String check7 = "\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\","
                + "\"field\":\"cacheState\",\"old\":\"READY\",\"new\":\"READY\",\"cause\":2,\"arg\":7";
        String check8 = "\"block\":0,\"node\":0,\"actor\":\"verifier@n0\",\"kind\":\"VERIFY_CHECK\","
                + "\"field\":\"cacheState\",\"old\":\"READY\",\"new\":\"READY\",\"cause\":3,\"arg\":8";
        List<String> e = new ArrayList<>();
        e.add(
                "\"t\":0,\"block\":0,\"node\":0,\"actor\":\"system\",\"kind\":\"BLOCK_INIT\",\"field\":\"version\",\"old\":0,\"new\":1");
        e.add("\"t\":10,\"actor\":\"client-1\",\"kind\":\"READ_BURST\",\"arg\":2");
        e.add("\"t\":20,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_ISSUE\",\"cause\":1,\"arg\":7");
        e.add("\"t\":30,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_ISSUE\",\"cause\":1,\"arg\":8");
        // 4, 5: the checks; 6, 7: the results, each caused by its own transaction's check.
        e.add("\"t\":40," + (swapped ? check8 : check7));
        e.add("\"t\":50," + (swapped ? check7 : check8));
        e.add("\"t\":60,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_OK\",\"cause\":4,\"arg\":"
                + (swapped ? 8 : 7));
        e.add("\"t\":70,\"block\":0,\"node\":0,\"actor\":\"client-1\",\"kind\":\"READ_OK\",\"cause\":5,\"arg\":"
                + (swapped ? 7 : 8));
        e.add("\"t\":80,\"block\":1,\"node\":0,\"actor\":\"client-2\",\"kind\":\"WRITE_ISSUE\",\"arg\":3");
        e.add(
                "\"t\":90,\"block\":1,\"node\":0,\"actor\":\"writer@n0\",\"kind\":\"WRITE_LOCK\",\"field\":\"lockHolder\",\"old\":0,\"new\":3,\"cause\":8,\"arg\":3");
        return e;
    }

    /** Writes a trace of these events (seq numbered in order) with its end line. */
    public static Path write(Path file, List<String> events) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < events.size(); i++) {
            sb.append("{\"seq\":").append(i).append(',').append(events.get(i)).append("}\n");
        }
        sb.append("{\"end\":true,\"events\":").append(events.size()).append("}\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Inserts an event at {@code index}, shifting the causes of the later events that point at or
     * past it, as a recorder that saw one more event would have written them.
     */
    public static List<String> insert(List<String> events, int index, String event) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (i == index) {
                out.add(event);
            }
            out.add(shiftCause(events.get(i), index));
        }
        return out;
    }

    private static String shiftCause(String e, int index) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"cause\":(\\d+)").matcher(e);
        if (!m.find()) {
            return e;
        }
        int c = Integer.parseInt(m.group(1));
        return c >= index ? m.replaceFirst("\"cause\":" + (c + 1)) : e;
    }
}
