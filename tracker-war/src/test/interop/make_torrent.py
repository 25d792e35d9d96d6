#!/usr/bin/python3
"""make_torrent.py <content-file> <announce-url> <out.torrent>

Writes a single-file, v1-only torrent with libtorrent and prints its v1 info-hash (40 hex)
on stdout. The info dictionary holds only BEP 3's keys (length, name, piece length,
pieces) and the piece size is fixed, so the same content always yields the same info-hash:
RealClientsIT recomputes it inside the server with Swarmport's own bencode encoder.
No creation date and no creator, so the whole file is reproducible too.
"""
import os
import sys

import libtorrent as lt

PIECE_LENGTH = 32 * 1024  # must equal InteropTorrent.PIECE_LENGTH


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    content, announce, out = argv[1], argv[2], argv[3]
    content = os.path.abspath(content)

    files = lt.file_storage()
    files.add_file(os.path.basename(content), os.path.getsize(content))
    # v1_only: libtorrent 2.0 makes hybrid (v1 + v2) torrents unless told otherwise;
    # no_attributes keeps the executable/hidden "attr" key out of the info dictionary.
    creator = lt.create_torrent(files, PIECE_LENGTH,
                                flags=lt.create_torrent.v1_only | lt.create_torrent.no_attributes)
    creator.add_tracker(announce)
    lt.set_piece_hashes(creator, os.path.dirname(content))

    metainfo = creator.generate()
    metainfo.pop(b"creation date", None)
    metainfo.pop(b"created by", None)
    with open(out, "wb") as f:
        f.write(lt.bencode(metainfo))

    info = lt.torrent_info(out)
    print(str(info.info_hashes().v1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
