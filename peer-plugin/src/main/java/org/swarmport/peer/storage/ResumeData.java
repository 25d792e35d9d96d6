package org.swarmport.peer.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BList;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.bencode.BencodeLimits;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.wire.Bitfield;
import org.swarmport.peer.wire.BitfieldException;

/**
 * What storage remembers between runs so that a restart does not hash what it already verified
 * (bencode, BEP 3 types): the verified pieces, every file's size and modification time when
 * they were saved, the part file's, and the file priorities.
 *
 * <pre>
 * d11:file format16:swarmport resume12:file versioni1e9:info-hash32:…12:piece lengthi…e
 *  6:pieces…(BEP 3 bitfield)5:filesl d4:sizei…e5:mtimei…ee de (absent) …e 4:partd…e 10:prioritiesl…e e
 * </pre>
 *
 * <p>Decoding is a pure function over bytes that trusts nothing: the file is ours, but a crash,
 * a disk error, a copy from another torrent or a hand edit can leave anything in it, so any
 * defect (truncation, wrong types, another torrent's hash, the wrong number of pieces or files,
 * negative sizes) is a {@link ResumeDataException} naming it, and storage rechecks instead.
 *
 * @param pieces     the verified pieces
 * @param files      per entry of {@code Metainfo.files()}, its state when saved; empty for a file
 *                   that did not exist, and for pad files
 * @param part       the part file's state, empty when there was none
 * @param priorities per entry of {@code Metainfo.files()}
 */
record ResumeData(Bitfield pieces, List<Optional<FileState>> files, Optional<FileState> part,
                  List<FilePriority> priorities) {

    static final String FORMAT = "swarmport resume";
    static final long VERSION = 1;

    ResumeData {
        pieces = pieces.copy();
        files = List.copyOf(files);
        priorities = List.copyOf(priorities);
    }

    /** The bencoded resume data of {@code metainfo}'s storage. */
    byte[] encode(Metainfo metainfo) {
        BEncoder out = new BEncoder(256 + pieces.pieceCount() / 8 + files.size() * 40);
        out.beginDictionary();
        out.string("file format").string(FORMAT);
        out.string("file version").integer(VERSION);
        out.string("files").beginList();
        for (Optional<FileState> file : files) {
            state(out, file);
        }
        out.end();
        out.string("info-hash").string(metainfo.bestInfoHash().bytes());
        out.string("part");
        state(out, part);
        out.string("piece length").integer(metainfo.pieceLength());
        out.string("pieces").string(pieces.toWire());
        out.string("priorities").beginList();
        for (FilePriority priority : priorities) {
            out.integer(priority.ordinal());
        }
        out.end();
        return out.end().toByteArray();
    }

    private static void state(BEncoder out, Optional<FileState> state) {
        out.beginDictionary();
        if (state.isPresent()) {
            out.string("mtime").integer(state.get().modifiedMillis());
            out.string("size").integer(state.get().size());
        }
        out.end();
    }

    /** The most bytes valid resume data of {@code metainfo} can take: anything longer is refused unread. */
    static int maxLength(Metainfo metainfo) {
        long bound = 512L + Bitfield.wireLength(metainfo.pieceCount()) + 72L * metainfo.files().size();
        return (int) Math.min(Integer.MAX_VALUE - 8, bound);
    }

    /**
     * Reads resume data written for {@code metainfo}.
     *
     * @throws ResumeDataException naming the defect, when the data is not valid resume data of this torrent
     */
    static ResumeData decode(byte[] data, Metainfo metainfo) throws ResumeDataException {
        int fileCount = metainfo.files().size();
        int bitfieldLength = Bitfield.wireLength(metainfo.pieceCount());
        BencodeLimits limits = BencodeLimits.of(maxLength(metainfo), 3, Math.max(64, bitfieldLength),
                16 + 6 * fileCount);
        BDictionary root;
        try {
            BValue value = BDecoder.decode(data, limits);
            if (!(value instanceof BDictionary dictionary)) {
                throw new ResumeDataException("is " + value.type().withArticle() + ", not a dictionary");
            }
            root = dictionary;
            if (!FORMAT.equals(root.getString("file format").utf8())) {
                throw new ResumeDataException("file format", "is not '" + FORMAT + "'");
            }
            long version = root.getLong("file version");
            if (version != VERSION) {
                throw new ResumeDataException("file version", version + " is not " + VERSION);
            }
            if (!Arrays.equals(root.getString("info-hash").bytes(), metainfo.bestInfoHash().bytes())) {
                throw new ResumeDataException("info-hash", "is another torrent's");
            }
            long pieceLength = root.getLong("piece length");
            if (pieceLength != metainfo.pieceLength()) {
                throw new ResumeDataException("piece length", pieceLength + " is not the torrent's " + metainfo.pieceLength());
            }
            byte[] wire = root.getString("pieces").bytes();
            Bitfield pieces;
            try {
                pieces = Bitfield.fromWire(wire, 0, wire.length, metainfo.pieceCount());
            } catch (BitfieldException e) {
                throw new ResumeDataException("pieces", e.getMessage());
            }
            BList fileList = root.getList("files");
            if (fileList.size() != fileCount) {
                throw new ResumeDataException("files", fileList.size() + " entries for the torrent's " + fileCount + " files");
            }
            List<Optional<FileState>> files = new ArrayList<>(fileCount);
            for (int i = 0; i < fileCount; i++) {
                files.add(state(fileList.get(i), "files[" + i + "]"));
            }
            Optional<FileState> part = state(root.get("part"), "part");
            BList priorityList = root.getList("priorities");
            if (priorityList.size() != fileCount) {
                throw new ResumeDataException("priorities", priorityList.size() + " entries for the torrent's "
                        + fileCount + " files");
            }
            List<FilePriority> priorities = new ArrayList<>(fileCount);
            FilePriority[] all = FilePriority.values();
            for (int i = 0; i < fileCount; i++) {
                long ordinal = priorityList.getLong(i);
                if (ordinal < 0 || ordinal >= all.length) {
                    throw new ResumeDataException("priorities[" + i + "]", ordinal + " is not a priority 0.." + (all.length - 1));
                }
                priorities.add(all[(int) ordinal]);
            }
            return new ResumeData(pieces, files, part, priorities);
        } catch (BencodeException e) {
            throw new ResumeDataException(e.getMessage());
        }
    }

    private static Optional<FileState> state(BValue value, String field) throws ResumeDataException, BencodeException {
        if (!(value instanceof BDictionary dictionary)) {
            throw new ResumeDataException(field, value == null ? "is missing" : "is not a dictionary");
        }
        if (dictionary.isEmpty()) {
            return Optional.empty();
        }
        long size = dictionary.getLong("size");
        long mtime = dictionary.getLong("mtime");
        if (size < 0) {
            throw new ResumeDataException(field + ".size", size + " is negative");
        }
        return Optional.of(new FileState(size, mtime));
    }
}
