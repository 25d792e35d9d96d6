package org.swarmport.peer.session;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buffers uploads are read into ({@link UploadRead}): direct, so that the socket write takes
 * them without another copy, and reused, so that a 512 KiB buffer is not allocated (and zeroed)
 * per read. A disk thread takes one, the network thread gives it back once the socket has taken
 * its bytes; at most {@link #KEPT} wait for reuse, any more in use at a peak are left to the
 * collector when given back. How many are in use at once is bounded by each peer's bytes in
 * flight ({@code TorrentSession.MAX_QUEUED_UPLOAD_BYTES}).
 */
final class UploadBuffers {

    /** Free buffers kept: 8 MiB, the in-flight limit of four busy peers. */
    static final int KEPT = 16;

    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    /** A buffer of {@link UploadRead#CAPACITY} bytes, old contents included; any thread. */
    ByteBuffer take() {
        ByteBuffer reused = free.poll();
        if (reused != null) {
            freeCount.decrementAndGet();
            return reused.clear();
        }
        return ByteBuffer.allocateDirect(UploadRead.CAPACITY);
    }

    /** Gives back a buffer whose bytes nobody reads any more; any thread. */
    void give(ByteBuffer buffer) {
        if (freeCount.incrementAndGet() <= KEPT) {
            free.offer(buffer);
        } else {
            freeCount.decrementAndGet();
        }
    }

    /** Buffers waiting to be reused. */
    int free() {
        return freeCount.get();
    }
}
