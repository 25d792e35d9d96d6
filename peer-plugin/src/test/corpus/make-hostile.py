#!/usr/bin/python3
"""Writes the broken and hostile corpus under src/test/resources/metainfo/hostile/: each file a
real torrent of the tool corpus with one defect, and expected.tsv with the message our parser
must give for it. Run once by hand after make-corpus.sh; the output is committed.

    /usr/bin/python3 peer-plugin/src/test/corpus/make-hostile.py

libtorrent's bencode writes dictionary keys sorted, so each file is canonical bencode except
where the defect is the encoding itself."""
import copy, os, sys
import libtorrent as lt

here = os.path.dirname(os.path.abspath(__file__))
tools = os.path.join(here, "..", "resources", "metainfo", "tools")
out = os.path.join(here, "..", "resources", "metainfo", "hostile")
os.makedirs(out, exist_ok=True)
for name in os.listdir(out):
    os.remove(os.path.join(out, name))

def load(name):
    with open(os.path.join(tools, name), "rb") as f:
        return f.read()

def tree(name):
    return lt.bdecode(load(name))

cases = []  # (file name, bytes, expected message)

def case(name, data, message):
    if isinstance(data, dict):
        data = lt.bencode(data)
    cases.append((name, data, message))

def mutated(source, change):
    t = copy.deepcopy(tree(source))
    change(t)
    return t

def set_path(index, path):
    return lambda t: t[b"info"][b"files"][index].__setitem__(b"path", path)

multi = "mktorrent-multi.torrent"   # multi/a.txt, sub/b.bin, sub/deeper/c.bin, sub/empty.txt, z.dat; 32 KiB pieces
single = "mktorrent-single.torrent"

