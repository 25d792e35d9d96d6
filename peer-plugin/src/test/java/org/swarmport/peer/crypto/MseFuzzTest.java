package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random damage with fixed seeds: whatever a peer sends, a handshake either goes on, waits for
 * more, or fails with an {@link MseException}; it never throws anything else nor buffers without
 * bound.
 */
class MseFuzzTest {

    private static final SkeyIndex TORRENTS = SkeyIndex.of(List.of(MseHandshakeTest.SKEY));

    @Test
    void oneCorruptedByteAnywhereInEitherDirectionNeverYieldsMismatchedCiphers() {
        Random random = new Random(20261201);
        int keysCorrupted = 0;
        for (int i = 0; i < 300; i++) {
            MsePipe pipe = new MsePipe(
                    MseHandshake.initiator(MseHandshakeTest.SKEY, EncryptionPolicy.PREFERRED, MseHandshakeTest.BT_HANDSHAKE),
                    MseHandshake.responder(TORRENTS, EncryptionPolicy.PREFERRED));
            boolean keyCorrupted;
            if (random.nextBoolean()) {
                pipe.corruptToResponderAt = random.nextInt(800);
                keyCorrupted = pipe.corruptToResponderAt < DiffieHellman.KEY_BYTES;
            } else {
                pipe.corruptToInitiatorAt = random.nextInt(620);
                keyCorrupted = pipe.corruptToInitiatorAt < DiffieHellman.KEY_BYTES;
            }
            pipe.run(1 + random.nextInt(300));
            boolean bothDone = pipe.initiator.isDone() && pipe.responder.isDone();
            if (keyCorrupted) {
                // A damaged Ya or Yb gives the sides different secrets: they must never both finish.
                keysCorrupted++;
                assertTrue(!bothDone, "handshake finished with a corrupted public key (" + i + ")");
            }
            if (bothDone) {
                MseHandshakeTest.assertStreamFlows(pipe, pipe.initiator.result(), pipe.responder.result());
            }
        }
        assertTrue(keysCorrupted > 20, "public keys corrupted: " + keysCorrupted);
    }

    @Test
    void randomBytesNeverThrowAnythingButMseException() {
        Random random = new Random(6);
        for (int i = 0; i < 120; i++) {
            byte[] noise = new byte[random.nextInt(1500)];
            random.nextBytes(noise);
            for (EncryptionPolicy policy : EncryptionPolicy.values()) {
                MseHandshake responder = MseHandshake.responder(TORRENTS, policy);
                feedInPieces(responder, noise, random);
                MseHandshake initiator = MseHandshake.initiator(MseHandshakeTest.SKEY, policy, new byte[0]);
                if (!initiator.isDone()) {
                    feedInPieces(initiator, noise, random);
                }
            }
        }
    }

    @Test
    void mutatedRealOpeningNeverThrowsAnythingButMseException() throws MseException {
        Random random = new Random(42);
        MseHandshake honest = MseHandshake.initiator(MseHandshakeTest.SKEY, EncryptionPolicy.REQUIRED,
                MseHandshakeTest.BT_HANDSHAKE);
        byte[] opening = HostilePeer.drain(honest);
        for (int i = 0; i < 300; i++) {
            byte[] mutated = opening.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            feedInPieces(MseHandshake.responder(TORRENTS, EncryptionPolicy.PREFERRED), mutated, random);
        }
    }

    private static void feedInPieces(MseHandshake handshake, byte[] bytes, Random random) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        while (in.hasRemaining() && !handshake.isDone()) {
            int n = Math.min(in.remaining(), 1 + random.nextInt(200));
            ByteBuffer piece = in.slice(in.position(), n);
            try {
                handshake.receive(piece);
            } catch (MseException expected) {
                return;
            }
            in.position(in.position() + n - piece.remaining());
        }
    }
}
