package org.swarmport.portal.tracker;

import java.util.List;

/**
 * A torrent's new labels ({@code PATCH /torrents/{id}}): every one is sent, so the torrent ends
 * up exactly as the edit form showed it. A null {@code title} shows the .torrent's own name
 * again; a null {@code description} removes it.
 */
public record TorrentEdit(String title, int category, List<String> tags, String description) {

    public TorrentEdit {
        tags = List.copyOf(tags);
    }
}
