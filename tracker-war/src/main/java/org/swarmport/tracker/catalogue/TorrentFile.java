package org.swarmport.tracker.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One file of a torrent in the catalogue: its path inside the torrent, {@code /}-separated, and its length. */
@Embeddable
public class TorrentFile {

    @Column(nullable = false, length = 4096)
    private String path;

    @Column(nullable = false)
    private long length;

    protected TorrentFile() {
    }

    public TorrentFile(String path, long length) {
        this.path = path;
        this.length = length;
    }

    public String path() {
        return path;
    }

    public long length() {
        return length;
    }
}
