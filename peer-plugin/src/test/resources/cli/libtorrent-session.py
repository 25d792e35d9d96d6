"""libtorrent on the other side of `swarmport-peer download` and `seed`, for TransferCommandsInteropTest.

  libtorrent-session.py seed WORKDIR
      writes WORKDIR/content/lt-content.bin (random) and WORKDIR/lt.torrent (v1, 16 KiB pieces),
      seeds it on 127.0.0.1 (ephemeral port) and prints "READY <port>"; exits at end of stdin.
  libtorrent-session.py download TORRENT SAVEDIR PORT
      downloads TORRENT into SAVEDIR from 127.0.0.1:PORT only; prints "COMPLETE" once every piece
      is verified, or "FAILED <state> <progress>" after 60 s.
Both keep libtorrent's default encryption (enabled: MSE first, plaintext accepted and retried).
DHT, LSD, UPnP, NAT-PMP and uTP are off.
"""
import os
import select
import sys
import time

import libtorrent as lt

SETTINGS = {
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    # Our engine speaks TCP only (uTP is out of scope); libtorrent would try uTP first and wait.
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
}


def wait_for_stdin_end(limit):
    give_up = time.time() + limit
    while time.time() < give_up:
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not sys.stdin.readline():
            return


def seed(work):
    content = os.path.join(work, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(content, "lt-content.bin"), "wb") as f:
        f.write(os.urandom(37 * 16384 + 999))
    fs = lt.file_storage()
    lt.add_files(fs, os.path.join(content, "lt-content.bin"))
    ct = lt.create_torrent(fs, 16384, flags=lt.create_torrent.v1_only)
    lt.set_piece_hashes(ct, content)
    with open(os.path.join(work, "lt.torrent"), "wb") as f:
        f.write(lt.bencode(ct.generate()))
    session = lt.session(SETTINGS)
    handle = session.add_torrent({"ti": lt.torrent_info(os.path.join(work, "lt.torrent")), "save_path": content})
    deadline = time.time() + 60
    while not handle.status().is_seeding:
        if time.time() > deadline:
            print("FAILED not seeding", flush=True)
            return
        time.sleep(0.05)
    print("READY %d" % session.listen_port(), flush=True)
    wait_for_stdin_end(120)


def download(torrent, save_path, port):
    session = lt.session(SETTINGS)
    handle = session.add_torrent({"ti": lt.torrent_info(torrent), "save_path": save_path})
    handle.connect_peer(("127.0.0.1", port))
    deadline = time.time() + 60
    while time.time() < deadline:
        status = handle.status()
        if status.is_seeding:
            print("COMPLETE", flush=True)
            return
        if not status.num_peers and int(time.time() * 2) % 10 == 0:
            handle.connect_peer(("127.0.0.1", port))
        time.sleep(0.05)
    status = handle.status()
    print("FAILED %s %.3f" % (status.state, status.progress), flush=True)


if sys.argv[1] == "seed":
    seed(sys.argv[2])
else:
    download(sys.argv[2], sys.argv[3], int(sys.argv[4]))
sys.stdout.flush()
os._exit(0)
