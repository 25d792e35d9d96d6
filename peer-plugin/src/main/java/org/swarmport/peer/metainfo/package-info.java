/**
 * Metainfo: the .torrent file (BEP 3 v1, BEP 52 v2 and hybrid) — reading it, checking it,
 * and making it.
 *
 * <p>Start with {@link org.swarmport.peer.metainfo.MetainfoParser} (bytes to an immutable
 * {@link org.swarmport.peer.metainfo.Metainfo}, or a
 * {@link org.swarmport.peer.metainfo.MetainfoException} whose message names the field and can
 * be shown to the uploader) and {@link org.swarmport.peer.metainfo.MetainfoBuilder} (files to
 * a torrent). The value types are {@link org.swarmport.peer.metainfo.InfoHash} (SHA-1 or
 * SHA-256 over the raw info dictionary, never a re-encoding),
 * {@link org.swarmport.peer.metainfo.FileEntry}, {@link org.swarmport.peer.metainfo.FilePath}
 * (a path proven safe to create) and {@link org.swarmport.peer.metainfo.PiecesRoot};
 * {@link org.swarmport.peer.metainfo.MerkleTree} is BEP 52's per-file hash tree.
 *
 * <h2>Strict or lenient</h2>
 *
 * The rule of thumb is libtorrent's ({@code torrent_info.cpp}): refuse what would make the
 * torrent download the wrong bytes, to the wrong place, or not at all; accept what is merely
 * unusual. Where Swarmport differs from libtorrent, it is stricter, because the catalogue
 * shows users the names and sizes every client will see, and an upload is better refused with
 * a reason than stored and misread.
 *
 * <p>Refused, each with its own message:
 * <ul>
 * <li>anything the strict bencode decoder refuses (non-canonical encodings such as unsorted
 *     keys included: an info dictionary that does not re-encode to itself has no stable
 *     identity), or beyond {@link org.swarmport.peer.metainfo.MetainfoLimits} (bytes, nesting
 *     depth, elements, files, pieces, total length);</li>
 * <li>a missing or mistyped field that is read: {@code info}, {@code name},
 *     {@code piece length}, {@code pieces}, {@code length}/{@code files}, {@code path},
 *     {@code file tree}, and the optional {@code private},
 *     {@code announce}, {@code announce-list}, {@code url-list}, {@code creation date} when
 *     present — a tool that wrote the wrong type is broken, and silently dropping a tracker
 *     list loses data (libtorrent skips such values);</li>
 * <li>a piece length that is not positive or above 1 GiB (libtorrent's INT_MAX / 2), and for
 *     v2 one that is not a power of two of at least 16 KiB (BEP 52); {@code pieces} whose
 *     length is not a multiple of 20 or does not cover the files exactly;</li>
 * <li>negative lengths, totals beyond the limit, a torrent whose files are all empty or pad
 *     files (libtorrent: "invalid length");</li>
 * <li>unsafe paths, rather than rewriting them as libtorrent does — see {@link
 *     org.swarmport.peer.metainfo.FilePath}; names and paths in malformed UTF-8 (BEP 3: "all
 *     strings ... that contain text must be UTF-8"); two files at one path, or a file that is
 *     also a directory (libtorrent renames such files);</li>
 * <li>a v2 file tree with an empty directory, a file with sibling keys, a missing or
 *     wrong-sized {@code pieces root}, or a pad file; {@code meta version} other than 1 or 2;
 *     a file tree without {@code meta version} 2 and the reverse;</li>
 * <li>in a v2 file, a piece layer missing for a file larger than a piece, of the wrong size,
 *     or not hashing to the file's root (the Debian libtorrent 2.0.8 loads such files and
 *     would fail every piece of that file later);</li>
 * <li>a hybrid whose v1 list (pad files aside) is not the file tree's files in order with the
 *     same lengths, whose pad files do not put each file exactly where the file tree does, or
 *     whose v1 piece count differs from v2's (BEP 52 "upgrade path");</li>
 * <li>symlinks (BEP 47) without a target, with a target outside the torrent, or with a
 *     length other than 0.</li>
 * </ul>
 *
 * <p>Accepted:
 * <ul>
 * <li>unknown keys anywhere (BEP 3 lets extensions add them; inside {@code info} they are part
 *     of the info-hash), unknown {@code attr} letters (BEP 47 says to ignore them);</li>
 * <li>a v1 piece length that is not a power of two (BEP 3 only says it almost always is);</li>
 * <li>blank tracker URLs and empty tiers, which are dropped; an {@code announce-list} that
 *     names no tracker, which falls back to {@code announce} (BEP 12); duplicate web seeds,
 *     kept once;</li>
 * <li>{@code private} values other than 0 and 1, read as "non-zero means private", as
 *     libtorrent does;</li>
 * <li>{@code comment} and {@code created by} in malformed UTF-8: shown with U+FFFD, because
 *     nothing but a person reads them;</li>
 * <li>pad files anywhere in a v1 list, with any path (they are never written, so they may
 *     share one), and BitComet's {@code _____padding_file_} names as pad files;</li>
 * <li>{@code piece layers} entries that no file needs (libtorrent ignores them too), and no
 *     {@code piece layers} at all when no file is larger than a piece.</li>
 * </ul>
 *
 * <p>Not read: {@code name.utf-8} and {@code path.utf-8} (pre-UTF-8 clients' extras, which
 * libtorrent prefers when present), {@code nodes} (BEP 5), {@code httpseeds} (BEP 17),
 * {@code similar} and {@code collections} (BEP 38), {@code sha1} and {@code md5sum} of files;
 * all stay in {@link org.swarmport.peer.metainfo.Metainfo#rawBytes()}.
 */
package org.swarmport.peer.metainfo;
