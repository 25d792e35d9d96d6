# Loads .torrent files with libtorrent and checks them against content on disk, for
# LibtorrentAcceptsOurTorrentsTest. Usage: libtorrent-check.py SAVE_PATH FILE.torrent...
# Prints one line per file: its name, libtorrent's v1 and v2 info-hashes ("-" when absent),
# and "complete" when libtorrent's own check of the content found every piece good.
import sys, time
import libtorrent as lt

save_path, torrents = sys.argv[1], sys.argv[2:]
session = lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
                      "enable_upnp": False, "enable_natpmp": False})
done = (lt.torrent_status.seeding, lt.torrent_status.finished)
for path in torrents:
    info = lt.torrent_info(path)
    hashes = info.info_hashes()
    params = lt.add_torrent_params()
    params.ti = info
    params.save_path = save_path
    params.flags = lt.torrent_flags.upload_mode  # not paused, not auto-managed: check at once
    handle = session.add_torrent(params)
    deadline = time.time() + 20
    status = handle.status()
    while status.state not in done and not status.errc.value() and time.time() < deadline:
        time.sleep(0.05)
        status = handle.status()
    complete = "complete" if status.state in done and status.num_pieces == info.num_pieces() else "incomplete"
    print("\t".join([path.rsplit("/", 1)[-1], str(hashes.v1) if hashes.has_v1() else "-",
                     str(hashes.v2) if hashes.has_v2() else "-", complete]), flush=True)
    session.remove_torrent(handle)
