#!/usr/bin/python3
"""seed.py <torrent> <save-dir> <seconds>

Seeds <torrent> from the complete data in <save-dir> with libtorrent on 127.0.0.1, until
killed or <seconds> have passed. Prints "announced" on stdout (once) after the tracker's
first successful reply, so a test can start the downloader only when the tracker knows the
seed; tracker events and peer connections go to stderr.
"""
import sys
import time

import libtorrent as lt

import interop_session


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    session, handle = interop_session.start(argv[1], argv[2], seed_mode=True)
    deadline = time.monotonic() + float(argv[3])
    announced = False
    next_reannounce = time.monotonic() + 2
    while time.monotonic() < deadline:
        session.wait_for_alert(500)
        for alert in interop_session.drain(session):
            if isinstance(alert, lt.tracker_reply_alert) and not announced:
                announced = True
                print("announced", flush=True)
        # Until the tracker has answered, ask again every few seconds rather than after
        # libtorrent's back-off, which grows to minutes.
        if not announced and time.monotonic() >= next_reannounce:
            interop_session.reannounce(handle)
            next_reannounce = time.monotonic() + 2
    interop_session.log("deadline reached, stopping")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
