#!/usr/bin/env bash
# Regenerates the corpus of real .torrent files under src/test/resources/metainfo/tools/ and
# its manifest, from small deterministic content, with three real creators: mktorrent,
# transmission-create and libtorrent (python3-libtorrent: v1, v2-only and hybrid).
#
# Run once by hand; the output is committed so that `mvn test` needs none of these tools:
#   apt-get install -y mktorrent transmission-cli python3-libtorrent
#   peer-plugin/src/test/corpus/make-corpus.sh
#
# make-hostile.py then derives the broken and hostile corpus from these files.
#
# The manifest records what the tools themselves report (libtorrent's torrent_info, and
# transmission-show for v1 files), so the Java tests compare our parser with the tools, not
# with itself. Regenerating changes the transmission and libtorrent files (they always write
# a creation date) but not their info-hashes: the date lies outside the info dictionary, so
# the manifest comes out the same.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/resources/metainfo/tools"
python=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- content: bytes of a SHA-256 counter stream, so every run writes the same files ---
"$python" - "$work" <<'PY'
import hashlib, os, sys
root = sys.argv[1]
def write(rel, size, seed):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = bytearray()
    counter = 0
    while len(data) < size:
        data += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    with open(path, "wb") as f:
        f.write(bytes(data[:size]))
write("single/single.bin", 100_000, "single")          # spans several 16 KiB/32 KiB pieces, odd tail
write("exact/exact.bin", 65_536, "exact")               # exactly two 32 KiB pieces
write("multi/multi/a.txt", 1_234, "a")
write("multi/multi/sub/b.bin", 70_000, "b")             # spans pieces, crosses file boundaries in v1
write("multi/multi/sub/deeper/c.bin", 32_768, "c")      # exactly one 32 KiB piece
write("multi/multi/sub/empty.txt", 0, "empty")           # an empty file
write("multi/multi/z.dat", 5, "z")                      # tiny odd size
PY

rm -f "$out"/*.torrent "$out"/manifest.tsv

# --- mktorrent 1.1: v1 only; -d leaves the date out, so these files are reproducible ---
mktorrent -d -l 15 -a http://tracker.example/announce -o "$out/mktorrent-single.torrent" "$work/single/single.bin" >/dev/null
mktorrent -d -l 15 -a http://tracker.example/announce -a http://backup.example/announce \
    -w http://seed.example/files/ -c "made by mktorrent" -p \
    -o "$out/mktorrent-multi.torrent" "$work/multi/multi" >/dev/null
mktorrent -d -l 16 -a udp://tracker.example:6969 -o "$out/mktorrent-exact.torrent" "$work/exact/exact.bin" >/dev/null

# --- transmission-create 3.00: v1 only ---
transmission-create -s 16 -t http://tracker.example/announce -o "$out/transmission-single.torrent" "$work/single/single.bin" >/dev/null
transmission-create -s 32 -p -c "made by transmission" -t http://tracker.example/announce -t http://backup.example/announce \
    -o "$out/transmission-multi.torrent" "$work/multi/multi" >/dev/null

# --- libtorrent: v1, v2-only and hybrid, with trackers, a web seed and a comment ---
"$python" - "$work" "$out" <<'PY'
import os, sys
import libtorrent as lt
work, out = sys.argv[1], sys.argv[2]
kinds = {"v1": lt.create_torrent.v1_only, "v2": lt.create_torrent.v2_only, "hybrid": 0}
for content, target, piece in [("single", "single.bin", 16384), ("multi", "multi", 32768)]:
    for kind, flags in kinds.items():
        fs = lt.file_storage()
        lt.add_files(fs, os.path.join(work, content, target))
        ct = lt.create_torrent(fs, piece, flags=flags)
        ct.add_tracker("http://tracker.example/announce", 0)
        ct.add_tracker("udp://backup.example:6969/announce", 1)
        if content == "multi":
            ct.add_url_seed("http://seed.example/files/")
            ct.set_comment("made by libtorrent")
            ct.set_priv(kind == "hybrid")
        ct.set_creator("libtorrent " + lt.__version__)
        lt.set_piece_hashes(ct, os.path.join(work, content))
        with open(os.path.join(out, f"libtorrent-{kind}-{content}.torrent"), "wb") as f:
            f.write(lt.bencode(ct.generate()))
PY

# --- manifest: what libtorrent (and transmission-show, for v1) reads from each file ---
"$python" - "$out" > "$out/manifest.tsv" <<'PY'
import os, subprocess, sys
import libtorrent as lt
out = sys.argv[1]
print("# file\tv1 info-hash\tv2 info-hash\ttransmission-show's hash\tname\ttotal length\tpiece length\tpieces\tprivate\tfiles (path=length, pad files left out)")
for name in sorted(os.listdir(out)):
    if not name.endswith(".torrent"):
        continue
    ti = lt.torrent_info(os.path.join(out, name))
    hashes = ti.info_hashes()
    v1 = str(hashes.v1) if hashes.has_v1() else "-"
    v2 = str(hashes.v2) if hashes.has_v2() else "-"
    # transmission 3.00 predates BEP 52 and refuses hybrid files: recorded as "unreadable".
    shown = subprocess.run(["transmission-show", os.path.join(out, name)], capture_output=True, text=True)
    hash_lines = [l for l in shown.stdout.splitlines() if l.strip().startswith("Hash:")]
    transmission = hash_lines[0].split()[-1].lower() if shown.returncode == 0 and hash_lines else "unreadable"
    if transmission != "unreadable" and transmission != v1:
        sys.exit(f"{name}: transmission-show says {transmission}, libtorrent {v1}")
    fs = ti.files()
    files = []
    for i in range(fs.num_files()):
        if fs.file_flags(i) & lt.file_storage.flag_pad_file:
            continue
        files.append(f"{fs.file_path(i)}={fs.file_size(i)}")
    total = sum(fs.file_size(i) for i in range(fs.num_files()) if not fs.file_flags(i) & lt.file_storage.flag_pad_file)
    print("\t".join([name, v1, v2, transmission, ti.name(), str(total), str(ti.piece_length()), str(ti.num_pieces()),
                     str(ti.priv()).lower(), "|".join(files)]))
PY
echo "corpus written to $out:"
ls -l "$out"
