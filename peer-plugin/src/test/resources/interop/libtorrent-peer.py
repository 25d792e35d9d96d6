#!/usr/bin/python3
"""A libtorrent 2.0 peer for Swarmport's interop tests, driven from JUnit.

usage: libtorrent-peer.py seed|download TORRENT_OR_MAGNET SAVE_DIR [--peer HOST:PORT]
                          [--encryption forced|enabled|disabled] [--timeout SECONDS] [--stay] [--no-pex]

Listens on 127.0.0.1 on an ephemeral port, TCP only, with DHT, LSD, UPnP and NAT-PMP off. Prints
"READY <port>" once it seeds (seed) or has started (download), "DONE" once a download is
complete and checked, and errors on stderr. --peer makes libtorrent connect to that peer
itself (connect_peer). The line "peers" on stdin prints "PEERS ip:port:source ..." (the
connected peers and how libtorrent learned of them); --no-pex leaves out the ut_pex plugin. Runs until the download is done (unless
--stay), stdin closes, or the timeout passes. With LT_LOG=1 in the environment every libtorrent
alert (peer logs included) goes to stderr, which the tests quote when they fail.
"""
import os
import select
import sys
import time

import libtorrent as lt


def main():
    mode, source, save = sys.argv[1], sys.argv[2], sys.argv[3]
    args = sys.argv[4:]
    peer = None
    encryption = "enabled"
    timeout = 60.0
    stay = False
    pex = True
    while args:
        flag = args.pop(0)
        if flag == "--peer":
            peer = args.pop(0)
        elif flag == "--encryption":
            encryption = args.pop(0)
        elif flag == "--timeout":
            timeout = float(args.pop(0))
        elif flag == "--stay":
            stay = True
        elif flag == "--no-pex":
            pex = False
        else:
            sys.exit("unknown flag " + flag)

    policy = {"forced": lt.enc_policy.pe_forced, "enabled": lt.enc_policy.pe_enabled,
              "disabled": lt.enc_policy.pe_disabled}[encryption]
    settings = {
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False, "enable_lsd": False, "enable_upnp": False, "enable_natpmp": False,
        "allow_multiple_connections_per_ip": True,
        # uTP is not part of the issue: libtorrent would try it first and time out before using TCP
        "enable_outgoing_utp": False, "enable_incoming_utp": False,
        "out_enc_policy": policy, "in_enc_policy": policy,
        "allowed_enc_level": lt.enc_level.rc4 if encryption == "forced" else lt.enc_level.both,
        "prefer_rc4": encryption == "forced",
        "alert_mask": lt.alert.category_t.all_categories if os.environ.get("LT_LOG")
        else lt.alert.category_t.error_notification | lt.alert.category_t.status_notification,
    }
    if pex:
        ses = lt.session(settings)
    else:
        # the default plugins without ut_pex: this peer neither learns nor tells of peers by PEX
        ses = lt.session(settings, 0)
        ses.add_extension("ut_metadata")
        ses.add_extension("smart_ban")
    if source.startswith("magnet:"):
        params = lt.parse_magnet_uri(source)
    else:
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(source)
    params.save_path = save
    handle = ses.add_torrent(params)

    deadline = time.time() + timeout
    while ses.listen_port() == 0 and time.time() < deadline:
        time.sleep(0.05)
    port = ses.listen_port()
    if mode == "seed":
        while not handle.status().is_seeding and time.time() < deadline:
            for alert in ses.pop_alerts():
                if isinstance(alert, lt.torrent_error_alert):
                    sys.exit("libtorrent: " + alert.message())
            time.sleep(0.05)
        if not handle.status().is_seeding:
            sys.exit("libtorrent: seed not ready: " + str(handle.status().state))
    print("READY %d" % port, flush=True)
    last_connect = 0.0

    done = False
    while time.time() < deadline:
        readable, _, _ = select.select([sys.stdin], [], [], 0.1)
        if readable:
            command = sys.stdin.readline()
            if not command:
                break
            if command.strip() == "peers":
                # one "ip:port:source" per connected peer; source is libtorrent's peer_info.source
                # bitmask (1 tracker, 2 DHT, 4 PEX, 8 LSD, 16 resume data, 32 incoming)
                print("PEERS " + " ".join("%s:%d:%d" % (p.ip[0], p.ip[1], p.source)
                                          for p in handle.get_peer_info()), flush=True)
        for alert in ses.pop_alerts():
            if os.environ.get("LT_LOG"):
                print("alert: " + alert.message(), file=sys.stderr, flush=True)
            elif isinstance(alert, (lt.torrent_error_alert, lt.file_error_alert)):
                print("libtorrent: " + alert.message(), file=sys.stderr, flush=True)
        status = handle.status()
        if mode == "download" and not done and status.is_seeding:
            done = True
            print("DONE", flush=True)
            if not stay:
                break
        if peer and status.num_peers == 0 and time.time() - last_connect > 1.0:
            # connect_peer is ignored while the torrent still checks its files: ask again
            host, _, peer_port = peer.rpartition(":")
            handle.connect_peer((host, int(peer_port)))
            last_connect = time.time()
    if mode == "download" and not done:
        s = handle.status()
        sys.exit("libtorrent: download incomplete: %s %.1f%% peers %d" % (s.state, s.progress * 100, s.num_peers))


if __name__ == "__main__":
    main()
