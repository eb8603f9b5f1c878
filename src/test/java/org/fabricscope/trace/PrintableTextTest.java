package org.fabricscope.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {
    @Test
    void ordinaryTextIncludingNonAsciiIsReturnedUnchanged() {
        String s = "prefetch@n0 café ☃ \"quoted\" \\";
        assertThat(PrintableText.of(s)).isSameAs(s);
    }

    @Test
    void controlAndBidiCharactersBecomeVisibleEscapes() {
        assertThat(PrintableText.of("a\nb\r\tc\u001b[31m\u0085\u202Ed\u2066\u2028"))
                .isEqualTo("a\\u000Ab\\u000D\\u0009c\\u001B[31m\\u0085\\u202Ed\\u2066\\u2028");
    }

    @Test
    void aFormatErrorQuotingTheFileStaysOnOneLine() {
        TraceFormatException e = new TraceFormatException("t.jsonl", 3, 9, "unknown kind \"X\nY\"");
        assertThat(e.getMessage())
                .isEqualTo("t.jsonl:3:9: unknown kind \"X\\u000AY\"")
                .doesNotContain("\n");
        assertThat(e.problem()).doesNotContain("\n");
    }
}
