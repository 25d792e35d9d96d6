package org.swarmport.peer.metainfo;

import org.swarmport.peer.bencode.BencodeException;

/**
 * A .torrent file that cannot be used: not bencode, a required field missing or of the wrong
 * type, or values that contradict each other or the BEPs.
 *
 * <p>Checked for the same reason as {@link BencodeException}: torrents arrive from uploads and
 * from peers, and a bad one is an expected outcome that the catalogue turns into an HTTP 400
 * and the peer engine into a refused torrent.
 *
 * <p>The message is short, names the field the way the file spells it, and is written to be
 * shown to the person who uploaded the file:
 * {@code "metainfo: info.piece length: must be a power of two of at least 16 KiB (BEP 52), is 20000"}.
 * It quotes at most a path component of the input, never binary content.
 */
public final class MetainfoException extends Exception {

    private static final String PREFIX = "metainfo: ";

    private final String field;

    /** A defect of one field; {@code field} is its path in the file, such as {@code info.files[2].path}. */
    public MetainfoException(String field, String defect) {
        super(PREFIX + field + ": " + defect);
        this.field = field;
    }

    /** The file is not valid bencode; the bencode message already names the defect and its offset. */
    public MetainfoException(BencodeException cause) {
        super(PREFIX + cause.getMessage(), cause);
        this.field = "";
    }

    /** The field the defect is in, such as {@code info.piece length}; empty when the bencode itself is broken. */
    public String field() {
        return field;
    }
}
