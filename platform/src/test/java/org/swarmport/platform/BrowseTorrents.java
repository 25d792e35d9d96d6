package org.swarmport.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * The torrents the browse tests publish: all carry one word made up for the test run, so a
 * search for it finds these and nothing another test left in the catalogue.
 */
final class BrowseTorrents {

    /** Letters only: the release-name analyzer keeps such a word whole. */
    final String word;
    final List<Long> ids = new ArrayList<>();
    final Metainfo feature;
    long featureId;
    long hostileId;
    /** One more than a page of results. */
    static final int SERIES = 21;

    static final String HOSTILE_NAME_PART = "<script>alert(1)<script> <img src=x onerror=alert(2)>";
    static final String DESCRIPTION = "First line <b>bold</b>\nSecond line </script><script>alert(3)</script> & more";

    BrowseTorrents() throws Exception {
        StringBuilder letters = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        word = letters.toString();
        feature = MetainfoBuilder.directory(capitalized() + ".Feature.2024.1080p")
                .add(FilePath.of("video", "part 1.mkv"), random(40_000))
                .add(FilePath.of("video", "extras", "trailer.mkv"), random(20_000))
                .add(FilePath.of("readme.txt"), ContentSource.of("hello".getBytes(StandardCharsets.UTF_8)))
                .version(MetainfoVersion.HYBRID).pieceLength(16 * 1024).tracker("http://elsewhere.example/announce")
                .build();
    }

    String capitalized() {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** The feature (Movies, with an HTML description), a hostile name (Other) and a series of TV episodes. */
    void publish(TrackerUploads tracker) throws Exception {
        featureId = tracker.upload(feature.rawBytes(), Map.of("category", "2000", "description", DESCRIPTION,
                "tags", "hd,test"));
        ids.add(featureId);
        hostileId = tracker.upload(single(word + " " + HOSTILE_NAME_PART, 1_000).rawBytes(), Map.of("category", "other"));
        ids.add(hostileId);
        for (int i = 1; i <= SERIES; i++) {
            String name = String.format(Locale.ROOT, "%s.Show.S01E%02d.720p", capitalized(), i);
            // sizes grow with the episode number, so a sort by size has a known order
            ids.add(tracker.upload(single(name, 1_000 + i * 100).rawBytes(), Map.of("category", "tv")));
        }
    }

    void remove(TrackerUploads tracker) throws Exception {
        for (long id : ids) {
            tracker.delete(id);
        }
    }

    static Metainfo single(String name, int size) throws Exception {
        return MetainfoBuilder.singleFile(name, random(size)).version(MetainfoVersion.V1).pieceLength(16 * 1024).build();
    }

    private static ContentSource random(int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        return ContentSource.of(content);
    }
}
