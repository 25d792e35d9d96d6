#!/usr/bin/python3
"""Deterministic info-hashes for the HTTP announce benchmark.

Writes, into OUT_DIR (default: ./data beside this file):
  whitelist.txt  one 40-hex info-hash per line (opentracker's -w format)
  hashes.url     the same hashes, one per line, percent-encoded as a BitTorrent
                 client puts them in a query string (RFC 3986 unreserved bytes
                 literal, every other byte %XX) -- what announce.lua loads
  meta.txt       count and seed, so run.sh can tell whether the data is current

Hash i is SHA-1("swarmport-bench/<seed>/<i>"): the same on every machine and
every Python version, no random module involved.

usage: hashes.py [--count N] [--seed S] [--out OUT_DIR]
"""
import argparse
import hashlib
import os
import sys

UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def percent_encode(raw: bytes) -> str:
    return "".join(chr(b) if b in UNRESERVED else "%%%02X" % b for b in raw)


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default=os.path.join(here, "data"))
    a = p.parse_args()
    if a.count < 1:
        p.error("--count must be positive")
    os.makedirs(a.out, exist_ok=True)
    hexes, urls = [], []
    seen = set()
    for i in range(a.count):
        h = hashlib.sha1(("swarmport-bench/%d/%d" % (a.seed, i)).encode()).digest()
        if h in seen:  # cannot happen with SHA-1 in practice; keep the set exact anyway
            raise SystemExit("duplicate hash at %d" % i)
        seen.add(h)
        hexes.append(h.hex())
        urls.append(percent_encode(h))
    for name, lines in (("whitelist.txt", hexes), ("hashes.url", urls)):
        tmp = os.path.join(a.out, name + ".tmp")
        with open(tmp, "w", encoding="ascii") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, os.path.join(a.out, name))
    with open(os.path.join(a.out, "meta.txt"), "w", encoding="ascii") as f:
        f.write("count=%d seed=%d\n" % (a.count, a.seed))
    print("wrote %d info-hashes (seed %d) to %s" % (a.count, a.seed, a.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
