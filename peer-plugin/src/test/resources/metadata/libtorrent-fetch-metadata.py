# Has a libtorrent session fetch a torrent's metadata from one peer, for LibtorrentMetadataTest.
#   libtorrent-fetch-metadata.py <magnet link> <peer port on 127.0.0.1> <save dir>
# Prints "metadata <v1 hash> <name>" once libtorrent has the info dictionary, or "timeout".
import sys
import time
import libtorrent as lt

session = lt.session({
    'listen_interfaces': '127.0.0.1:0',
    'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
    'enable_incoming_utp': False, 'enable_outgoing_utp': False,
    'alert_mask': 0,
    # Our test peer speaks plain BEP 3; libtorrent would open with MSE otherwise.
    'out_enc_policy': int(lt.enc_policy.disabled),
})
params = lt.parse_magnet_uri(sys.argv[1])
params.save_path = sys.argv[3]
params.flags &= ~lt.torrent_flags.auto_managed
params.flags &= ~lt.torrent_flags.paused
handle = session.add_torrent(params)
handle.connect_peer(('127.0.0.1', int(sys.argv[2])))
deadline = time.time() + 30
while time.time() < deadline:
    status = handle.status()
    if status.has_metadata:
        info = handle.torrent_file()
        print('metadata', info.info_hashes().v1, info.name(), flush=True)
        sys.exit(0)
    time.sleep(0.05)
print('timeout', flush=True)
