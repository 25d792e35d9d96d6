package org.swarmport.tracker.catalogue;

import java.util.List;

/**
 * What an uploader or editor says about a torrent, checked: the parts of it that may change
 * after upload. {@code title} is null when the metainfo's name is to be shown.
 */
public record TorrentLabels(String title, Category category, List<String> tags, String description) {

    public TorrentLabels {
        tags = List.copyOf(tags);
    }

    /** Without a title. */
    public TorrentLabels(Category category, List<String> tags, String description) {
        this(null, category, tags, description);
    }
}
