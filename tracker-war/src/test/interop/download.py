#!/usr/bin/python3
"""download.py <torrent> <save-dir> <seconds>

Downloads <torrent> into <save-dir> with libtorrent on 127.0.0.1 and exits 0 as soon as
every piece is there and checked, or 1 when <seconds> have passed first. Until it has a
peer it re-announces every few seconds, so the seed may reach the tracker before or after
it. Tracker events and peer connections go to stderr.
"""
import sys
import time

import libtorrent as lt

import interop_session


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    session, handle = interop_session.start(argv[1], argv[2], seed_mode=False)
    deadline = time.monotonic() + float(argv[3])
    next_reannounce = time.monotonic() + 2
    while time.monotonic() < deadline:
        session.wait_for_alert(500)
        for alert in interop_session.drain(session):
            if isinstance(alert, lt.torrent_finished_alert):
                interop_session.log("complete")
                return 0
        status = handle.status()
        if status.is_seeding:
            interop_session.log("complete")
            return 0
        if status.num_peers == 0 and time.monotonic() >= next_reannounce:
            interop_session.reannounce(handle)
            next_reannounce = time.monotonic() + 2
    status = handle.status()
    interop_session.log("deadline reached at %.1f %% with %d peer(s)" % (status.progress * 100, status.num_peers))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