# --- not a torrent at all ---
whole = load(multi)
case("truncated.torrent", whole[: len(whole) // 2], "metainfo: bencode: truncated string at offset 276")
case("empty.torrent", b"", "metainfo: bencode: empty input at offset 0")
case("trailing-garbage.torrent", load(single) + b"junk", "metainfo: bencode: trailing data after value at offset %d" % len(load(single)))
case("not-a-dictionary.torrent", b"li1ee", "metainfo: torrent: is a list, expected a dictionary")
# Keys out of order: bencode that is not canonical would not keep its info-hash on re-encoding.
case("unsorted-keys.torrent", b"d4:infod6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:" + b"\0" * 20 + b"e8:announce1:xe",
     "metainfo: bencode: dictionary keys out of order at offset 82")
deep = b"d4:infod9:file treed" + b"1:ad" * 100 + b"e" * 100 + b"e12:meta versioni2e4:name1:x12:piece lengthi16384eee"
case("deep-nesting.torrent", deep, "metainfo: bencode: nesting depth exceeds limit of 64 at offset 267")

# --- missing and mistyped fields ---
case("no-info.torrent", mutated(single, lambda t: t.pop(b"info")), "metainfo: info: missing")
case("info-is-a-string.torrent", mutated(single, lambda t: t.__setitem__(b"info", b"info")),
     "metainfo: info: is a string, expected a dictionary")
case("no-name.torrent", mutated(single, lambda t: t[b"info"].pop(b"name")), "metainfo: info.name: missing")
case("piece-length-is-a-string.torrent", mutated(single, lambda t: t[b"info"].__setitem__(b"piece length", b"32768")),
     "metainfo: info.piece length: is a string, expected an integer")
case("piece-length-zero.torrent", mutated(single, lambda t: t[b"info"].__setitem__(b"piece length", 0)),
     "metainfo: info.piece length: must be positive, is 0")
case("length-and-files.torrent", mutated(multi, lambda t: t[b"info"].__setitem__(b"length", 5)),
     "metainfo: info: has both length and files (BEP 3)")
case("files-item-is-an-integer.torrent", mutated(multi, lambda t: t[b"info"][b"files"].__setitem__(2, 7)),
     "metainfo: info.files[2]: is an integer, expected a dictionary")
case("announce-list-tier-is-a-string.torrent", mutated(multi, lambda t: t[b"announce-list"].__setitem__(0, b"http://x")),
     "metainfo: announce-list[0]: is a string, expected a list")
case("meta-version-3.torrent", mutated("libtorrent-v2-single.torrent", lambda t: t[b"info"].__setitem__(b"meta version", 3)),
     "metainfo: info.meta version: 3 is not supported, only 1 and 2 are")
case("name-not-utf8.torrent", mutated(single, lambda t: t[b"info"].__setitem__(b"name", b"caf\xe9.bin")),
     "metainfo: info.name: is not valid UTF-8")

# --- unsafe paths ---
case("path-dot-dot.torrent", mutated(multi, set_path(0, [b"..", b"..", b"etc", b"passwd"])),
     "metainfo: info.files[0].path: path has a '..' component")
case("path-absolute.torrent", mutated(multi, set_path(0, [b"/etc/passwd"])),
     "metainfo: info.files[0].path: path is absolute")
case("name-absolute.torrent", mutated(single, lambda t: t[b"info"].__setitem__(b"name", b"/etc/passwd")),
     "metainfo: info.name: path is absolute")
case("path-backslash.torrent", mutated(multi, set_path(0, [b"..\\..\\windows\\system32"])),
     "metainfo: info.files[0].path: path component contains '\\'")
case("path-drive-letter.torrent", mutated(multi, set_path(0, [b"C:", b"boot.ini"])),
     "metainfo: info.files[0].path: path starts with a drive letter")
case("path-device-name.torrent", mutated(multi, set_path(4, [b"sub", b"CON.txt"])),
     "metainfo: info.files[4].path: path component 'CON.txt' is a Windows device name")
case("path-nul.torrent", mutated(multi, set_path(0, [b"a.txt\0.exe"])),
     "metainfo: info.files[0].path: path component contains a control character")
case("path-empty-component.torrent", mutated(multi, set_path(0, [b"sub", b"", b"a.txt"])),
     "metainfo: info.files[0].path: path has an empty component")
case("path-text-direction.torrent", mutated(multi, set_path(0, ["evil\u202etxt.exe".encode()])),
     "metainfo: info.files[0].path: path component contains a text-direction control character")
case("path-too-long.torrent", mutated(multi, set_path(0, [b"x" * 256])),
     "metainfo: info.files[0].path: path component is longer than 255 bytes")
case("path-duplicate.torrent", mutated(multi, set_path(4, [b"a.txt"])),
     "metainfo: info: duplicate path 'multi/a.txt'")
case("path-file-and-directory.torrent", mutated(multi, set_path(0, [b"sub"])),
     "metainfo: info: 'multi/sub' is both a file and a directory")
case("v2-path-dot-dot.torrent",
     mutated("libtorrent-v2-multi.torrent", lambda t: t[b"info"][b"file tree"].__setitem__(b"..", t[b"info"][b"file tree"].pop(b"a.txt"))),
     "metainfo: info.file tree[multi/..]: path has a '..' component")

# --- lengths and pieces ---
case("length-huge.torrent", mutated(multi, lambda t: t[b"info"][b"files"][1].__setitem__(b"length", 2 ** 60)),
     "metainfo: info.files[1].length: exceeds the limit of 281474976710655 bytes")
case("length-negative.torrent", mutated(multi, lambda t: t[b"info"][b"files"][1].__setitem__(b"length", -1)),
     "metainfo: info.files[1].length: is negative")
case("too-many-pieces.torrent", mutated(single, lambda t: t[b"info"].__setitem__(b"length", 2 ** 40)),
     "metainfo: info.pieces: the files need 33554432 pieces, more than the limit of 2097152")
case("pieces-not-multiple-of-20.torrent", mutated(multi, lambda t: t[b"info"].__setitem__(b"pieces", t[b"info"][b"pieces"][:-1])),
     "metainfo: info.pieces: length 79 is not a multiple of 20")
case("pieces-too-few.torrent", mutated(multi, lambda t: t[b"info"].__setitem__(b"pieces", t[b"info"][b"pieces"][:-20])),
     "metainfo: info.pieces: holds 3 hashes, but 104007 bytes in pieces of 32768 need 4")
case("no-data.torrent", mutated(single, lambda t: (t[b"info"].__setitem__(b"length", 0), t[b"info"].__setitem__(b"pieces", b""))),
     "metainfo: info: the torrent holds no data: every file is empty or padding")

# --- v2 and hybrid ---
case("v2-piece-length-not-power-of-two.torrent",
     mutated("libtorrent-v2-single.torrent", lambda t: t[b"info"].__setitem__(b"piece length", 20000)),
     "metainfo: info.piece length: must be a power of two of at least 16 KiB (BEP 52), is 20000")
case("v2-piece-layer-wrong.torrent",
     mutated("libtorrent-v2-multi.torrent", lambda t: [t[b"piece layers"].__setitem__(k, v[:-1] + bytes([v[-1] ^ 1])) for k, v in list(t[b"piece layers"].items())]),
     "metainfo: piece layers: the layer for 'multi/sub/b.bin' does not hash to its pieces root")
case("v2-piece-layers-missing.torrent", mutated("libtorrent-v2-multi.torrent", lambda t: t.pop(b"piece layers")),
     "metainfo: piece layers: missing, but 'multi/sub/b.bin' is larger than a piece (BEP 52)")
case("v2-pad-file-in-tree.torrent",
     mutated("libtorrent-v2-multi.torrent", lambda t: t[b"info"][b"file tree"][b"z.dat"][b""].__setitem__(b"attr", b"p")),
     "metainfo: info.file tree[multi/z.dat]: pad files belong in the v1 file list only (BEP 52)")
case("v2-pieces-root-short.torrent",
     mutated("libtorrent-v2-single.torrent", lambda t: t[b"info"][b"file tree"][b"single.bin"][b""].__setitem__(b"pieces root", b"\1" * 31)),
     "metainfo: info.file tree[single.bin].pieces root: is 31 bytes, expected 32")
case("hybrid-files-disagree.torrent",
     mutated("libtorrent-hybrid-multi.torrent", set_path(6, [b"y.dat"])),
     "metainfo: info: hybrid: v1 file 'multi/y.dat' (5 bytes) does not match file tree entry 'multi/z.dat' (5 bytes) (BEP 52)")
case("hybrid-lengths-disagree.torrent",
     mutated("libtorrent-hybrid-single.torrent", lambda t: t[b"info"].__setitem__(b"length", 99999)),
     "metainfo: info: hybrid: v1 file 'single.bin' (99999 bytes) does not match file tree entry 'single.bin' (100000 bytes) (BEP 52)")

with open(os.path.join(out, "expected.tsv"), "w") as manifest:
    manifest.write("# file\texpected message\n")
    for name, data, message in cases:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        manifest.write(f"{name}\t{message}\n")
print(f"{len(cases)} hostile files written to {out}")
