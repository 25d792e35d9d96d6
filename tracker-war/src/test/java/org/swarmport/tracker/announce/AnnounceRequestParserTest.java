package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.tracker.swarm.AnnounceEvent;

class AnnounceRequestParserTest {

    /** The BEP 3 example hash and its encoding, quoted from the specification. */
    private static final byte[] BEP3_HASH = HexFormat.of().parseHex("123456789abcdef123456789abcdef123456789a");
    private static final String BEP3_ENCODED = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";

    /** A real SHA-1, whose bytes exercise escaped and unescaped characters alike. */
    private static final byte[] INFO_HASH = sha1("swarmport test torrent");
    /** Twenty bytes 0x00..0xff: every client has to escape most of them. */
    private static final byte[] BINARY_PEER_ID = HexFormat.of().parseHex("2d4c54323035302d00ff7f80a5202526273d2b2f");

    private static final String MINIMAL = "info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6ch&port=6881";

    private static AnnounceRequest parse(String query) {
        return AnnounceRequestParser.parse(query);
    }

    private static String rejection(String query) {
        return assertThrows(TrackerRequestException.class, () -> parse(query)).getMessage();
    }

    // ---- Real clients ---------------------------------------------------------------

    @Test
    void infoHashIsPercentDecodedToTwentyBytes_BEP3() {
        assertArrayEquals(BEP3_HASH, parse(MINIMAL).infoHash());
    }

    @Test
    void qbittorrentAnnounceThroughLibtorrentIsParsed_BEP3_BEP23() {
        // libtorrent 2.0 http_tracker_connection: peer ids use url-safe random characters,
        // so '!', '~', '*', '(' and ')' arrive unescaped; the key is %08X.
        String peerId = "-qB4630-k8!~*()gej6c";
        String query = "info_hash=" + ClientEscaping.libtorrent(INFO_HASH)
                + "&peer_id=" + ClientEscaping.libtorrent(peerId.getBytes(StandardCharsets.US_ASCII))
                + "&port=6881&uploaded=0&downloaded=0&left=1048576&corrupt=0&key=6A8C4B2D"
                + "&event=started&numwant=200&compact=1&no_peer_id=1&supportcrypto=1&redundant=0";

        AnnounceRequest request = parse(query);

        assertArrayEquals(INFO_HASH, request.infoHash());
        assertEquals(peerId, new String(request.peerId(), StandardCharsets.US_ASCII));
        assertEquals(6881, request.port());
        assertEquals(0, request.uploaded());
        assertEquals(0, request.downloaded());
        assertEquals(1048576, request.left());
        assertFalse(request.isSeeder());
        assertEquals(AnnounceEvent.STARTED, request.event());
        assertEquals(200, request.numWant());
        assertTrue(request.compact());
        assertTrue(request.noPeerId());
        assertEquals("6A8C4B2D", new String(request.key(), StandardCharsets.US_ASCII));
        assertNull(request.trackerId());
        assertNull(request.ip());
    }

    @Test
    void libtorrentRepeatsIpv4AndIpv6HintsPerLocalAddressAndTheFirstIsKept_BEP7() {
        String query = "info_hash=" + ClientEscaping.libtorrent(INFO_HASH)
                + "&peer_id=" + ClientEscaping.libtorrent(BINARY_PEER_ID)
                + "&port=51000&uploaded=123&downloaded=456&left=0&corrupt=0&key=0000BEEF"
                + "&numwant=50&compact=1&no_peer_id=1&supportcrypto=1&redundant=0"
                + "&trackerid=" + ClientEscaping.libtorrent("abc/def".getBytes(StandardCharsets.US_ASCII))
                + "&ipv4=192.168.1.20&ipv4=10.0.0.20"
                + "&ipv6=2001%3adb8%3a%3a1&ipv6=2001%3adb8%3a%3a2";

        AnnounceRequest request = parse(query);

        assertArrayEquals(BINARY_PEER_ID, request.peerId());
        assertEquals(AnnounceEvent.NONE, request.event());
        assertTrue(request.isSeeder());
        assertEquals("abc/def", new String(request.trackerId(), StandardCharsets.US_ASCII));
        assertEquals("192.168.1.20", request.ipv4());
        assertEquals("2001:db8::1", request.ipv6());
    }

    @Test
    void transmissionAnnounceWithLowerCaseEscapesIsParsed_BEP3() {
        // Transmission 4 announcer-http: lower-case %xx, numwant 80, requirecrypto when
        // encryption is required.
        String query = "info_hash=" + ClientEscaping.transmission(INFO_HASH)
                + "&peer_id=-TR4060-r5m6m2k1q9wz&port=51413&uploaded=0&downloaded=0"
                + "&left=734003200&numwant=80&key=1A2B3C4D&compact=1&supportcrypto=1"
                + "&requirecrypto=1&event=started";

        AnnounceRequest request = parse(query);

        assertArrayEquals(INFO_HASH, request.infoHash());
        assertEquals("-TR4060-r5m6m2k1q9wz", new String(request.peerId(), StandardCharsets.US_ASCII));
        assertEquals(51413, request.port());
        assertEquals(734003200, request.left());
        assertEquals(80, request.numWant());
        assertEquals(AnnounceEvent.STARTED, request.event());
        assertFalse(request.noPeerId());
    }

