package org.swarmport.peer.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.peer.metainfo.InfoHash;

class HttpTrackerUrlTest {

    static final InfoHash HASH = InfoHash.fromHex("c12fe1c06bba254a9dc9f519b335aa7c1367a88a");
    static final byte[] PEER_ID = "-SP0001-abcdefghijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void announceEscapesBinaryHashAndPeerIdByteByByte_BEP3() {
        AnnounceRequest request = new AnnounceRequest(HASH, PEER_ID, 6881, 1, 2, 3, AnnounceEvent.STARTED, 50, 0xabc);
        URI uri = HttpTrackerUrl.announce(URI.create("http://t.example/announce"), request, null);
        assertEquals("http://t.example/announce?info_hash=%C1%2F%E1%C0k%BA%25J%9D%C9%F5%19%B35%AA%7C%13g%A8%8A"
                + "&peer_id=-SP0001-abcdefghijkl&port=6881&uploaded=1&downloaded=2&left=3&compact=1&numwant=50"
                + "&key=00000abc&event=started", uri.toString());
    }

    @Test
    void regularAnnounceSendsNoEventAndEchoesTheTrackerId_BEP3() {
        AnnounceRequest request = new AnnounceRequest(HASH, PEER_ID, 1, 0, 0, 0, AnnounceEvent.NONE, 0, -1);
        String uri = HttpTrackerUrl.announce(URI.create("http://t.example/a"), request, "id 1").toString();
        assertEquals(false, uri.contains("event="));
        assertEquals(true, uri.endsWith("&key=ffffffff&trackerid=id%201"), uri);
    }

    @Test
    void aPasskeyInTheAnnounceUrlIsKeptInFront() {
        AnnounceRequest request = new AnnounceRequest(HASH, PEER_ID, 1, 0, 0, 0, AnnounceEvent.NONE, 0, 0);
        String uri = HttpTrackerUrl.announce(URI.create("https://t.example/announce.php?passkey=s3cr3t#frag"), request, null)
                .toString();
        assertEquals(true, uri.startsWith("https://t.example/announce.php?passkey=s3cr3t&info_hash="), uri);
        assertEquals(false, uri.contains("#"));
    }

    @Test
    void v2HashesTravelTruncated_BEP52() {
        InfoHash v2 = InfoHash.fromHex("7e6182e08d26560be726af1a637dda734f80c007b5b2b4a5b10fd59433c5633c");
        AnnounceRequest request = new AnnounceRequest(v2, PEER_ID, 1, 0, 0, 0, AnnounceEvent.NONE, 0, 0);
        String uri = HttpTrackerUrl.announce(URI.create("http://t/announce"), request, null).toString();
        assertEquals("info_hash=" + HttpTrackerUrl.escape(HexFormat.of().parseHex("7e6182e08d26560be726af1a637dda734f80c007")),
                uri.substring(uri.indexOf('?') + 1, uri.indexOf('&')));
    }

    /** The examples of BEP 48's section "Scrape URL". */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://example.com/announce, http://example.com/scrape",
        "http://example.com/x/announce, http://example.com/x/scrape",
        "http://example.com/announce.php, http://example.com/scrape.php",
        "http://example.com/a, -",
        "http://example.com/announce?x2%0644, http://example.com/scrape?x2%0644",
        "http://example.com/announce?x=2/4, http://example.com/scrape?x=2/4",
        "http://example.com/x%064announce, -",
    })
    void scrapeUrlReplacesAnnounceInTheLastPathComponent_BEP48(String announce, String scrape) {
        Optional<URI> derived = HttpTrackerUrl.scrape(URI.create(announce), List.of());
        assertEquals(scrape, derived.map(URI::toString).orElse("-"));
    }

    @Test
    void scrapeNamesEveryHash_BEP48() {
        InfoHash other = InfoHash.of(InfoHash.Version.V1, new byte[20]);
        assertEquals("http://t/scrape?info_hash=%C1%2F%E1%C0k%BA%25J%9D%C9%F5%19%B35%AA%7C%13g%A8%8A&info_hash="
                + "%00".repeat(20), HttpTrackerUrl.scrape(URI.create("http://t/announce"), List.of(HASH, other))
                .orElseThrow().toString());
    }
}
