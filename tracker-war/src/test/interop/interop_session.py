"""The libtorrent session seed.py and download.py share: one swarm on loopback, found only
through the tracker, with every tracker event reported so a failing test says why.

Settings that matter on loopback with libtorrent 2.0 (Debian's python3-libtorrent):
- listen_interfaces 127.0.0.1:0: an ephemeral port, announced to the tracker as port=;
- allow_multiple_connections_per_ip: every peer of the test shares 127.0.0.1;
- DHT, local peer discovery, UPnP and NAT-PMP off, and peer exchange off per torrent, so
  the only way to find the other client is the tracker's peer list;
- uTP off: aria2 speaks TCP only, and libtorrent would try uTP first;
- min_announce_interval 1 and announce_to_all_trackers/tiers: announce at once, and
  re-announce on request without waiting out libtorrent's 300 s floor;
- ssrf_mitigation off: with it on (the default), libtorrent 2.0.8 refuses any tracker on a
  loopback address whose path does not start with /announce ("blocked by SSRF
  mitigation"), and Swarmport's is /tracker/announce. The rule is for loopback only: the
  same URL on a routable address is announced to with the default settings.
"""
import signal
import sys
import time

import libtorrent as lt

INTERESTING = (
    lt.tracker_announce_alert,
    lt.tracker_reply_alert,
    lt.tracker_warning_alert,
    lt.tracker_error_alert,
    lt.listen_succeeded_alert,
    lt.listen_failed_alert,
    lt.peer_connect_alert,
    lt.peer_disconnected_alert,
    lt.peer_error_alert,
    lt.torrent_error_alert,
    lt.file_error_alert,
    lt.hash_failed_alert,
    lt.torrent_finished_alert,
)


def log(message):
    print("[%s %.1f] %s" % (sys.argv[0].rsplit("/", 1)[-1], time.monotonic(), message),
          file=sys.stderr, flush=True)


def start(torrent_file, save_dir, seed_mode):
    # SIGTERM unwinds like the deadline does, so the session says "stopped" to the tracker
    # as it closes and the swarm does not keep a peer that is gone.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    session = lt.session({
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "enable_incoming_utp": False,
        "enable_outgoing_utp": False,
        "allow_multiple_connections_per_ip": True,
        "announce_to_all_trackers": True,
        "announce_to_all_tiers": True,
        "min_announce_interval": 1,
        "ssrf_mitigation": False,
        "tracker_completion_timeout": 15,
        "tracker_receive_timeout": 10,
        "stop_tracker_timeout": 2,
        "peer_connect_timeout": 5,
        "user_agent": "swarmport-interop libtorrent/" + lt.__version__,
        "alert_mask": lt.alert_category.error | lt.alert_category.status
                      | lt.alert_category.tracker | lt.alert_category.connect
                      | lt.alert_category.peer,
    })
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent_file)
    params.save_path = save_dir
    params.flags |= lt.torrent_flags.disable_dht | lt.torrent_flags.disable_lsd \
        | lt.torrent_flags.disable_pex
    params.flags &= ~(lt.torrent_flags.auto_managed | lt.torrent_flags.paused)
    if seed_mode:
        params.flags |= lt.torrent_flags.seed_mode
    handle = session.add_torrent(params)
    log("libtorrent %s, info-hash %s, save path %s" % (lt.__version__, params.ti.info_hashes().v1, save_dir))
    return session, handle


def drain(session):
    """Logs the interesting alerts; returns them for the caller to act on."""
    alerts = session.pop_alerts()
    for alert in alerts:
        if isinstance(alert, INTERESTING):
            log("%s: %s" % (type(alert).__name__, alert.message()))
    return alerts


def reannounce(handle):
    handle.force_reannounce(0, -1, lt.reannounce_flags_t.ignore_min_interval)
