package org.fabricscope.trace.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.fabricscope.testsupport.MalformedCorpus;
import org.fabricscope.trace.Progress;
import org.fabricscope.trace.TraceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each committed file under {@code src/test/resources/malformed/} is refused with a {@link
 * TraceFormatException} that names the file and the line, and says what was wrong.
 */
class TraceReaderMalformedTest {
    static Path resource(String name) {
        try {
            return Paths.get(
                    TraceReaderMalformedTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TraceFormatException failure(Path file) {
        Throwable t = catchThrowable(() -> TraceReader.read(file, Progress.NONE));
        assertThat(t).as("reading %s", file.getFileName()).isInstanceOf(TraceFormatException.class);
        return (TraceFormatException) t;
    }

    @ParameterizedTest(name = "{0} fails at line {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.jsonl                         | 0 | the file is empty
            whitespace-only.jsonl               | 1 | no JSON in it
            binary-garbage.bin                  | 1 | not valid
            binary-zeros.bin                    | 1 | binary data
            utf16.jsonl                         | 1 | UTF-16
            invalid-utf8.jsonl                  | 2 | UTF-8
            truncated-last-line.jsonl           | 4 | truncated
            truncated-at-line-boundary.jsonl    | 4 | without the end line
            missing-header.jsonl                | 1 | a trace starts with a header line
            header-not-an-object.jsonl          | 1 | the first line must be the header object
            unknown-format-version.jsonl        | 1 | version 2 is not supported; this FabricScope reads version 1
            not-a-fabricscope-trace.jsonl       | 1 | not a FabricScope trace
            header-missing-seed.jsonl           | 1 | the header lacks 'seed'
            header-block-on-unknown-node.jsonl  | 1 | node 3 is out of range
            wrong-type-seq-string.jsonl         | 3 | seq must be an integer, found the string "1"
            wrong-type-time-float.jsonl         | 3 | t must be an integer, found the number 10.5
            wrong-type-bool-field.jsonl         | 3 | old of lastWritePending must be true or false, found 0
            wrong-type-enum-as-number.jsonl     | 3 | new of cacheState is 1; expected one of [EMPTY, FILLING, READY, INVALID]
            wrong-type-int-field-as-name.jsonl  | 2 | new of version must be an integer, found "READY"
            missing-kind.jsonl                  | 3 | event 1 lacks 'kind'
            missing-seq.jsonl                   | 3 | lacks 'seq'; expected seq 1
            missing-new-with-field.jsonl        | 3 | lacks 'new'
            time-backwards.jsonl                | 4 | time goes backwards: event 2 at t=5 comes after t=10
            negative-time.jsonl                 | 2 | negative time -5
            duplicate-seq.jsonl                 | 4 | seq 1 repeats or goes back; expected seq 2
            skipped-seq.jsonl                   | 4 | seq 5 skips events 2..4
            cause-later-event.jsonl             | 4 | cause 2, which is not an earlier event
            cause-nonexistent.jsonl             | 4 | cause -7, which is not an earlier event
            unknown-block.jsonl                 | 3 | unknown block 9; the topology has blocks 0..1
            unknown-node.jsonl                  | 3 | unknown node 4
            int-overflow.jsonl                  | 3 | block 3000000000 is out of range
            time-overflow.jsonl                 | 3 | t 99999999999999999999 is out of range
            two-objects-one-line.jsonl          | 3 | a second JSON value on one line
            schedule-duplicate-key.jsonl        | 1 | key 'jitterLevels' appears twice in the schedule
            schedule-negative-choice.jsonl      | 1 | schedule choice 1 must be an index
            header-and-event-on-one-line.jsonl  | 1 | a second JSON value on one line
            object-spanning-lines.jsonl         | 3 | spans lines 3 to 4
            header-spanning-lines.jsonl         | 1 | the header spans lines 1 to 2
            deep-nesting.jsonl                  | 3 | expected an event object
            deep-nesting-in-value.jsonl         | 3 | arg must be an integer, found an object
            deep-nesting-in-parameters.jsonl    | 1 | parameter 'burstSize' must be a string, number or boolean, found an array
            unknown-kind.jsonl                  | 3 | unknown kind "PREFETCH_FILLING"
            unknown-field.jsonl                 | 3 | unknown field "cache_state"
            unknown-enum-value.jsonl            | 4 | "HALF_READY", which is no state name
            enum-value-of-another-field.jsonl   | 4 | new of cacheState is "QUARANTINED"; expected one of
            unknown-event-key.jsonl             | 3 | unknown event key 'casue'
            duplicate-key.jsonl                 | 3 | key 't' appears twice
            null-value.jsonl                    | 3 | block must be an integer, found null
            content-after-end.jsonl             | 6 | content after the end line
            end-count-mismatch.jsonl            | 5 | the end line counts 4 events but the file holds 3
            not-json.jsonl                      | 3 | not valid JSON
            string-too-long.jsonl               | 3 | a string or number longer than 65536 characters
            control-characters-in-kind.jsonl    | 3 | unknown kind "X\\u001B[31mRED\\u000A\\u202E"
            """)
    void malformedFileIsRefusedWithFileLineAndReason(String name, long line, String reason) {
        Path file = resource("malformed/" + name);
        TraceFormatException e = failure(file);
        assertThat(e.problem()).contains(reason);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + (line > 0 ? ":" + line : ":"));
    }

    @Test
    void everyFileInTheCorpusHasAnExpectedLineAndReason() throws Exception {
        // The CLI and GUI corpus tests list the directory; this keeps each file's reason pinned here.
        CsvSource rows = getClass()
                .getDeclaredMethod(
                        "malformedFileIsRefusedWithFileLineAndReason", String.class, long.class, String.class)
                .getAnnotation(CsvSource.class);
        var listed = rows.textBlock()
                .lines()
                .map(l -> l.split("\\|")[0].strip())
                .filter(n -> !n.isEmpty())
                .toList();
        var present = MalformedCorpus.files().stream()
                .map(p -> p.getFileName().toString())
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }
}
