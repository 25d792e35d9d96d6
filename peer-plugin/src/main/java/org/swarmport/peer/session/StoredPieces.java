package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.swarmport.peer.storage.CheckedPiece;
import org.swarmport.peer.storage.TorrentStorage;
import org.swarmport.peer.wire.Bitfield;

/**
 * The session's {@link PieceStore} over the storage package's {@link TorrentStorage}: a whole
 * piece, gathered in memory, is hashed there ({@link TorrentStorage#checkPiece}) and written only
 * when good ({@link TorrentStorage#write(CheckedPiece)}), which then records it in storage's
 * verified bitfield and so in the resume data; bad data never reaches the disk. A piece verified
 * meanwhile is hashed all the same (rare) and not written again.
 */
final class StoredPieces implements PieceStore {

    private final TorrentStorage storage;

    StoredPieces(TorrentStorage storage) {
        this.storage = storage;
    }

    @Override
    public Bitfield verified() {
        return storage.verifiedPieces();
    }

    @Override
    public Bitfield wanted() {
        return storage.wantedPieces();
    }

    @Override
    public Optional<CheckedPiece> check(int piece, ByteBuffer data) {
        return storage.checkPiece(piece, data);
    }

    @Override
    public void write(CheckedPiece piece) throws IOException {
        storage.write(piece);
    }

    @Override
    public void read(int piece, int begin, ByteBuffer target) throws IOException {
        storage.readBlock(piece, begin, target.remaining(), target);
    }

    @Override
    public void saveResume() throws IOException {
        storage.saveResume();
    }

    @Override
    public void close() throws IOException {
        storage.close();
    }
}
