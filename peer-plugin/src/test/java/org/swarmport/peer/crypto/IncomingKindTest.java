package org.swarmport.peer.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The rule that tells an incoming plaintext BEP 3 handshake from an MSE one, byte by byte. */
class IncomingKindTest {

    private static final byte[] HANDSHAKE = MseHandshakeTest.btHandshake(MseHandshakeTest.SKEY);

    @Test
    void everyPrefixOfAPlaintextHandshakeIsUndecidedUntilTwentyBytes_BEP3() {
        for (int n = 0; n < IncomingKind.PREFIX_LENGTH; n++) {
            assertEquals(IncomingKind.UNDECIDED, IncomingKind.classify(HANDSHAKE, 0, n), "after " + n + " bytes");
        }
        assertEquals(IncomingKind.PLAINTEXT, IncomingKind.classify(HANDSHAKE, 0, 20));
        assertEquals(IncomingKind.PLAINTEXT, IncomingKind.classify(HANDSHAKE, 0, 68));
    }

    @Test
    void theFirstDifferingByteDecidesEncrypted() {
        for (int at = 0; at < IncomingKind.PREFIX_LENGTH; at++) {
            byte[] bytes = HANDSHAKE.clone();
            bytes[at] ^= 0x20;
            assertEquals(IncomingKind.ENCRYPTED, IncomingKind.classify(bytes, 0, at + 1), "differs at " + at);
        }
        assertEquals(IncomingKind.ENCRYPTED, IncomingKind.classify(new byte[] {18}, 0, 1), "pstrlen other than 19");
    }

    @Test
    void bufferFormLeavesPositionAndLimitAlone() {
        ByteBuffer buffer = ByteBuffer.allocate(100).put(new byte[5]).put(HANDSHAKE).flip().position(5);
        assertEquals(IncomingKind.PLAINTEXT, IncomingKind.classify(buffer));
        assertEquals(5, buffer.position());
        assertEquals(73, buffer.limit());
        assertEquals(IncomingKind.UNDECIDED, IncomingKind.classify(ByteBuffer.allocate(0)));
    }
}
