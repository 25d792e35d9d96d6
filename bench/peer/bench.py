#!/usr/bin/python3
"""Peer engine throughput on loopback: Swarmport seed -> Swarmport download, and libtorrent seed ->
libtorrent download, one torrent of the same content, in one run. Not a test.

usage: bench/peer/bench.py [--size 1G] [--piece 1M] [--work DIR] [--append-to docs/BENCHMARKS.md]

Needs the command-line jar (mvn -B -q -pl peer-plugin package -DskipTests) and /usr/bin/python3
with libtorrent. Each side runs as two processes (seed, downloader), encryption off, TCP only;
the download is timed from its start to its exit (Swarmport: the CLI's download command; libtorrent:
peer-plugin/src/test/resources/interop/libtorrent-peer.py), content is compared, and CPU seconds
are user+system of both processes (os.wait4). Run it on a quiet machine: `uptime` load < 1.5.
"""
import argparse
import filecmp
import glob
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LT_PEER = os.path.join(ROOT, "peer-plugin/src/test/resources/interop/libtorrent-peer.py")
PYTHON = "/usr/bin/python3"


def size(text):
    m = re.fullmatch(r"(\d+)([KMG]?)", text.upper())
    return int(m.group(1)) * {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[m.group(2)]


def cli_jar():
    jars = glob.glob(os.path.join(ROOT, "peer-plugin/target/swarmport-peer-*-cli.jar"))
    if not jars:
        sys.exit("no CLI jar: run mvn -B -q -pl peer-plugin package -DskipTests")
    return jars[0]


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_cpu(proc, timeout):
    """Waits for proc; answers (exit code, user+system CPU seconds)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_utime + usage.ru_stime
        time.sleep(0.02)
    proc.kill()
    sys.exit("timed out: " + " ".join(proc.args))


def stop(proc):
    proc.terminate()
    try:
        return wait_cpu(proc, 10)
    except SystemExit:
        return -1, float("nan")


def same(a, b):
    if not filecmp.cmp(a, b, shallow=False):
        sys.exit("downloaded content differs: " + b)


def swarmport(work, torrent, content_name, payload):
    jar = cli_jar()
    port = free_port()
    seed = subprocess.Popen(["java", "-jar", jar, "seed", torrent, "-d", os.path.join(work, "content"),
                             "--bind", "127.0.0.1", "--port", str(port), "--encryption", "disabled", "-q"],
                            stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    while True:  # the seed checks its 1 GiB before it listens
        import socket
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            break
        except OSError:
            if seed.poll() is not None:
                sys.exit("swarmport seed ended")
            time.sleep(0.2)
    out = os.path.join(work, "sp-download")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    start = time.time()
    leech = subprocess.Popen(["java", "-jar", jar, "download", torrent, "-d", out, "--bind", "127.0.0.1",
                              "--port", "0", "--peer", "127.0.0.1:%d" % port, "--encryption", "disabled", "-q"],
                             stdout=subprocess.DEVNULL)
    code, leech_cpu = wait_cpu(leech, 600)
    seconds = time.time() - start
    _, seed_cpu = stop(seed)
    if code != 0:
        sys.exit("swarmport download exited %d" % code)
    same(os.path.join(work, "content", content_name), os.path.join(out, content_name))
    return payload / seconds / (1 << 20), seconds, seed_cpu + leech_cpu


def libtorrent(work, torrent, content_name, payload):
    seed = subprocess.Popen([PYTHON, LT_PEER, "seed", torrent, os.path.join(work, "content"), "--encryption",
                             "disabled", "--timeout", "900"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = seed.stdout.readline()
    if not line.startswith("READY"):
        sys.exit("libtorrent seed did not start")
    port = int(line.split()[1])
    out = os.path.join(work, "lt-download")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    start = time.time()
    leech = subprocess.Popen([PYTHON, LT_PEER, "download", torrent, out, "--peer", "127.0.0.1:%d" % port,
                              "--encryption", "disabled", "--timeout", "600"],
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    code, leech_cpu = wait_cpu(leech, 620)
    seconds = time.time() - start
    seed.stdin.close()
    _, seed_cpu = wait_cpu(seed, 30)
    if code != 0:
        sys.exit("libtorrent download exited %d" % code)
    same(os.path.join(work, "content", content_name), os.path.join(out, content_name))
    return payload / seconds / (1 << 20), seconds, seed_cpu + leech_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1G")
    parser.add_argument("--piece", default="1M")
    parser.add_argument("--work", default="/tmp/swarmport-peer-bench")
    parser.add_argument("--append-to")
    args = parser.parse_args()
    payload = size(args.size)
    os.makedirs(os.path.join(args.work, "content"), exist_ok=True)
    name = "bench-%s.bin" % args.size
    content = os.path.join(args.work, "content", name)
    if not os.path.exists(content) or os.path.getsize(content) != payload:
        with open("/dev/urandom", "rb") as src, open(content, "wb") as dst:
            for _ in range(payload // (1 << 20)):
                dst.write(src.read(1 << 20))
            dst.write(src.read(payload % (1 << 20)))
    torrent = os.path.join(args.work, name + ".torrent")
    subprocess.run(["java", "-jar", cli_jar(), "create", content, "-o", torrent, "--meta-version", "v1",
                    "--piece-length", args.piece, "-f"], check=True, stdout=subprocess.DEVNULL)
    load = os.getloadavg()[0]
    sp = swarmport(args.work, torrent, name, payload)
    lt = libtorrent(args.work, torrent, name, payload)
    ratio = sp[0] / lt[0]
    report = ("| run | MiB/s | seconds | CPU s (seed+download) |\n|---|---|---|---|\n"
              "| Swarmport → Swarmport | %.0f | %.1f | %.1f |\n| libtorrent → libtorrent | %.0f | %.1f | %.1f |\n\n"
              "Throughput ratio Swarmport / libtorrent: **%.2f×** (target ≥ 2×). %s of %s pieces, "
              "loopback, encryption off, load average %.2f at the start.\n"
              % (sp[0], sp[1], sp[2], lt[0], lt[1], lt[2], ratio, args.size, args.piece, load))
    print(report)
    if args.append_to:
        with open(args.append_to, "a") as doc:
            doc.write("\n## Peer engine: 1 GiB on loopback (bench/peer/bench.py)\n\n"
                      "`bench/peer/bench.py --size %s --piece %s` on %s:\n\n%s"
                      % (args.size, args.piece, time.strftime("%Y-%m-%d"), report))


if __name__ == "__main__":
    main()
