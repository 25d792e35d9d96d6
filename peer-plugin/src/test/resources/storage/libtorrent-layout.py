# Prints how libtorrent lays out each .torrent given: one line per torrent,
#   <file name> TAB <piece sizes, comma-separated> TAB <path=offset of each non-pad file with data, |-separated>
# so that storage's PieceMap can be compared with libtorrent's file_storage.
import os
import sys

import libtorrent as lt

for path in sys.argv[1:]:
    info = lt.torrent_info(path)
    files = info.files()
    sizes = ",".join(str(info.piece_size(i)) for i in range(info.num_pieces()))
    offsets = "|".join(
        f"{files.file_path(i)}={files.file_offset(i)}"
        for i in range(files.num_files())
        if not files.file_flags(i) & lt.file_storage.flag_pad_file and files.file_size(i) > 0)
    print(f"{os.path.basename(path)}\t{sizes}\t{offsets}")
