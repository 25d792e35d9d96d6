package org.swarmport.peer.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MessageReaderTest {

    private static final List<PeerMessage> EVERY_KIND = List.of(
            PeerMessage.KeepAlive.INSTANCE,
            PeerMessage.Simple.CHOKE, PeerMessage.Simple.UNCHOKE, PeerMessage.Simple.INTERESTED,
            PeerMessage.Simple.NOT_INTERESTED, PeerMessage.Simple.HAVE_ALL, PeerMessage.Simple.HAVE_NONE,
            new PeerMessage.Have(7), new PeerMessage.SuggestPiece(3), new PeerMessage.AllowedFast(9),
            new PeerMessage.BitfieldBits(new byte[] {(byte) 0xf0, 0x00}),
            PeerMessage.Request.request(1, 16384, 16384), PeerMessage.Request.cancel(1, 0, 16384),
            PeerMessage.Request.reject(2, 0, 100),
            new PeerMessage.Piece(4, 32768, new byte[] {1, 2, 3}),
            new PeerMessage.Port(6881),
            new PeerMessage.Extended(0, "d1:md11:ut_metadatai3eee".getBytes()));

    private static MessageReader reader() {
        return new MessageReader(MessageLimits.forPieces(12));
    }

    @Test
    void everyMessageKindRoundTrips_BEP3_BEP6_BEP10() throws Exception {
        for (PeerMessage message : EVERY_KIND) {
            ByteBuffer in = ByteBuffer.wrap(MessageWriter.toBytes(message));
            assertEquals(message, reader().read(in), message.toString());
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void wireLayoutOfARequestIsLengthIdIndexBeginLength_BEP3() {
        ByteBuffer bytes = ByteBuffer.wrap(MessageWriter.toBytes(PeerMessage.Request.request(1, 2, 3)));
        assertEquals(13, bytes.getInt());
        assertEquals(6, bytes.get());
        assertEquals(1, bytes.getInt());
        assertEquals(2, bytes.getInt());
        assertEquals(3, bytes.getInt());
    }

    @Test
    void messagesSplitAtEveryByteBoundaryAreReassembled() throws Exception {
        ByteBuffer all = ByteBuffer.allocate(4096);
        for (PeerMessage message : EVERY_KIND) {
            MessageWriter.write(message, all);
        }
        all.flip();
        byte[] stream = new byte[all.remaining()];
        all.get(stream);
        for (int chunk = 1; chunk <= 7; chunk++) {
            MessageReader reader = reader();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            List<PeerMessage> got = new ArrayList<>();
            for (int fed = 0; fed < stream.length; fed += chunk) {
                buffer.put(stream, fed, Math.min(chunk, stream.length - fed)).flip();
                for (PeerMessage m = reader.read(buffer); m != null; m = reader.read(buffer)) {
                    got.add(m);
                }
                buffer.compact();
            }
            assertEquals(EVERY_KIND, got, "chunk " + chunk);
        }
    }

    @Test
    void incompleteMessageConsumesNothing() throws Exception {
        byte[] bytes = MessageWriter.toBytes(PeerMessage.Request.request(1, 2, 3));
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, 10);
        assertNull(reader().read(in));
        assertEquals(0, in.position());
        assertEquals(17, reader().bytesNeeded(in));
    }

    @Test
    void pieceBlockOverSixteenKibIsRefusedFromItsPrefixAlone() {
        ByteBuffer in = ByteBuffer.allocate(5).putInt(9 + 16385).put((byte) 7).flip();
        WireException e = assertThrows(WireException.class, () -> reader().read(in));
        assertEquals("piece block of 16385 bytes exceeds the limit of 16384", e.getMessage());
    }

    @Test
    void hugeLengthPrefixIsRefusedBeforeAllocating() {
        ByteBuffer in = ByteBuffer.allocate(5).putInt(-1).put((byte) 20).flip();
        WireException e = assertThrows(WireException.class, () -> reader().read(in));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void bitfieldLongerThanTheTorrentNeedsIsRefused_BEP3() {
        ByteBuffer in = ByteBuffer.allocate(5).putInt(1 + 3).put((byte) 5).flip();
        WireException e = assertThrows(WireException.class, () -> reader().read(in));
        assertEquals("bitfield of 3 bytes exceeds the limit of 2", e.getMessage());
    }

    @Test
    void fixedSizeMessagesOfTheWrongSizeAreRefused() {
        int[][] cases = {{0, 2}, {1, 5}, {4, 4}, {4, 6}, {6, 12}, {8, 14}, {9, 2}, {14, 2}, {17, 1}, {16, 13 + 1}};
        for (int[] c : cases) {
            ByteBuffer in = ByteBuffer.allocate(5).putInt(c[1]).put((byte) c[0]).flip();
            WireException e = assertThrows(WireException.class, () -> reader().read(in), "id " + c[0]);
            assertTrue(e.getMessage().startsWith("message id " + c[0] + " of length " + c[1]), e.getMessage());
        }
    }

    @Test
    void pieceShorterThanItsHeaderIsRefused() {
        ByteBuffer in = ByteBuffer.allocate(5).putInt(8).put((byte) 7).flip();
        assertThrows(WireException.class, () -> reader().read(in));
    }

    @Test
    void negativeIndicesAndLengthsAreRefused() {
        ByteBuffer have = ByteBuffer.wrap(MessageWriter.toBytes(new PeerMessage.Have(-1)));
        assertThrows(WireException.class, () -> reader().read(have));
        ByteBuffer request = ByteBuffer.wrap(MessageWriter.toBytes(PeerMessage.Request.request(0, 0, 0)));
        assertThrows(WireException.class, () -> reader().read(request));
    }

    @Test
    void unknownMessageIdsAreSkippedWithoutBuffering() throws Exception {
        MessageReader reader = reader();
        ByteBuffer buffer = ByteBuffer.allocate(128);
        buffer.putInt(1 + 100).put((byte) 99).put(new byte[20]).flip(); // only 20 of 100 payload bytes yet
        assertEquals(new PeerMessage.Unknown(99, 101), reader.read(buffer));
        assertNull(reader.read(buffer));
        buffer.clear().put(new byte[80]);
        MessageWriter.write(new PeerMessage.Have(3), buffer);
        buffer.flip();
        assertEquals(new PeerMessage.Have(3), reader.read(buffer));
    }

    @Test
    void unknownMessageOverItsLimitIsRefused() {
        MessageReader reader = new MessageReader(new MessageLimits(2, 16384, 1024, 10));
        ByteBuffer in = ByteBuffer.allocate(5).putInt(12).put((byte) 50).flip();
        assertThrows(WireException.class, () -> reader.read(in));
    }

    @Test
    void bytesNeededNeverExceedsTheLimits() {
        MessageReader reader = reader();
        ByteBuffer in = ByteBuffer.allocate(5).putInt(Integer.MAX_VALUE).put((byte) 7).flip();
        assertTrue(reader.bytesNeeded(in) <= 4 + reader.limits().maxBufferedLength());
    }

    @Test
    void randomMutationsEitherDecodeOrFailWithAWireException() {
        Random random = new Random(20260);
        ByteBuffer all = ByteBuffer.allocate(4096);
        for (PeerMessage message : EVERY_KIND) {
            MessageWriter.write(message, all);
        }
        byte[] valid = new byte[all.flip().remaining()];
        all.get(valid);
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = valid.clone();
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            MessageReader reader = reader();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            try {
                int guard = 0;
                while (reader.read(in) != null) {
                    if (++guard > 1000) {
                        fail("reader loops");
                    }
                }
            } catch (WireException expected) {
                assertTrue(expected.getMessage().length() < 200);
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e, e);
            }
        }
    }

    @Test
    void keepAliveIsTheSharedInstance() throws Exception {
        assertSame(PeerMessage.KeepAlive.INSTANCE, reader().read(ByteBuffer.allocate(4)));
    }

    @Test
    void pieceViewsShowTheReceivedBlockWithoutCopyingIt_BEP3() throws Exception {
        ByteBuffer in = ByteBuffer.allocateDirect(64);
        in.put(MessageWriter.toBytes(new PeerMessage.Piece(4, 32768, new byte[] {1, 2, 3})));
        in.put(MessageWriter.toBytes(PeerMessage.Simple.UNCHOKE)).flip();
        MessageReader reader = new MessageReader(MessageLimits.forPieces(12), true);

        PeerMessage.PieceView view = (PeerMessage.PieceView) reader.read(in);
        assertEquals(new PeerMessage.Piece(4, 32768, new byte[] {1, 2, 3}), view.copy());
        assertTrue(view.block().isReadOnly());
        in.put(13, (byte) 9); // the block's first byte, in the connection's buffer
        assertEquals(9, view.block().get(0), "a view, not a copy");
        assertSame(PeerMessage.Simple.UNCHOKE, reader.read(in), "the view consumed exactly the piece message");
    }

    @Test
    void pieceViewsAreCheckedLikeCopies_BEP3() {
        ByteBuffer in = ByteBuffer.allocate(5).putInt(9 + 16385).put((byte) 7).flip();
        WireException e = assertThrows(WireException.class,
                () -> new MessageReader(MessageLimits.forPieces(12), true).read(in));
        assertEquals("piece block of 16385 bytes exceeds the limit of 16384", e.getMessage());
    }

    @Test
    void aPieceViewWritesTheSameBytesAsThePieceItShows() {
        PeerMessage.Piece piece = new PeerMessage.Piece(2, 16384, new byte[] {5, 6, 7, 8});
        PeerMessage.PieceView view = new PeerMessage.PieceView(2, 16384, ByteBuffer.wrap(piece.block()));
        assertEquals(java.util.Arrays.toString(MessageWriter.toBytes(piece)), java.util.Arrays.toString(MessageWriter.toBytes(view)));
        assertEquals(4, view.block().remaining(), "writing does not consume the view");
    }
}
