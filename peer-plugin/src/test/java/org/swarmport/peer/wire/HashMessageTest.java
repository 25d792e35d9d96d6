package org.swarmport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BEP 52's hash request, hashes and hash reject on the wire, and what the reader refuses. */
class HashMessageTest {

    private static final byte[] ROOT = new byte[32];

    static {
        Arrays.fill(ROOT, (byte) 0xab);
    }

    private static MessageReader reader() {
        return new MessageReader(MessageLimits.forPieces(100));
    }

    @Test
    void hashRequestIsRootThenBaseIndexLengthProofLayers_BEP52() {
        ByteBuffer bytes = ByteBuffer.wrap(MessageWriter.toBytes(PeerMessage.HashMessage.request(ROOT, 6, 512, 512, 9)));
        assertEquals(49, bytes.getInt());
        assertEquals(21, bytes.get());
        byte[] root = new byte[32];
        bytes.get(root);
        assertTrue(Arrays.equals(ROOT, root));
        assertEquals(6, bytes.getInt());
        assertEquals(512, bytes.getInt());
        assertEquals(512, bytes.getInt());
        assertEquals(9, bytes.getInt());
        assertEquals(0, bytes.remaining());
    }

    @Test
    void requestAnswerAndRejectRoundTrip_BEP52() throws Exception {
        PeerMessage.HashMessage request = PeerMessage.HashMessage.request(ROOT, 2, 0, 4, 1);
        byte[] hashes = new byte[5 * 32];
        new Random(52).nextBytes(hashes);
        for (PeerMessage.HashMessage message : new PeerMessage.HashMessage[] {request, request.answer(hashes), request.reject()}) {
            ByteBuffer in = ByteBuffer.wrap(MessageWriter.toBytes(message));
            PeerMessage read = reader().read(in);
            assertEquals(message, read);
            assertTrue(((PeerMessage.HashMessage) read).sameRange(request));
            assertEquals(0, in.remaining());
        }
        assertEquals(22, MessageWriter.toBytes(request.answer(hashes))[4]);
        assertEquals(23, MessageWriter.toBytes(request.reject())[4]);
    }

    @Test
    void requestOrRejectOfAnyOtherLengthIsRefused_BEP52() {
        for (int id : new int[] {21, 23}) {
            for (int length : new int[] {1, 48, 50, 81}) {
                ByteBuffer in = ByteBuffer.allocate(5).putInt(length).put((byte) id).flip();
                WireException e = assertThrows(WireException.class, () -> reader().read(in));
                assertEquals("message id " + id + " of length " + length + " (expected 49)", e.getMessage());
            }
        }
    }

    @Test
    void hashesThatAreNotWholeHashesAreRefused_BEP52() {
        for (int length : new int[] {1, 48, 50, 49 + 31, 49 + 33}) {
            ByteBuffer in = ByteBuffer.allocate(5).putInt(length).put((byte) 22).flip();
            WireException e = assertThrows(WireException.class, () -> reader().read(in));
            assertTrue(e.getMessage().startsWith("hashes message of length " + length), e.getMessage());
        }
    }

    @Test
    void moreHashesThanAnyRequestCoversAreRefusedFromThePrefixAlone() {
        int length = 49 + 32 * (MessageLimits.MAX_HASHES + 1);
        ByteBuffer in = ByteBuffer.allocate(5).putInt(length).put((byte) 22).flip();
        WireException e = assertThrows(WireException.class, () -> reader().read(in));
        assertEquals("hashes message with 8225 hashes exceeds the limit of 8224", e.getMessage());
    }

    @Test
    void fieldsAboveTwoToTheThirtyOneAreRefused() {
        for (int field = 0; field < 4; field++) {
            ByteBuffer bytes = ByteBuffer.wrap(MessageWriter.toBytes(PeerMessage.HashMessage.request(ROOT, 1, 2, 4, 1)));
            bytes.putInt(5 + 32 + 4 * field, -1);
            int which = field;
            WireException e = assertThrows(WireException.class, () -> reader().read(bytes));
            assertTrue(e.getMessage().startsWith("hash message with "
                    + new String[] {"base layer", "index", "length", "proof layers"}[which]), e.getMessage());
        }
    }

    @Test
    void randomMutationsNeverEscapeAsAnythingButWireExceptions() {
        Random random = new Random(521);
        byte[] hashes = new byte[3 * 32];
        byte[] good = MessageWriter.toBytes(PeerMessage.HashMessage.request(ROOT, 0, 0, 2, 1).answer(hashes));
        for (int i = 0; i < 5_000; i++) {
            byte[] mutated = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                reader().read(ByteBuffer.wrap(mutated));
            } catch (WireException expected) {
                // a precise refusal is the only other outcome
            }
        }
    }
}