    @Test
    void aria2AnnounceWithBinaryPeerIdAndPortLastIsParsed_BEP3() {
        // aria2 DefaultBtAnnounce: upper-case %XX, peer id "A2-1-37-0-" plus 10 random
        // bytes, port after the other counters.
        byte[] peerId = new byte[20];
        System.arraycopy("A2-1-37-0-".getBytes(StandardCharsets.US_ASCII), 0, peerId, 0, 10);
        System.arraycopy(BINARY_PEER_ID, 10, peerId, 10, 10);
        String query = "info_hash=" + ClientEscaping.aria2(INFO_HASH)
                + "&peer_id=" + ClientEscaping.aria2(peerId)
                + "&uploaded=1024&downloaded=2048&left=4096&compact=1&key=Xk3aB9qZ"
                + "&numwant=50&no_peer_id=1&port=6882&event=completed&supportcrypto=1";

        AnnounceRequest request = parse(query);

        assertArrayEquals(INFO_HASH, request.infoHash());
        assertArrayEquals(peerId, request.peerId());
        assertEquals(6882, request.port());
        assertEquals(1024, request.uploaded());
        assertEquals(2048, request.downloaded());
        assertEquals(AnnounceEvent.COMPLETED, request.event());
    }

    @Test
    void everyByteEscapedInEitherCaseDecodesTheSame_BEP3() {
        String upper = ClientEscaping.everyByte(INFO_HASH);
        String lower = upper.toLowerCase();
        assertArrayEquals(INFO_HASH, parse("info_hash=" + upper + "&peer_id=-qB4630-k8hj0wgej6ch&port=1").infoHash());
        assertArrayEquals(INFO_HASH, parse("info_hash=" + lower + "&peer_id=-qB4630-k8hj0wgej6ch&port=1").infoHash());
    }

    @Test
    void plusIsTheSpaceByteAsInFormDecoding() {
        AnnounceRequest request = parse("info_hash=" + BEP3_ENCODED + "&peer_id=-XX0001-++++++%20%20%20%20%20%20&port=1");
        assertEquals("-XX0001-            ", new String(request.peerId(), StandardCharsets.US_ASCII));
    }

    @Test
    void encodedParameterNamesAreDecodedToo() {
        AnnounceRequest request = parse("info%5Fhash=" + BEP3_ENCODED + "&peer%5fid=-qB4630-k8hj0wgej6ch&p%6Frt=80");
        assertArrayEquals(BEP3_HASH, request.infoHash());
        assertEquals(80, request.port());
    }

    @Test
    void v2InfoHashTruncatedToTwentyBytesIsAccepted_BEP52() {
        byte[] sha256 = sha256("a v2 info dictionary");
        byte[] truncated = Arrays.copyOf(sha256, 20);
        String query = "info_hash=" + ClientEscaping.libtorrent(truncated) + "&peer_id=-qB4630-k8hj0wgej6ch&port=6881";
        assertArrayEquals(truncated, parse(query).infoHash());
    }

    // ---- Defaults ------------------------------------------------------------------

    @Test
    void absentOptionalParametersTakeTheirDefaults_BEP3() {
        AnnounceRequest request = parse(MINIMAL);
        assertEquals(0, request.uploaded());
        assertEquals(0, request.downloaded());
        assertEquals(AnnounceRequest.LEFT_UNKNOWN, request.left());
        assertEquals(AnnounceEvent.NONE, request.event());
        assertEquals(50, request.numWant());
        assertTrue(request.compact());
        assertFalse(request.noPeerId());
        assertNull(request.key());
        assertNull(request.trackerId());
        assertNull(request.ip());
        assertNull(request.ipv4());
        assertNull(request.ipv6());
    }

    @Test
    void missingLeftMakesALeecherLikeOpentracker() {
        assertFalse(parse(MINIMAL).isSeeder());
        assertTrue(parse(MINIMAL + "&left=0").isSeeder());
        assertFalse(parse(MINIMAL + "&left=1").isSeeder());
    }

    @Test
    void compactZeroAsksForTheDictionaryModel_BEP23() {
        assertFalse(parse(MINIMAL + "&compact=0").compact());
        assertTrue(parse(MINIMAL + "&compact=1").compact());
    }

