"""A libtorrent seed that accepts MSE connections only, for MseLibtorrentInteropTest and the CLI.

Usage: libtorrent-encrypted-seed.py WORKDIR [rc4|plaintext]
Makes a random file (content.bin) and its v1 torrent (seed.torrent) in WORKDIR and seeds it on
127.0.0.1 (ephemeral port, TCP only) with in/out encryption forced: RC4 the only level allowed
(default), or with "plaintext" an MSE handshake that selects plaintext for the stream. Prints
  READY <port> <info-hash hex> <piece count>
Each line "peers" on stdin is answered with one line per connected peer,
  PEER <address> rc4=<bool> plaintext_encrypted=<bool>
and "END"; "connect <port>" makes it connect to 127.0.0.1:<port>; "log" writes the alerts so far
(why connections ended) to stderr and answers "LOGGED". Exits at end of stdin, or
after 120 s in any case.
"""
import os
import select
import sys
import time

import libtorrent as lt

work = sys.argv[1]
level = sys.argv[2] if len(sys.argv) > 2 else "rc4"
content = os.path.join(work, "content.bin")
with open(content, "wb") as f:
    f.write(os.urandom(40 * 16384 + 1234))

fs = lt.file_storage()
lt.add_files(fs, content)
ct = lt.create_torrent(fs, 16384, flags=lt.create_torrent.v1_only)
lt.set_piece_hashes(ct, work)
torrent_bytes = lt.bencode(ct.generate())
with open(os.path.join(work, "seed.torrent"), "wb") as f:
    f.write(torrent_bytes)
info = lt.torrent_info(torrent_bytes)

settings = {
    "listen_interfaces": "127.0.0.1:0",
    "enable_dht": False,
    "enable_lsd": False,
    "enable_upnp": False,
    "enable_natpmp": False,
    "out_enc_policy": int(lt.enc_policy.forced),
    "in_enc_policy": int(lt.enc_policy.forced),
    "allowed_enc_level": int(lt.enc_level.rc4 if level == "rc4" else lt.enc_level.plaintext),
    "prefer_rc4": level == "rc4",
    # TCP only, as our peer speaks: libtorrent would otherwise try uTP first and wait for it.
    "enable_outgoing_utp": False,
    "enable_incoming_utp": False,
    # Why a connection ended goes to stderr, which the test quotes when it fails.
    "alert_mask": int(lt.alert_category.error | lt.alert_category.peer | lt.alert_category.connect),
}
session = lt.session(settings)
handle = session.add_torrent({"ti": info, "save_path": work})

deadline = time.time() + 60
while not handle.status().is_seeding:
    if time.time() > deadline:
        print("FAILED not seeding after 60 s: " + str(handle.status().state), flush=True)
        sys.exit(1)
    time.sleep(0.05)

print("READY %d %s %d" % (session.listen_port(), str(info.info_hash()), info.num_pieces()), flush=True)

def log_alerts():
    for alert in session.pop_alerts():
        print("%s: %s" % (type(alert).__name__, alert.message()), file=sys.stderr, flush=True)


give_up = time.time() + 120
while time.time() < give_up:
    log_alerts()
    ready, _, _ = select.select([sys.stdin], [], [], 0.2)
    if not ready:
        continue
    line = sys.stdin.readline()
    if not line:
        break
    if line.strip() == "peers":
        for peer in handle.get_peer_info():
            rc4 = bool(peer.flags & lt.peer_info.rc4_encrypted)
            obfuscated = bool(peer.flags & lt.peer_info.plaintext_encrypted)
            print("PEER %s:%d rc4=%s plaintext_encrypted=%s" % (peer.ip[0], peer.ip[1], rc4, obfuscated),
                  flush=True)
        print("END", flush=True)
    elif line.startswith("connect "):
        handle.connect_peer(("127.0.0.1", int(line.split()[1])))
    elif line.strip() == "log":
        log_alerts()
        print("LOGGED", flush=True)

# Nothing to save: skip the session's orderly shutdown, which takes seconds.
sys.stdout.flush()
os._exit(0)
