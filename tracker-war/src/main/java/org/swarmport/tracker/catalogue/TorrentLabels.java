package org.swarmport.tracker.catalogue;

import java.util.List;

/** What an uploader or editor says about a torrent, checked: the parts of it that may change after upload. */
public record TorrentLabels(Category category, List<String> tags, String description) {

    public TorrentLabels {
        tags = List.copyOf(tags);
    }
}
