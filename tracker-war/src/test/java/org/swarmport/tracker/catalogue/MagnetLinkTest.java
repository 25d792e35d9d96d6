package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MagnetLinkTest {

    private static final String V1 = "c0ffee".repeat(6) + "c0fe";
    private static final String V2 = "ab".repeat(32);

    @Test
    void hybridHasBothExactTopics_BEP9_BEP52() {
        assertEquals("magnet:?xt=urn:btih:" + V1 + "&xt=urn:btmh:1220" + V2
                        + "&dn=Some.Release&tr=http%3A%2F%2Ftracker.example%3A6969%2Fannounce",
                MagnetLink.of(V1, V2, "Some.Release", "http://tracker.example:6969/announce"));
    }

    @Test
    void v2OnlyHasAMultihashTopicAndNamesArePercentEncodedAsUtf8() {
        assertEquals("magnet:?xt=urn:btmh:1220" + V2 + "&dn=a%20b%26c%3Dd%2B%C3%A9&tr=x",
                MagnetLink.of(null, V2, "a b&c=d+é", "x"));
        assertEquals("magnet:?xt=urn:btih:" + V1 + "&dn=n&tr=x", MagnetLink.of(V1, null, "n", "x"));
    }

    @Test
    void attachmentNamesKeepOnlySafeCharactersAndTheFullNameInFilenameStar_RFC6266() {
        assertEquals("attachment; filename=\"Show.S01E02 (1080p).torrent\"; filename*=UTF-8''Show.S01E02%20%281080p%29.torrent",
                AttachmentName.of("Show.S01E02 (1080p)"));
        assertEquals("attachment; filename=\"_etc_passwd___x.torrent\"; filename*=UTF-8''..%2Fetc%2Fpasswd%22%0D%0Ax.torrent",
                AttachmentName.of("../etc/passwd\"\r\nx"));
        assertEquals("attachment; filename=\"torrent.torrent\"; filename*=UTF-8''...torrent", AttachmentName.of(".."));
    }
}
