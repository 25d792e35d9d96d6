package org.swarmport.peer.magnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.discovery.PeerAddress;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;

/** Our links and libtorrent's (python3-libtorrent 2.0) read the same both ways. */
class MagnetInteropTest {

    private static final String[] CORPUS = {"libtorrent-v1-single", "libtorrent-v1-multi", "libtorrent-v2-single",
        "libtorrent-v2-multi", "libtorrent-hybrid-single", "libtorrent-hybrid-multi", "mktorrent-multi",
        "transmission-multi"};

    @Test
    void libtorrentReadsOurLinksAsWeWroteThem_BEP9_BEP52() throws Exception {
        RealTools.requireLibtorrent();
        MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + MagnetLinkTest.HEX + "&xt=urn:btmh:1220"
                + MagnetLinkTest.V2 + "&dn=caf%C3%A9+%26+more&tr=udp://a.example:6969/announce"
                + "&tr=http://b.example/announce?k=1%262&ws=http://w.example/f/&x.pe=10.1.2.3:6881&x.pe=[2001:db8::5]:7");
        List<String> lines = RealTools.output(List.of(RealTools.PYTHON, script(), "parse", link.toString()), 60);
        assertEquals(6, lines.size(), String.valueOf(lines));
        assertEquals(List.of(MagnetLinkTest.HEX, MagnetLinkTest.V2, "caf\u00e9 & more",
                String.join(" ", link.trackers()), "http://w.example/f/"), lines.subList(0, 5));
        List<InetSocketAddress> peers = new ArrayList<>();
        for (String peer : lines.get(5).split(" ")) {
            peers.add(PeerAddress.parse(peer));
        }
        assertEquals(link.peers(), peers);
    }

    @Test
    void weReadLibtorrentsLinksOfTheCorpus() throws Exception {
        RealTools.requireLibtorrent();
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON, script(), "make"));
        List<Metainfo> torrents = new ArrayList<>();
        for (String name : CORPUS) {
            String resource = "/metainfo/tools/" + name + ".torrent";
            command.add(Path.of(MagnetInteropTest.class.getResource(resource).toURI()).toString());
            torrents.add(MetainfoParser.parse(MagnetLinkTest.resource(resource)));
        }
        List<String> links = RealTools.output(command, 60);
        assertEquals(CORPUS.length, links.size(), String.valueOf(links));
        for (int i = 0; i < CORPUS.length; i++) {
            MagnetLink link = MagnetLink.parse(links.get(i));
            Metainfo torrent = torrents.get(i);
            assertEquals(torrent.infoHashes(), link.infoHashes(), CORPUS[i]);
            assertEquals(torrent.name(), link.displayName().orElseThrow(), CORPUS[i]);
            assertEquals(torrent.trackerTiers().stream().flatMap(List::stream).distinct().toList(), link.trackers(),
                    CORPUS[i]);
            assertEquals(torrent.webSeeds(), link.webSeeds(), CORPUS[i]);
            List<InfoHash> ours = MagnetLink.parse(MagnetLink.of(torrent).toString()).infoHashes();
            assertEquals(link.infoHashes(), ours, CORPUS[i]);
        }
    }

    private static String script() throws URISyntaxException {
        return Path.of(MagnetInteropTest.class.getResource("/magnet/libtorrent-magnet.py").toURI()).toString();
    }
}
