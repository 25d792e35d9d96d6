package org.swarmport.tracker.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    @Test
    void partsMakeOneMessage() {
        MessageAssembler assembler = new MessageAssembler(10);
        assertNull(assembler.add("{\"a\"", false));
        assertEquals("{\"a\":1}", assembler.add(":1}", true));
        assertEquals("next", assembler.add("next", true), "the next message starts afresh");
    }

    @Test
    void aMessageOverTheLimitIsRefusedHoweverItIsFramed() {
        assertThrows(WsRequestException.class, () -> new MessageAssembler(10).add("x".repeat(11), true));
        MessageAssembler assembler = new MessageAssembler(10);
        assertNull(assembler.add("x".repeat(6), false));
        WsRequestException refused = assertThrows(WsRequestException.class, () -> assembler.add("x".repeat(5), false));
        assertEquals("message too big: at most 10 characters", refused.getMessage());
    }

    @Test
    void aMessageOfExactlyTheLimitPasses() {
        assertEquals(10, new MessageAssembler(10).add("x".repeat(10), true).length());
    }
}
