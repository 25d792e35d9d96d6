/**
 * Storage: where a torrent's bytes live on disk (or elsewhere, through a
 * {@link org.swarmport.peer.storage.StorageProvider}), in the terms of the peer wire protocol:
 * pieces and 16 KiB blocks.
 *
 * <p>Start with {@link org.swarmport.peer.storage.TorrentStorage}. It stands on three pure
 * parts that need no disk and are tested alone: {@link org.swarmport.peer.storage.PieceMap}
 * (pieces and blocks to {@link org.swarmport.peer.storage.FileSpan}s),
 * {@link org.swarmport.peer.storage.PieceCheck} (is this the piece? v1, v2, hybrid) and the
 * resume data codec ({@code ResumeData}). Under it, a
 * {@link org.swarmport.peer.storage.ContentStore} moves bytes: plain files under a download
 * directory ({@code FileContentStore}, every path checked by {@code DownloadDirectory}, open
 * channels bounded by {@code OpenFiles}) or the heap ({@code MemoryContentStore}).
 *
 * <h2>Rules kept everywhere</h2>
 * <ul>
 * <li>Nothing verified is lost: a verified piece is never written over, an error never
 *     truncates or deletes, writes are flushed before resume data claims them.</li>
 * <li>Nothing from a torrent reaches the disk unchecked: paths are
 *     {@link org.swarmport.peer.metainfo.FilePath}s resolved under the download directory with
 *     their real paths checked; pad files and symlink entries are never created.</li>
 * <li>Resume data is trusted only as far as the files agree (size and modification time); any
 *     doubt means hashing again, never failing.</li>
 * </ul>
 */
package org.swarmport.peer.storage;
