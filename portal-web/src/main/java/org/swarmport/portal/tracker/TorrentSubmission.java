package org.swarmport.portal.tracker;

import java.util.List;

/**
 * What the portal sends the tracker to publish a torrent ({@code POST /torrents}): the .torrent
 * file as uploaded, and what the uploader said about it. {@code title} and {@code description}
 * are null for none; {@code uploader} is the account's username.
 */
public record TorrentSubmission(byte[] torrent, String title, int category, List<String> tags, String description,
                                String uploader) {

    public TorrentSubmission {
        tags = List.copyOf(tags);
    }
}
