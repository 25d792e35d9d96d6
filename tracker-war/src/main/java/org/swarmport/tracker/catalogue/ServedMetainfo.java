package org.swarmport.tracker.catalogue;

import java.nio.charset.StandardCharsets;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BString;
import org.swarmport.peer.bencode.BValue;
import org.swarmport.peer.bencode.BencodeException;

/**
 * The .torrent this tracker hands out: the uploaded file with {@code announce} set to this
 * tracker and {@code announce-list} left out (BEP 12: a client that finds one ignores
 * {@code announce}), so every download is tracked here.
 *
 * <p>The info dictionary is copied byte for byte from the stored file, never decoded and
 * encoded again: its bytes are the info-hash, and a re-encoding that differed in a single byte
 * would be another torrent. The other keys are re-encoded; the parser accepted only canonical
 * bencode, so they come out as they went in.
 */
public final class ServedMetainfo {

    private static final BString ANNOUNCE = BString.of("announce");
    private static final BString ANNOUNCE_LIST = BString.of("announce-list");
    private static final BString INFO = BString.of("info");

    private ServedMetainfo() {
    }

    /**
     * @param stored a .torrent the catalogue accepted (so valid bencode with an info dictionary)
     * @throws IllegalStateException when {@code stored} is not such a file: a stored row was changed behind the catalogue's back
     */
    public static byte[] withAnnounce(byte[] stored, String announceUrl) {
        BDictionary torrent;
        try {
            torrent = (BDictionary) BDecoder.decode(stored);
        } catch (BencodeException | ClassCastException e) {
            throw new IllegalStateException("stored metainfo is not a bencoded dictionary", e);
        }
        BEncoder out = new BEncoder(stored.length + announceUrl.length() + 32);
        out.beginDictionary();
        boolean announced = false;
        for (int i = 0; i < torrent.size(); i++) {
            BString key = torrent.keyAt(i);
            if (!announced && key.compareTo(ANNOUNCE) >= 0) {
                // Keys stay sorted by raw bytes (BEP 3): announce goes where it belongs.
                out.string(ANNOUNCE).string(announceUrl.getBytes(StandardCharsets.UTF_8));
                announced = true;
            }
            if (key.equals(ANNOUNCE) || key.equals(ANNOUNCE_LIST)) {
                continue;
            }
            BValue value = torrent.valueAt(i);
            out.string(key);
            if (key.equals(INFO) && value instanceof BDictionary info && info.hasRawSpan()) {
                out.encoded(stored, info.rawStart(), info.rawLength());
            } else {
                out.value(value);
            }
        }
        if (!announced) {
            out.string(ANNOUNCE).string(announceUrl.getBytes(StandardCharsets.UTF_8));
        }
        return out.end().toByteArray();
    }
}
