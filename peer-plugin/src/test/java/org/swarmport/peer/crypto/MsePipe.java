package org.swarmport.peer.crypto;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Two handshakes wired back to back in memory, as two NIO connections would be: each one's output
 * goes to the other's input, {@code chunk} bytes at a time, and bytes a handshake leaves unconsumed
 * stay at the head of its input, where a selector loop's read buffer keeps them.
 */
final class MsePipe {

    final MseHandshake initiator;
    final MseHandshake responder;
    final ByteBuffer toResponder = ByteBuffer.allocate(1 << 20);
    final ByteBuffer toInitiator = ByteBuffer.allocate(1 << 20);
    final List<MseException> failures = new ArrayList<>();

    MsePipe(MseHandshake initiator, MseHandshake responder) {
        this.initiator = initiator;
        this.responder = responder;
    }

    /** Runs until both are done, one fails, or nothing moves; answers this pipe. */
    MsePipe run(int chunk) {
        for (int round = 0; round < 1_000_000; round++) {
            boolean moved = transfer(initiator, toResponder, chunk) | transfer(responder, toInitiator, chunk);
            moved |= feed(responder, toResponder, chunk) | feed(initiator, toInitiator, chunk);
            if (!failures.isEmpty() || !moved) {
                return this;
            }
        }
        throw new AssertionError("handshake did not settle");
    }

    private static boolean transfer(MseHandshake from, ByteBuffer to, int chunk) {
        ByteBuffer out = from.output();
        int n = Math.min(out.remaining(), chunk);
        if (n == 0) {
            return false;
        }
        ByteBuffer slice = out.slice(out.position(), n);
        to.put(slice);
        out.position(out.position() + n);
        return true;
    }

    private boolean feed(MseHandshake to, ByteBuffer inbox, int chunk) {
        if (to.isDone() || to.isFailed() || inbox.position() == 0) {
            return false;
        }
        inbox.flip();
        ByteBuffer offered = inbox.slice(0, Math.min(chunk, inbox.remaining()));
        int before = offered.remaining();
        try {
            to.receive(offered);
        } catch (MseException e) {
            failures.add(e);
        }
        int consumed = before - offered.remaining();
        inbox.position(consumed);
        inbox.compact();
        return consumed > 0 || to.isDone();
    }

    /** Bytes that arrived at {@code side} after its handshake ended, deciphered. */
    static byte[] leftover(ByteBuffer inbox, NegotiatedStream stream) {
        ByteBuffer copy = inbox.duplicate().flip();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        stream.inbound().apply(bytes, 0, bytes.length);
        return bytes;
    }
}
