package org.swarmport.peer.magnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;

class MagnetLinkTest {

    static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";
    static final String BASE32 = "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK";
    static final String V2 = "7e6182e08d26560be726af1a637dda734f80c007b5b2b4a5b10fd59433c5633c";

    @Test
    void hexBtihIsTheV1InfoHash_BEP9() throws MagnetException {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX);
        assertEquals(InfoHash.fromHex(HEX), link.infoHashV1().orElseThrow());
        assertTrue(link.infoHashV2().isEmpty());
        assertEquals(List.of(InfoHash.fromHex(HEX)), link.infoHashes());
    }

    @Test
    void base32BtihDecodesToTheSameHashInEitherCase_BEP9() throws MagnetException {
        assertEquals(InfoHash.fromHex(HEX), MagnetLink.parse("magnet:?xt=urn:btih:" + BASE32).infoHashV1().orElseThrow());
        assertEquals(InfoHash.fromHex(HEX),
                MagnetLink.parse("magnet:?xt=urn:btih:" + BASE32.toLowerCase()).infoHashV1().orElseThrow());
    }

    @Test
    void btmhIsASha256MultihashAndTheV2InfoHash_BEP52() throws MagnetException {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btmh:1220" + V2);
        assertEquals(InfoHash.fromHex(V2), link.infoHashV2().orElseThrow());
        assertEquals(InfoHash.fromHex(V2), link.bestInfoHash());
    }

    @Test
    void hybridLinkCarriesBothHashesAndPrefersV1_BEP52() throws MagnetException {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btmh:1220" + V2);
        assertEquals(List.of(InfoHash.fromHex(HEX), InfoHash.fromHex(V2)), link.infoHashes());
        assertEquals(InfoHash.fromHex(HEX), link.bestInfoHash());
    }

    @Test
    void everyParameterIsRead_BEP9() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX
                + "&dn=Big+Buck%20Bunny%C3%A9"
                + "&tr=udp%3A%2F%2Ftracker.example%3A6969%2Fannounce"
                + "&tr.1=http://b.example/announce?passkey=x%26y"
                + "&tr=udp%3A%2F%2Ftracker.example%3A6969%2Fannounce"
                + "&ws=https%3A%2F%2Fseed.example%2Ffiles%2F"
                + "&xl=10826029"
                + "&x.pe=10.0.0.1:6881&x.pe=%5B2001:db8::1%5D:51413&x.pe=peer.example:7000"
                + "&so=0,2,4-6"
                + "&kt=ignored+keywords");
        assertEquals("Big Buck Bunny\u00e9", link.displayName().orElseThrow());
        assertEquals(List.of("udp://tracker.example:6969/announce", "http://b.example/announce?passkey=x&y"),
                link.trackers(), "order kept, duplicates dropped");
        assertEquals(List.of("https://seed.example/files/"), link.webSeeds());
        assertEquals(10826029L, link.exactLength().orElseThrow());
        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 6881),
                new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 51413),
                InetSocketAddress.createUnresolved("peer.example", 7000)), link.peers());
        assertTrue(link.peers().get(2).isUnresolved(), "no DNS lookup while parsing");
        FileSelection selection = link.selectOnly().orElseThrow();
        assertTrue(selection.includes(0) && selection.includes(2) && selection.includes(5) && selection.includes(6));
        assertFalse(selection.includes(1) || selection.includes(3) || selection.includes(7));
    }

    @Test
    void theTrackersAreOneTierEachInTheLinksOrder_BEP12() throws MagnetException {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&tr=udp://b:1&tr=http://a/announce&tr=udp://c:2");
        assertEquals(List.of(List.of("udp://b:1"), List.of("http://a/announce"), List.of("udp://c:2")), link.trackerTiers());
    }

    @Test
    void formattedLinkParsesBackEqual() throws Exception {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btmh:1220" + V2
                + "&dn=a%26b%3Dc%20d%2Be&tr=http://t.example/a?x=1%262&ws=http://w.example/&xl=5"
                + "&x.pe=[::1]:1&x.pe=1.2.3.4:5&so=1-3,7");
        MagnetLink again = MagnetLink.parse(link.toString());
        assertEquals(link, again);
        assertEquals(link.toString(), again.toString());
        assertEquals("a&b=c d+e", again.displayName().orElseThrow());
    }

    @Test
    void linkOfATorrentNamesItsHashesTrackersAndWebSeeds() throws Exception {
        Metainfo torrent = MetainfoParser.parse(resource("/metainfo/tools/libtorrent-hybrid-multi.torrent"));
        MagnetLink link = MagnetLink.parse(MagnetLink.of(torrent).toString());
        assertEquals(torrent.infoHashes(), link.infoHashes());
        assertEquals(torrent.name(), link.displayName().orElseThrow());
        assertEquals(torrent.trackerTiers().stream().flatMap(List::stream).distinct().toList(), link.trackers());
    }

    @Test
    void schemeAndKeysAreCaseInsensitiveButValuesAreNot() throws MagnetException {
        MagnetLink link = MagnetLink.parse("MAGNET:?xt=URN:BTIH:" + HEX.toUpperCase());
        assertEquals(InfoHash.fromHex(HEX), link.infoHashV1().orElseThrow());
    }

    @Test
    void otherUrnsBesideABittorrentOneAreIgnored() throws MagnetException {
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:sha1:ABCDEF&xt=urn:btih:" + HEX + "&xt=urn:ed2k:123");
        assertEquals(List.of(InfoHash.fromHex(HEX)), link.infoHashes());
    }

    @Test
    void repeatingTheSameHashIsHarmless() throws MagnetException {
        assertEquals(InfoHash.fromHex(HEX),
                MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:" + BASE32).infoHashV1().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://example.com/?xt=urn:btih:" + HEX + "|not a magnet link",
        "magnet:xt=urn:btih:" + HEX + "|not a magnet link",
        "magnet:?dn=nothing|xt: no urn:btih or urn:btmh info-hash",
        "magnet:?xt=urn:sha1:ABC|xt: no urn:btih or urn:btmh info-hash",
        "magnet:?xt=urn:btih:abc|xt: btih has 3 characters, expected 40 hex or 32 base32",
        "magnet:?xt=urn:btih:zz2fe1c06bba254a9dc9f519b335aa7c1367a88a|xt: btih 'zz2fe1c06bba254a9dc9f519b335aa7c1367a88a' is not hex",
        "magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1|is not base32",
        "magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:0000000000000000000000000000000000000000|xt: two different btih info-hashes",
        "magnet:?xt=urn:btmh:1114" + HEX + "|is not SHA-256 (1220), the only hash of BEP 52",
        "magnet:?xt=urn:btmh:1220abcd|xt: btmh SHA-256 digest must be 64 hex digits",
        "magnet:?xt=urn:btmh:12|is not a hex multihash",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%ZZ|dn: '%ZZ' at position 0 is not a hex escape",
        "magnet:?xt=urn:btih:" + HEX + "&dn=abc%4|dn: '%' at position 3 is not followed by two hex digits",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%C3%28|dn: escaped bytes are not UTF-8",
        "magnet:?xt=urn:btih:" + HEX + "&dn=a%00b|dn: control character U+0000",
        "magnet:?xt=urn:btih:" + HEX + "&tr=http://a%0d%0aHost:evil|tr: control character U+000D",
        "magnet:?xt=urn:btih:" + HEX + "&tr=not-a-url|tr: 'not-a-url' is not a URL",
        "magnet:?xt=urn:btih:" + HEX + "&xl=-5|xl: '-5' is not a length in bytes",
        "magnet:?xt=urn:btih:" + HEX + "&xl=99999999999999999999|xl: '99999999999999999999' is not a length in bytes",
        "magnet:?xt=urn:btih:" + HEX + "&xl=1&xl=2|xl: given twice with different lengths",
        "magnet:?xt=urn:btih:" + HEX + "&dn=a&dn=b|dn: given twice with different names",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=10.0.0.1|x.pe: '10.0.0.1' has no port",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=10.0.0.1:0|x.pe: port 0 is outside 1..65535",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=10.0.0.1:70000|x.pe: port 70000 is outside 1..65535",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=2001:db8::1:80|x.pe: '2001:db8::1:80': an IPv6 address needs brackets",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=[2001:db8::zz]:80|x.pe: '2001:db8::zz' is not an IPv6 address",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=[10.0.0.1]:80|x.pe: '10.0.0.1' in brackets is not an IPv6 address",
        "magnet:?xt=urn:btih:" + HEX + "&x.pe=bad_host!:80|x.pe: 'bad_host!' is neither an IP address nor a host name",
        "magnet:?xt=urn:btih:" + HEX + "&so=1-|so: '' is not a file index",
        "magnet:?xt=urn:btih:" + HEX + "&so=5-2|so: range 5-2 ends before it starts",
        "magnet:?xt=urn:btih:" + HEX + "&so=99999999999|so: file index 99999999999 is too large",
        "magnet:?xt=urn:btih:" + HEX + "&so=1&so=2|so: given twice",
        "magnet:?xt=urn:btih:" + HEX + "&broken|parameter 'broken' has no '='",
    })
    void defectsAreRefusedWithAMessageNamingThem(String link, String message) {
        MagnetException e = assertThrows(MagnetException.class, () -> MagnetLink.parse(link));
        assertTrue(e.getMessage().startsWith("magnet: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void linksBeyondTheLengthLimitAreRefusedBeforeDecoding() {
        String link = "magnet:?xt=urn:btih:" + HEX + "&dn=" + "a".repeat(100);
        MagnetException e = assertThrows(MagnetException.class, () -> MagnetLink.parse(link, new MagnetLimits(64, 10)));
        assertEquals("magnet: link has " + link.length() + " characters, more than the limit of 64", e.getMessage());
    }

    @Test
    void tooManyParametersAreRefused() {
        String link = "magnet:?xt=urn:btih:" + HEX + "&tr=http://a/".repeat(10);
        MagnetException e = assertThrows(MagnetException.class, () -> MagnetLink.parse(link, new MagnetLimits(10_000, 5)));
        assertEquals("magnet: more than 5 parameters", e.getMessage());
    }

    @Test
    void hugeFileRangesCostNothing_BEP53() throws MagnetException {
        FileSelection selection = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&so=0-2147483647").selectOnly().orElseThrow();
        assertTrue(selection.includes(Integer.MAX_VALUE));
        assertEquals("0-2147483647", selection.toString());
    }

    @Test
    void fragmentIsNotPartOfTheLastParameter() throws MagnetException {
        assertEquals("name", MagnetLink.parse("magnet:?xt=urn:btih:" + HEX + "&dn=name#frag").displayName().orElseThrow());
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = MagnetLinkTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }
}