    @ParameterizedTest(name = "event={0} -> {1}")
    @CsvSource({
        "started,   STARTED",
        "completed, COMPLETED",
        "stopped,   STOPPED",
        "'',        NONE",
        "paused,    NONE",
        "update,    NONE",
        "st%61rted, STARTED",
    })
    void eventsOfBep3AreRecognisedAndPausedOfBep21CountsAsNone(String value, AnnounceEvent expected) {
        assertEquals(expected, parse(MINIMAL + "&event=" + value).event());
    }

    @ParameterizedTest(name = "numwant={0} -> {1}")
    @CsvSource({
        "0,                    0",
        "1,                    1",
        "50,                   50",
        "199,                  199",
        "200,                  200",
        "201,                  200",
        "4294967295,           200",
        "9223372036854775807,  200",
        "-1,                   50",
        "-9223372036854775808, 50",
    })
    void numwantIsCappedAt200AndNegativeMeansTheDefault(String value, int expected) {
        assertEquals(expected, parse(MINIMAL + "&numwant=" + value).numWant());
    }

    @ParameterizedTest
    @CsvSource({"1", "65535", "6881", "00080"})
    void portsFromOneTo65535AreAccepted_BEP3(String port) {
        assertEquals(Integer.parseInt(port), parse("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6ch&port=" + port).port());
    }

    @Test
    void countersUpToTheLargestLongAreAccepted() {
        AnnounceRequest request = parse(MINIMAL + "&uploaded=9223372036854775807&downloaded=0&left=9223372036854775807");
        assertEquals(Long.MAX_VALUE, request.uploaded());
        assertEquals(Long.MAX_VALUE, request.left());
    }

    @Test
    void unknownParametersAreIgnoredWhateverTheyHold() {
        AnnounceRequest request = parse(MINIMAL + "&passkey=%ZZ%&corrupt=-1&x=%&=%G1&&&weird&supportcrypto");
        assertEquals(6881, request.port());
    }

    @Test
    void claimedIpIsKeptAsTextForTheServletToJudge_BEP3() {
        assertEquals("tracker.example.org", parse(MINIMAL + "&ip=tracker.example.org").ip());
        assertEquals("203.0.113.9", parse(MINIMAL + "&ip=203.0.113.9").ip());
    }

    // ---- Rejections, each with its exact message -------------------------------------

