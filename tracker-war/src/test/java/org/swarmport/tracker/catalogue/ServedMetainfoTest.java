package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;

class ServedMetainfoTest {

    private static final String OURS = "https://tracker.example/announce";

    private static Metainfo torrent(MetainfoVersion version, boolean withTrackers) throws Exception {
        MetainfoBuilder builder = MetainfoBuilder.directory("Release")
                .add(org.swarmport.peer.metainfo.FilePath.of("a.bin"), ContentSource.of(new byte[100_000]))
                .add(org.swarmport.peer.metainfo.FilePath.of("b.txt"), ContentSource.of("b".getBytes(StandardCharsets.UTF_8)))
                .version(version).pieceLength(16 * 1024).comment("kept").privateTorrent(true);
        if (withTrackers) {
            builder.trackerTier(List.of("http://other.example/announce", "udp://third.example:1337"))
                    .tracker("http://fourth.example/announce");
        }
        return builder.build();
    }

    @Test
    void servedFileHasOnlyOurTrackerAndTheSameInfoBytesAndHashes_BEP12() throws Exception {
        for (MetainfoVersion version : MetainfoVersion.values()) {
            Metainfo original = torrent(version, true);

            Metainfo served = MetainfoParser.parse(ServedMetainfo.withAnnounce(original.rawBytes(), OURS));

            assertArrayEquals(original.infoBytes(), served.infoBytes(), version.name());
            assertEquals(original.infoHashes(), served.infoHashes(), version.name());
            assertEquals(List.of(List.of(OURS)), served.trackerTiers(), version.name());
            assertEquals(original.comment(), served.comment());
        }
    }

    @Test
    void aTrackerlessTorrentGetsAnAnnounceInItsSortedPlace_BEP3() throws Exception {
        Metainfo original = torrent(MetainfoVersion.HYBRID, false);

        byte[] served = ServedMetainfo.withAnnounce(original.rawBytes(), OURS);

        BDictionary outer = (BDictionary) BDecoder.decode(served); // the strict decoder refuses unsorted keys
        assertEquals(OURS, outer.getString("announce").utf8());
        assertFalse(outer.containsKey("announce-list"));
        assertEquals(original.infoHashes(), MetainfoParser.parse(served).infoHashes());
    }
}
