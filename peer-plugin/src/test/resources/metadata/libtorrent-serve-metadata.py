# Serves a torrent's metadata from a libtorrent session, for LibtorrentMetadataTest.
#   libtorrent-serve-metadata.py <file.torrent> <save dir>
# Prints the listening port on 127.0.0.1, then runs until stdin closes (at most 60 s).
import select
import sys
import time
import libtorrent as lt

settings = {
    'listen_interfaces': '127.0.0.1:0',
    'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
    'alert_mask': 0,
    'enable_incoming_utp': False, 'enable_outgoing_utp': False,
}
session = lt.session(settings)
params = lt.add_torrent_params()
params.ti = lt.torrent_info(sys.argv[1])
params.save_path = sys.argv[2]
params.flags &= ~lt.torrent_flags.auto_managed
params.flags &= ~lt.torrent_flags.paused
handle = session.add_torrent(params)
# libtorrent drops peers of a torrent whose files it is still checking: wait for the check
# (the files are absent, so it ends quickly in the downloading state).
checking = (lt.torrent_status.states.checking_files, lt.torrent_status.states.checking_resume_data)
deadline = time.time() + 20
while (session.listen_port() == 0 or handle.status().state in checking) and time.time() < deadline:
    time.sleep(0.05)
print(session.listen_port(), flush=True)
end = time.time() + 60
while time.time() < end:
    ready, _, _ = select.select([sys.stdin], [], [], 0.5)
    if ready and not sys.stdin.read(1):
        break
