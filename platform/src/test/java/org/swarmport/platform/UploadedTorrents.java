package org.swarmport.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * The .torrents the upload tests publish through the portal's form, each of new random content
 * (so a new info-hash), announcing elsewhere so the tracker's own announce URL shows in the
 * download; and the ids they got, for removing them afterwards.
 */
final class UploadedTorrents {

    final List<Long> ids = new ArrayList<>();

    /** A word of letters only, which the release-name analyzer keeps whole, made up for one test run. */
    static String word() {
        StringBuilder letters = new StringBuilder("zu");
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    /** Unique names: the server's database outlives test runs. */
    static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Metainfo v1(String name) throws Exception {
        return MetainfoBuilder.singleFile(name, random(3_000)).version(MetainfoVersion.V1).pieceLength(16 * 1024)
                .tracker("http://elsewhere.example/announce").build();
    }

    static Metainfo hybrid(String name) throws Exception {
        return MetainfoBuilder.directory(name)
                .add(FilePath.of("video", "part 1.mkv"), random(40_000))
                .add(FilePath.of("readme.txt"), ContentSource.of("hello".getBytes(StandardCharsets.UTF_8)))
                .version(MetainfoVersion.HYBRID).pieceLength(16 * 1024).tracker("http://elsewhere.example/announce")
                .build();
    }

    private static ContentSource random(int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        return ContentSource.of(content);
    }

    /** The id in a torrent page's URL, {@code /torrent?id=7&…}. */
    long idOf(java.net.URI torrentPage) {
        String query = torrentPage.getQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("id=")) {
                long id = Long.parseLong(parameter.substring(3));
                ids.add(id);
                return id;
            }
        }
        throw new AssertionError("no id in " + torrentPage);
    }

    void remove(TrackerUploads tracker) throws Exception {
        for (long id : ids) {
            tracker.delete(id);
        }
    }
}
