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
    final ByteBuffer toResponder = ByteBuffer.allocate(16 * 1024);
    final ByteBuffer toInitiator = ByteBuffer.allocate(16 * 1024);
    final List<MseException> failures = new ArrayList<>();
    /** Offset in the initiator-to-responder traffic whose byte gets flipped, or -1. */
    long corruptToResponderAt = -1;
    /** Offset in the responder-to-initiator traffic whose byte gets flipped, or -1. */
    long corruptToInitiatorAt = -1;
    private long sentToResponder;
    private long sentToInitiator;

    MsePipe(MseHandshake initiator, MseHandshake responder) {
        this.initiator = initiator;
        this.responder = responder;
    }

    /** Runs until both are done, one fails, or nothing moves; answers this pipe. */
    MsePipe run(int chunk) {
        for (int round = 0; round < 1_000_000; round++) {
            boolean moved = transfer(initiator, toResponder, chunk, true) | transfer(responder, toInitiator, chunk, false);
            moved |= feed(responder, toResponder, chunk) | feed(initiator, toInitiator, chunk);
            if (!failures.isEmpty() || !moved) {
                return this;
            }
        }
        throw new AssertionError("handshake did not settle");
    }

    private boolean transfer(MseHandshake from, ByteBuffer to, int chunk, boolean toResponderSide) {
        ByteBuffer out = from.output();
        int n = Math.min(out.remaining(), chunk);
        if (n == 0) {
            return false;
        }
        long sent = toResponderSide ? sentToResponder : sentToInitiator;
        long corruptAt = toResponderSide ? corruptToResponderAt : corruptToInitiatorAt;
        int start = to.position();
        to.put(out.slice(out.position(), n));
        out.position(out.position() + n);
        if (corruptAt >= sent && corruptAt < sent + n) {
            int at = start + (int) (corruptAt - sent);
            to.put(at, (byte) (to.get(at) ^ 0x5a));
        }
        if (toResponderSide) {
            sentToResponder += n;
        } else {
            sentToInitiator += n;
        }
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
