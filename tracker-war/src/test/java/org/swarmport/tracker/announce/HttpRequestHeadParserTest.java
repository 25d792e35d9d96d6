package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRequestHeadParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static HttpRequestHead parse(String text) throws HttpRequestHeadException {
        byte[] b = bytes(text);
        return HttpRequestHeadParser.parse(b, 0, b.length);
    }

    private static int refusal(String text) {
        return assertThrows(HttpRequestHeadException.class, () -> parse(text)).status();
    }

    @Test
    void announceAsLibtorrentSendsItSplitsPathAndRawQuery_RFC9112() throws Exception {
        String request = "GET /announce?info_hash=%12%34&peer_id=-LT2080-abc&port=6881 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:6969\r\nUser-Agent: libtorrent/2.0.8.0\r\nAccept-Encoding: gzip\r\n"
                + "Connection: close\r\n\r\n";

        HttpRequestHead head = parse(request);

        assertEquals("GET", head.method());
        assertTrue(head.isGet());
        assertEquals("/announce", head.path());
        assertTrue(HttpRequestHeadParser.isAnnounce(head.path()));
        assertEquals("info_hash=%12%34&peer_id=-LT2080-abc&port=6881", head.rawQuery());
        assertTrue(head.http11());
        assertFalse(head.keepAlive());
        assertFalse(head.hasBody());
        assertEquals(List.of(), head.forwardedFor());
        assertEquals(request.length(), head.length());
    }

    @Test
    void http11KeepsTheConnectionUnlessToldToClose_RFC9112_9_3() throws Exception {
        assertTrue(parse("GET /scrape HTTP/1.1\r\nHost: x\r\n\r\n").keepAlive());
        assertFalse(parse("GET /scrape HTTP/1.1\r\nConnection: Keep-Alive, CLOSE\r\n\r\n").keepAlive());
        assertFalse(parse("GET /scrape HTTP/1.0\r\n\r\n").keepAlive());
        HttpRequestHead http10 = parse("GET /scrape HTTP/1.0\r\nconnection:keep-alive\r\n\r\n");
        assertTrue(http10.keepAlive());
        assertFalse(http10.http11());
    }

    @Test
    void anIncompleteHeadAsksForMoreBytes() throws Exception {
        String whole = "GET /announce?a=b HTTP/1.1\r\nHost: x\r\n\r\n";
        for (int cut = 0; cut < whole.length(); cut++) {
            assertNull(parse(whole.substring(0, cut)), "cut at " + cut);
        }
        assertEquals(whole.length(), parse(whole).length());
    }

    @Test
    void pipelinedRequestsAreReadOneAfterAnother() throws Exception {
        byte[] two = bytes("GET /announce?x=1 HTTP/1.1\r\n\r\nGET /scrape?y=2 HTTP/1.1\r\n\r\n");

        HttpRequestHead first = HttpRequestHeadParser.parse(two, 0, two.length);
        HttpRequestHead second = HttpRequestHeadParser.parse(two, first.length(), two.length);

        assertEquals("x=1", first.rawQuery());
        assertEquals("/scrape", second.path());
        assertEquals("y=2", second.rawQuery());
        assertEquals(two.length, first.length() + second.length());
    }

    @Test
    void bareLineFeedsAndLeadingEmptyLinesAreAccepted_RFC9112_2_2() throws Exception {
        HttpRequestHead head = parse("\r\n\nGET /announce?q HTTP/1.1\nHost: x\n\n");

        assertEquals("/announce", head.path());
        assertEquals("q", head.rawQuery());
    }

    @Test
    void absoluteFormTargetIsReadAsItsPathAndQuery_RFC9112_3_2_2() throws Exception {
        HttpRequestHead head = parse("GET http://tracker.example:6969/announce?a=1 HTTP/1.1\r\n\r\n");
        assertEquals("/announce", head.path());
        assertEquals("a=1", head.rawQuery());

        assertEquals("/", parse("GET HTTPS://tracker.example HTTP/1.1\r\n\r\n").path());
        assertEquals("", parse("GET /announce? HTTP/1.1\r\n\r\n").rawQuery());
        assertNull(parse("GET /announce HTTP/1.1\r\n\r\n").rawQuery());
    }

    @Test
    void everyForwardedForLineIsKeptInOrder() throws Exception {
        HttpRequestHead head = parse("GET /announce HTTP/1.1\r\nX-Forwarded-For: 203.0.113.7, 10.0.0.1 \r\n"
                + "x-forwarded-for:\t198.51.100.2\r\n\r\n");

        assertEquals(List.of("203.0.113.7, 10.0.0.1", "198.51.100.2"), head.forwardedFor());
    }

    @Test
    void aBodyIsNoticedSoTheConnectionCanClose() throws Exception {
        assertTrue(parse("POST /announce HTTP/1.1\r\nContent-Length: 5\r\n\r\n").hasBody());
        assertTrue(parse("POST /announce HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").hasBody());
        assertFalse(parse("GET /announce HTTP/1.1\r\nContent-Length: 0\r\n\r\n").hasBody());
        assertEquals("POST", parse("POST /announce HTTP/1.1\r\n\r\n").method());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET /announce HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nHost: x\\r\\n folded\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nno colon here\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\n: empty name\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nContent-Length: 12a\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nContent-Length: \\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nX: a\\u0000b\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1\\r\\nX: a\\rb\\r\\n\\r\\n|400",
            "GET /announce HTTP/2.0\\r\\n\\r\\n|505",
            "GET /announce HTTP/1.2\\r\\n\\r\\n|505",
            "PRI * HTTP/2.0\\r\\n\\r\\n|505",
            "GET /announce HTTP/1.1 \\r\\n\\r\\n|400",
            "GET  /announce HTTP/1.1\\r\\n\\r\\n|400",
            "GET /announce\\r\\n\\r\\n|400",
            "GET\\r\\n\\r\\n|400",
            "' GET /announce HTTP/1.1\\r\\n\\r\\n'|400",
            "G(T /announce HTTP/1.1\\r\\n\\r\\n|400",
            "GET announce HTTP/1.1\\r\\n\\r\\n|400",
            "GET ftp://x/announce HTTP/1.1\\r\\n\\r\\n|400",
            "GET /ann\\u00e9ounce HTTP/1.1\\r\\n\\r\\n|400",
            "GET /announce HTTP/1.1x\\r\\n\\r\\n|400",
            "GET /announce http/1.1\\r\\n\\r\\n|400",
            "VERYLONGMETHODNAME1 /announce HTTP/1.1\\r\\n\\r\\n|400",
    })
    void malformedHeadsAreRefusedWithTheirStatus(String escaped, int status) {
        String request = escaped.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\0")
                .replace("\\u00e9", "\u00e9");

        assertEquals(status, refusal(request));
    }

    @Test
    void aHeadLongerThanTheBoundIsRefused() {
        String longLine = "GET /announce?" + "a".repeat(HttpRequestHeadParser.MAX_HEAD_BYTES) + " HTTP/1.1\r\n\r\n";
        assertEquals(414, refusal(longLine));

        StringBuilder headers = new StringBuilder("GET /announce HTTP/1.1\r\n");
        while (headers.length() < HttpRequestHeadParser.MAX_HEAD_BYTES) {
            headers.append("X-Filler: ").append("b".repeat(100)).append("\r\n");
        }
        assertEquals(431, refusal(headers.toString()));
    }

    @Test
    void moreHeaderLinesThanTheBoundAreRefused() {
        StringBuilder headers = new StringBuilder("GET /announce HTTP/1.1\r\n");
        for (int i = 0; i <= HttpRequestHeadParser.MAX_HEADER_LINES; i++) {
            headers.append("X: ").append(i).append("\r\n");
        }
        headers.append("\r\n");

        assertEquals(431, refusal(headers.toString()));
    }

    @Test
    void aHeadJustUnderTheBoundIsAccepted() throws Exception {
        String start = "GET /scrape?";
        String end = " HTTP/1.1\r\n\r\n";
        String request = start + "q".repeat(HttpRequestHeadParser.MAX_HEAD_BYTES - start.length() - end.length()) + end;

        assertEquals(HttpRequestHeadParser.MAX_HEAD_BYTES, parse(request).length());
    }

    @Test
    void rangeOutsideTheBufferIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> HttpRequestHeadParser.parse(new byte[4], 2, 5));
        assertThrows(IllegalArgumentException.class, () -> HttpRequestHeadParser.parse(new byte[4], 3, 2));
    }

    /**
     * Random and mutated heads: the parser answers a head, null or a refusal with one of its
     * statuses, never anything else, and never claims more bytes than it was given.
     */
    @Test
    void hostileBytesNeverBreakTheParser() {
        SplittableRandom random = new SplittableRandom(20261201);
        byte[] seed = bytes("GET /announce?info_hash=%aa HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-Forwarded-For: 1.2.3.4\r\nContent-Length: 0\r\n\r\n");
        byte[] alphabet = bytes("GET /?:\r\n \t,HTP1.0aA%\0\u00ff");
        for (int round = 0; round < 50_000; round++) {
            byte[] input;
            if (round % 2 == 0) {
                input = seed.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    input[random.nextInt(input.length)] = alphabet[random.nextInt(alphabet.length)];
                }
            } else {
                input = new byte[random.nextInt(200)];
                for (int i = 0; i < input.length; i++) {
                    input[i] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
                }
            }
            int to = random.nextInt(input.length + 1);
            try {
                HttpRequestHead head = HttpRequestHeadParser.parse(input, 0, to);
                if (head != null) {
                    assertTrue(head.length() > 0 && head.length() <= to, "length " + head.length() + " of " + to);
                    assertTrue(head.path().startsWith("/"), head.path());
                }
            } catch (HttpRequestHeadException e) {
                assertTrue(List.of(400, 414, 431, 505).contains(e.status()), "status " + e.status());
                assertFalse(e.getMessage().isEmpty());
            }
        }
    }
}
