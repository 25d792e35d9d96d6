package org.swarmport.portal.tracker;

/**
 * A .torrent as the tracker serves it: the bytes (announce set to the tracker's URL) and the
 * {@code Content-Disposition} the tracker made safe from the torrent's name.
 */
public record TorrentFileDownload(byte[] bytes, String contentDisposition) {
}
