# How libtorrent reads and writes magnet links, for MagnetInteropTest.
#   libtorrent-magnet.py parse <link>      -> v1, v2, name, trackers, web seeds, peers (one per line)
#   libtorrent-magnet.py make <file.torrent>...  -> libtorrent's magnet link of each file
import sys
import libtorrent as lt

def hex_or_dash(h):
    s = str(h)
    return '-' if set(s) <= {'0'} else s

if sys.argv[1] == 'parse':
    p = lt.parse_magnet_uri(sys.argv[2])
    print(hex_or_dash(p.info_hashes.v1))
    print(hex_or_dash(p.info_hashes.v2))
    print(p.name)
    print(' '.join(p.trackers))
    print(' '.join(p.url_seeds))
    print(' '.join('%s:%d' % (h if ':' not in h else '[' + h + ']', port) for h, port in p.peers))
else:
    for path in sys.argv[2:]:
        print(lt.make_magnet_uri(lt.torrent_info(path)))
