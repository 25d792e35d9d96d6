#!/usr/bin/python3
"""Check that a tracker answers the benchmark's announces correctly, and how full
its swarms are (run.sh calls it after the warm-up; usable by hand too).

For SAMPLE torrents spread over the hash list it
  - scrapes the torrent (BEP 48 path: .../announce -> .../scrape) and reads
    complete + incomplete, the swarm size the tracker reports;
  - announces as one of the torrent's own benchmark peers (the same peer_id and
    port as announce.lua gives peer p of torrent t, so no new peer is created)
    and counts the compact peers in the answer.
Prints one summary line starting with "CHECK" and exits 1 when any answer is not
a 200 bencoded dictionary, carries "failure reason", or has no peers.

usage: check.py ANNOUNCE_URL [--hashes data/hashes.url] [--sample 40] [--peers 100]
                             [--numwant 50] [--no-scrape | --scrape-only]
"""
import argparse
import os
import re
import sys
import urllib.error
import urllib.request

UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
M32 = 0xFFFFFFFF


def enc(raw):
    return "".join(chr(b) if b in UNRESERVED else "%%%02X" % b for b in raw)


# the same derivation as announce.lua (LuaJIT bit ops are exact 32-bit ones)
def xorshift(x):
    x = (x ^ (x << 13)) & M32
    x ^= x >> 17
    x = (x ^ (x << 5)) & M32
    return x


def six_bytes(salt, i):
    x = xorshift(xorshift((salt ^ (i * 40503 + 1)) & M32))
    y = xorshift(x)
    return bytes([(x >> (8 * k)) & 0xFF for k in range(4)] + [(y >> (8 * k)) & 0xFF for k in range(2)])


def peer_query(t, p):
    """t is 1-based like the Lua script, p is 0-based."""
    left = "0" if (t * 31 + p) % 5 == 0 else str(1048576 * (1 + (t + p) % 700))
    peer_id = "-WB0100-" + enc(six_bytes(0x5EED7000, t)) + enc(six_bytes(0x0BEE1000, p))
    return "peer_id=%s&port=%d&uploaded=0&downloaded=0&left=%s" % (peer_id, 1024 + p, left)


def bdecode(b, i=0):
    c = b[i:i + 1]
    if c == b"i":
        j = b.index(b"e", i)
        return int(b[i + 1:j]), j + 1
    if c == b"l":
        out, i = [], i + 1
        while b[i:i + 1] != b"e":
            v, i = bdecode(b, i)
            out.append(v)
        return out, i + 1
    if c == b"d":
        out, i = {}, i + 1
        while b[i:i + 1] != b"e":
            k, i = bdecode(b, i)
            v, i = bdecode(b, i)
            out[k] = v
        return out, i + 1
    if c.isdigit():
        j = b.index(b":", i)
        n = int(b[i:j])
        return b[j + 1:j + 1 + n], j + 1 + n
    raise ValueError("not bencode at %d: %r" % (i, b[i:i + 20]))


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("announce")
    ap.add_argument("--hashes", default=os.path.join(here, "data", "hashes.url"))
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--peers", type=int, default=100)
    ap.add_argument("--numwant", type=int, default=50)
    ap.add_argument("--no-scrape", action="store_true")
    ap.add_argument("--scrape-only", action="store_true", help="only report swarm sizes (no announce)")
    a = ap.parse_args()
    with open(a.hashes, encoding="ascii") as f:
        hashes = [l.strip() for l in f if l.strip()]
    n = len(hashes)
    step = max(1, n // a.sample)
    ts = list(range(1, n + 1, step))[:a.sample]
    base, _, last = a.announce.rpartition("/")
    scrape_url = base + "/" + last.replace("announce", "scrape", 1) if "announce" in last else None

    problems, sizes, seeders, got = [], [], [], []
    for k, t in enumerate(ts):
        h = hashes[t - 1]
        if scrape_url and not a.no_scrape:
            st, body = get("%s?info_hash=%s" % (scrape_url, h))
            try:
                d, _ = bdecode(body)
                files = d[b"files"]
                (entry,) = files.values()
                sizes.append(entry[b"complete"] + entry[b"incomplete"])
                seeders.append(entry[b"complete"])
            except Exception as e:  # noqa: BLE001 - report, do not die
                problems.append("scrape t=%d: HTTP %d %r (%s)" % (t, st, body[:80], e))
        if a.scrape_only:
            continue
        p = (t * 7 + k) % a.peers
        st, body = get("%s?info_hash=%s&%s&compact=1&numwant=%d&event=" % (a.announce, h, peer_query(t, p), a.numwant))
        if st != 200 or b"failure reason" in body:
            problems.append("announce t=%d p=%d: HTTP %d %r" % (t, p, st, body[:120]))
            continue
        try:
            d, _ = bdecode(body)
            peers = d.get(b"peers", b"")
            cnt = len(peers) // 6 if isinstance(peers, bytes) else len(peers)
        except Exception as e:  # noqa: BLE001
            problems.append("announce t=%d p=%d: not bencode %r (%s)" % (t, p, body[:80], e))
            continue
        got.append(cnt)
        if cnt == 0:
            problems.append("announce t=%d p=%d: empty peers" % (t, p))

    def stats(xs):
        return "mean %.1f min %d max %d" % (sum(xs) / len(xs), min(xs), max(xs)) if xs else "n/a"

    print("CHECK torrents=%d swarm_size(%s) seeders(%s) peers_returned(%s) problems=%d"
          % (len(ts), stats(sizes), stats(seeders), stats(got), len(problems)))
    for p in problems[:10]:
        print("  problem: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