    @Test
    void missingRequiredParametersAreNamed_BEP3() {
        assertEquals("missing info_hash", rejection(null));
        assertEquals("missing info_hash", rejection(""));
        assertEquals("missing info_hash", rejection("peer_id=-qB4630-k8hj0wgej6ch&port=6881"));
        assertEquals("missing peer_id", rejection("info_hash=" + BEP3_ENCODED + "&port=6881"));
        assertEquals("missing port", rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6ch"));
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0", "19", "21", "32", "1000"})
    void infoHashOfAnyOtherLengthThanTwentyIsRefused_BEP3_BEP52(int length) {
        String query = "info_hash=" + ClientEscaping.everyByte(new byte[length]) + "&peer_id=-qB4630-k8hj0wgej6ch&port=6881";
        assertEquals("invalid info_hash: must be 20 bytes, got " + length, rejection(query));
    }

    @Test
    void peerIdOfAnyOtherLengthThanTwentyIsRefused_BEP3() {
        assertEquals("invalid peer_id: must be 20 bytes, got 19",
                rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6c&port=6881"));
        assertEquals("invalid peer_id: must be 20 bytes, got 21",
                rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6chh&port=6881"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "%G1%3456789abcdef123456789a | invalid info_hash: malformed percent escape",
        "%1G%3456789abcdef123456789a | invalid info_hash: malformed percent escape",
        "123456789abcdef123456789%4  | invalid info_hash: malformed percent escape",
        "123456789abcdef1234567890%  | invalid info_hash: malformed percent escape",
        "%%12345678abcdef123456789a  | invalid info_hash: malformed percent escape",
    })
    void malformedPercentEscapesAreRefused(String infoHash, String message) {
        assertEquals(message, rejection("info_hash=" + infoHash + "&peer_id=-qB4630-k8hj0wgej6ch&port=6881"));
    }

    @Test
    void unescapedNonAsciiOrControlCharactersAreRefused() {
        assertEquals("invalid info_hash: must be percent-encoded",
                rejection("info_hash=1234567890123456789\u00e9&peer_id=-qB4630-k8hj0wgej6ch&port=6881"));
        assertEquals("invalid peer_id: must be percent-encoded",
                rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6\u0000&port=6881"));
        assertEquals("invalid info_hash: must be percent-encoded",
                rejection("info_hash=1234567890 234567890&peer_id=-qB4630-k8hj0wgej6ch&port=6881"));
    }

    @ParameterizedTest(name = "port={0}")
    @CsvSource(delimiter = '|', value = {
        "0                     | invalid port: 0",
        "65536                 | invalid port: 65536",
        "70000                 | invalid port: 70000",
        "9223372036854775807   | invalid port: 9223372036854775807",
        "99999999999999999999  | invalid port: too large",
        "-1                    | invalid port: negative",
        "+80                   | invalid port: not a number",
        "%2B80                 | invalid port: not a number",
        "80a                   | invalid port: not a number",
        "0x50                  | invalid port: not a number",
        "8 0                   | invalid port: must be percent-encoded",
        "-                     | invalid port: not a number",
        "''                    | invalid port: empty",
        "%3                    | invalid port: malformed percent escape",
    })
    void portOutOfRangeOrNotANumberIsRefused_BEP3(String port, String message) {
        assertEquals(message, rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6ch&port=" + port));
    }

    @Test
    void bareParameterWithoutValueIsEmpty() {
        assertEquals("invalid port: empty", rejection("info_hash=" + BEP3_ENCODED + "&peer_id=-qB4630-k8hj0wgej6ch&port"));
        assertEquals("invalid compact: empty", rejection(MINIMAL + "&compact"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uploaded=-1                      | invalid uploaded: negative",
        "uploaded=1e3                     | invalid uploaded: not a number",
        "downloaded=9223372036854775808   | invalid downloaded: too large",
        "downloaded=-9223372036854775809  | invalid downloaded: too large",
        "left=-5                          | invalid left: negative",
        "left=12.5                        | invalid left: not a number",
        "left=                            | invalid left: empty",
        "numwant=abc                      | invalid numwant: not a number",
        "numwant=--1                      | invalid numwant: not a number",
        "numwant=1-                       | invalid numwant: not a number",
        "numwant=99999999999999999999     | invalid numwant: too large",
        "compact=yes                      | invalid compact: not a number",
        "no_peer_id=true                  | invalid no_peer_id: not a number",
        "event=%ZZ                        | invalid event: malformed percent escape",
        "ip=%00                           | invalid ip: not printable ASCII",
        "ipv6=%0A                         | invalid ipv6: not printable ASCII",
    })
    void malformedOptionalParametersAreRefusedByName(String parameter, String message) {
        assertEquals(message, rejection(MINIMAL + "&" + parameter));
    }

    @Test
    void overlongKeyTrackerIdAndAddressesAreRefused() {
        assertEquals("invalid key: longer than 64 bytes", rejection(MINIMAL + "&key=" + "k".repeat(65)));
        assertEquals("invalid trackerid: longer than 64 bytes", rejection(MINIMAL + "&trackerid=" + "%41".repeat(65)));
        assertEquals("invalid ip: longer than 255 bytes", rejection(MINIMAL + "&ip=" + "a".repeat(256)));
        assertEquals("invalid ipv4: longer than 64 bytes", rejection(MINIMAL + "&ipv4=" + "1".repeat(65)));
        assertEquals(64, parse(MINIMAL + "&key=" + "k".repeat(64)).key().length);
    }

    @ParameterizedTest
    @CsvSource({"info_hash", "peer_id", "port", "uploaded", "downloaded", "left", "event", "numwant",
        "compact", "no_peer_id", "key", "trackerid", "ip"})
    void repeatedKnownParameterIsRefused(String name) {
        String first = switch (name) {
            case "info_hash" -> BEP3_ENCODED;
            case "peer_id" -> "-qB4630-k8hj0wgej6ch";
            case "event" -> "started";
            case "ip", "key", "trackerid" -> "abc";
            default -> "1";
        };
        String twice = MINIMAL + "&" + name + "=" + first + "&" + name + "=" + first;
        assertEquals("repeated " + name, rejection(twice));
    }

    @Test
    void queryLongerThanTheLimitIsRefusedBeforeItIsRead() {
        String padding = "&x=" + "y".repeat(AnnounceRequestParser.MAX_QUERY_LENGTH - MINIMAL.length() - 3);
        assertEquals(AnnounceRequestParser.MAX_QUERY_LENGTH, (MINIMAL + padding).length());
        assertEquals(6881, parse(MINIMAL + padding).port());
        assertEquals("invalid query: longer than 4096 characters", rejection(MINIMAL + padding + "y"));
    }

    @Test
    void messagesNeverEchoTheClientsBytes() {
        String hostile = "%3Cscript%3E".repeat(100);
        String message = rejection("info_hash=" + hostile + "&peer_id=-qB4630-k8hj0wgej6ch&port=6881");
        assertEquals("invalid info_hash: must be 20 bytes, got 800", message);
    }

    // ---- helpers ------------------------------------------------------------------

    static byte[] sha1(String text) {
        return digest("SHA-1", text);
    }

    static byte[] sha256(String text) {
        return digest("SHA-256", text);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
