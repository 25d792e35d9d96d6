package org.swarmport.peer.webseed;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The checks of a range answer's status and headers, and the strict Content-Range parser. */
class RangeAnswerTest {

    private static final FileRange MIDDLE = new FileRange(URI.create("http://h/f"), 1000, 100, 50, 0);
    private static final FileRange WHOLE = new FileRange(URI.create("http://h/f"), 1000, 0, 1000, 0);

    private static String refusal(FileRange range, int status, String contentRange, long length) {
        return assertThrows(WebSeedException.class, () -> RangeAnswer.check(range, status,
                Optional.ofNullable(contentRange), length < 0 ? OptionalLong.empty() : OptionalLong.of(length)))
                .getMessage();
    }

    @Test
    void aPartialAnswerNamingTheRangeIsAccepted_RFC9110() {
        assertDoesNotThrow(() -> RangeAnswer.check(MIDDLE, 206, Optional.of("bytes 100-149/1000"), OptionalLong.of(50)));
        assertDoesNotThrow(() -> RangeAnswer.check(MIDDLE, 206, Optional.of("bytes 100-149/*"), OptionalLong.empty()));
    }

    @Test
    void aWholeFileAnswerIsAcceptedOnlyForTheWholeFile_BEP19() {
        assertDoesNotThrow(() -> RangeAnswer.check(WHOLE, 200, Optional.empty(), OptionalLong.of(1000)));
        assertTrue(refusal(MIDDLE, 200, null, 1000).endsWith("the server ignored the range and sent the whole file (200)"));
    }

    @Test
    void answersForOtherBytesAreRefused() {
        assertTrue(refusal(MIDDLE, 206, "bytes 0-49/1000", 50).endsWith("the server sent bytes 0-49"));
        assertTrue(refusal(MIDDLE, 206, "bytes 100-149/999", 50).endsWith("the file has 999 bytes, the torrent says 1000"));
        assertTrue(refusal(MIDDLE, 206, null, 50).endsWith("206 without a Content-Range"));
        assertTrue(refusal(MIDDLE, 206, "bytes 100-149/1000", 51).endsWith("Content-Length 51 for a range of 50 bytes"));
    }

    @Test
    void errorStatusesAreNamed() {
        assertEquals("http://h/f bytes=100-149: not found (404)", refusal(MIDDLE, 404, null, -1));
        assertTrue(refusal(MIDDLE, 503, null, -1).endsWith("server error (503)"));
        assertTrue(refusal(MIDDLE, 416, null, -1).endsWith("the server's file is shorter than the torrent's (416)"));
        assertTrue(refusal(MIDDLE, 302, null, -1).endsWith("unexpected status 302"));
    }

    @Test
    void contentRangeParsingIsStrict() throws WebSeedException {
        assertEquals(new ContentRange(0, 9, OptionalLong.of(10)), ContentRange.parse("bytes 0-9/10"));
        assertEquals(new ContentRange(5, 5, OptionalLong.empty()), ContentRange.parse("Bytes 5-5/*"));
        for (String bad : List.of("bytes */10", "items 0-9/10", "bytes 9-0/10", "bytes 0-10/10", "bytes -1-9/10",
                "bytes 0-99999999999999999999/*", "bytes 0-9", "bytes 0x0-9/10", "", "bytes 1 -9/x")) {
            WebSeedException e = assertThrows(WebSeedException.class, () -> ContentRange.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("Content-Range '"), e.getMessage());
        }
        String flood = "bytes " + "9".repeat(10_000);
        assertTrue(assertThrows(WebSeedException.class, () -> ContentRange.parse(flood)).getMessage().length() < 300);
    }
}
