package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.swarmport.peer.swarm.PieceGeometry;
import org.swarmport.peer.wire.PeerMessage;

/**
 * Blocks a peer requested, read from storage together on the disk pool into one buffer of
 * {@link #CAPACITY} bytes, in the order the peer asked for them: each run of consecutive blocks
 * of a piece in one read. The network thread hands the filled buffer to the connection, which
 * sends every block with its header in gathering writes; storage is never read on the network
 * thread, where a read that misses the page cache (a piece just written past it with
 * {@code O_DIRECT}) would stall every peer of the thread. A request the peer cancels while the
 * read runs is dropped here and never sent.
 */
final class UploadRead {

    /** Bytes of blocks per read: 32 blocks of 16 KiB, one gathering write of up to 64 buffers. */
    static final int CAPACITY = 32 * PeerMessage.BLOCK_LENGTH;

    private static final byte[] ZEROS = new byte[PeerMessage.BLOCK_LENGTH];

    private final List<PeerMessage.Request> requests = new ArrayList<>(32);
    private final List<Boolean> dropped = new ArrayList<>(32);
    private int bytes;
    private ByteBuffer buffer;
    private String error;
    private volatile boolean done;

    /** Whether {@code request} still fits in the buffer. */
    boolean fits(PeerMessage.Request request) {
        return bytes + request.length() <= CAPACITY;
    }

    void add(PeerMessage.Request request) {
        requests.add(request);
        dropped.add(false);
        bytes += request.length();
    }

    /**
     * The peer cancelled {@code request} (a {@code request} message of the same piece, begin and
     * length): answers whether it was one of these, not yet dropped.
     */
    boolean cancel(PeerMessage.Request request) {
        for (int i = 0; i < requests.size(); i++) {
            if (!dropped.get(i) && requests.get(i).equals(request)) {
                dropped.set(i, true);
                return true;
            }
        }
        return false;
    }

    /**
     * On the disk pool: fills {@code target} (at least {@link #CAPACITY} bytes) with the requested
     * blocks, one read per run of consecutive blocks. Bytes past the end of a piece's data (a
     * block across a v2 file's end, which libtorrent asks for whole, see the session's
     * {@code servableLength}) are zeros.
     */
    void readFrom(PieceStore store, PieceGeometry geometry, ByteBuffer target) throws IOException {
        int runPiece = -1;
        int runBegin = 0;
        int runStart = 0;
        int runLength = 0;
        int at = 0;
        for (PeerMessage.Request request : requests) {
            int data = (int) Math.max(0, Math.min(request.length(), geometry.pieceLength(request.piece()) - request.begin()));
            if (request.piece() != runPiece || request.begin() != runBegin + runLength || runStart + runLength != at) {
                read(store, runPiece, runBegin, target, runStart, runLength);
                runPiece = request.piece();
                runBegin = request.begin();
                runStart = at;
                runLength = 0;
            }
            runLength += data;
            if (data < request.length()) {
                target.put(at + data, ZEROS, 0, request.length() - data); // a reused buffer holds old bytes there
            }
            at += request.length();
        }
        read(store, runPiece, runBegin, target, runStart, runLength);
    }

    private static void read(PieceStore store, int piece, int begin, ByteBuffer target, int from, int length) throws IOException {
        if (length > 0) {
            store.read(piece, begin, target.slice(from, length));
        }
    }

    /** On the disk pool, once: the filled buffer, or why it could not be filled. */
    void finished(ByteBuffer filled, String failure) {
        buffer = filled;
        error = failure;
        done = true;
    }

    boolean isDone() {
        return done;
    }

    /** Why the read failed; null when it did not. */
    String error() {
        return error;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    List<PeerMessage.Request> requests() {
        return requests;
    }

    boolean isDropped(int index) {
        return dropped.get(index);
    }

    @Override
    public String toString() {
        return "read of " + requests.size() + " blocks (" + bytes + " bytes" + (done ? ", done)" : ")");
    }
}
