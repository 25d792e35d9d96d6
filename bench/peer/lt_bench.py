#!/usr/bin/python3
"""The libtorrent side of the peer loopback benchmark (issue #6). See README.md beside this file.

usage: /usr/bin/python3 lt_bench.py TORRENT SEED_DIR DOWNLOAD_DIR [TIMEOUT_S]

Two libtorrent 2.0 sessions in this process, one seeding from SEED_DIR, one downloading into
DOWNLOAD_DIR, connected directly on 127.0.0.1 (connect_peer), TCP only, no encryption, no DHT,
LSD, UPnP or NAT-PMP. Prints one result line, "side=libtorrent wall_s=... mib_s=... cpu_s=...".
The clock and the CPU counter start after the seed has checked its data (is_seeding), just
before the downloading torrent is added, and stop at the download's torrent_finished_alert
(every piece verified).
"""
import os
import sys
import time

import libtorrent as lt

MIB = 1024 * 1024
HZ = os.sysconf("SC_CLK_TCK")

# What the benchmark sets beyond libtorrent's defaults (disk cache, hashing and aio threads are
# the defaults). The send buffer watermark bounds how much a seed reads ahead for a peer (default
# 500 KiB) and max_queued_disk_bytes how much received data may wait for the disk (default
# 1 MiB): both are raised so that neither caps a loopback transfer.
SETTINGS = {
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False, "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
    "enable_outgoing_utp": False, "enable_incoming_utp": False,
    "allow_multiple_connections_per_ip": True,
    "out_enc_policy": lt.enc_policy.pe_disabled, "in_enc_policy": lt.enc_policy.pe_disabled,
    "send_buffer_watermark": 8 * MIB,
    "send_buffer_low_watermark": 1 * MIB,
    "send_buffer_watermark_factor": 150,
    "max_queued_disk_bytes": 8 * MIB,
    "send_socket_buffer_size": 4 * MIB,
    "recv_socket_buffer_size": 4 * MIB,
    "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.status_notification,
}


def cpu_seconds():
    """user+sys of this process from /proc/self/stat, the counter the plug-in side reads too."""
    with open("/proc/self/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ


def errors(ses, who):
    for alert in ses.pop_alerts():
        if isinstance(alert, (lt.torrent_error_alert, lt.file_error_alert)):
            sys.exit("libtorrent %s: %s" % (who, alert.message()))
        yield alert


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    torrent, seed_dir, download_dir = sys.argv[1:4]
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 600.0
    info = lt.torrent_info(torrent)
    os.makedirs(download_dir, exist_ok=True)

    seed = lt.session(SETTINGS)
    leech = lt.session(SETTINGS)
    deadline = time.time() + timeout

    c0 = time.time()
    seeding = seed.add_torrent({"ti": info, "save_path": seed_dir})
    while not seeding.status().is_seeding:
        list(errors(seed, "seed"))
        if time.time() > deadline:
            sys.exit("libtorrent: seed not ready: %s" % seeding.status().state)
        time.sleep(0.01)
    check_s = time.time() - c0
    while seed.listen_port() == 0 or leech.listen_port() == 0:
        time.sleep(0.01)
    port = seed.listen_port()

    cpu0 = cpu_seconds()
    t0 = time.monotonic()
    downloading = leech.add_torrent({"ti": lt.torrent_info(torrent), "save_path": download_dir})
    downloading.connect_peer(("127.0.0.1", port))
    last_connect = time.monotonic()
    finished = False
    while not finished:
        leech.wait_for_alert(100)
        for alert in errors(leech, "download"):
            if isinstance(alert, lt.torrent_finished_alert):
                finished = True
        list(errors(seed, "seed"))
        if finished:
            break
        if time.time() > deadline:
            s = downloading.status()
            sys.exit("libtorrent: download incomplete: %s %.1f%% peers %d" % (s.state, s.progress * 100, s.num_peers))
        if time.monotonic() - last_connect > 1.0 and downloading.status().num_peers == 0:
            # connect_peer is ignored while the new torrent is still checking: ask again
            downloading.connect_peer(("127.0.0.1", port))
            last_connect = time.monotonic()
    t1 = time.monotonic()
    cpu1 = cpu_seconds()

    s = downloading.status()
    if not s.is_seeding and s.progress < 1.0:
        sys.exit("libtorrent: finished alert but progress %.3f" % s.progress)
    wall = t1 - t0
    size = info.total_size()
    print("side=libtorrent wall_s=%.3f mib_s=%.1f cpu_s=%.2f bytes=%d seed_check_s=%.2f downloaded=%d uploaded=%d"
          % (wall, size / MIB / wall, cpu1 - cpu0, size, check_s, s.total_payload_download,
             seeding.status().total_payload_upload), flush=True)
    leech.remove_torrent(downloading)
    seed.remove_torrent(seeding)
    del leech, seed


if __name__ == "__main__":
    main()
