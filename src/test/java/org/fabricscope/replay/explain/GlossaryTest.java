package org.fabricscope.replay.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlossaryTest {
    @Test
    void explainsEachShorthandWithTheValueItHasInTheText() {
        assertThat(Glossary.explain("#6326  write 9 took the lock (writer@n1) for txn 309"))
                .containsExactly(
                        "#6326: step 6326 of the trace, the event's sequence number (Ctrl+G 6326 goes there).",
                        "txn 309: the client's read transaction 309; the verifier checks the block on its behalf.",
                        "writer@n1: the writer actor on node n1.",
                        "write 9: the client write with id 9; it holds the block's lock and keeps lastWritePending set"
                                + " until its completion ACK arrives.");
    }

    @Test
    void textWithoutShorthandHasNoHover() {
        assertThat(Glossary.hover("cacheState=READY")).isNull();
    }

    @Test
    void aRepeatedTermIsExplainedOnce() {
        assertThat(Glossary.explain("write 9 … Write 9")).hasSize(1);
    }
}
