package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;

class PieceCheckTest {

    /** Sizes that give straddling pieces, a file of less than a block, one of exactly a piece, and a long one. */
    private static final int[] SIZES = {10_000, 1, 32_768, 100_000, 7};

    @Test
    void everyPieceOfEveryVersionMatchesItsOwnBytes_BEP3_BEP52() {
        for (MetainfoVersion version : MetainfoVersion.values()) {
            Content content = Content.of(version, 32768, SIZES);
            PieceMap map = PieceMap.of(content.metainfo);
            for (int piece = 0; piece < map.pieceCount(); piece++) {
                assertTrue(PieceCheck.matches(content.metainfo, map, piece, ByteBuffer.wrap(content.piece(piece))),
                        version + " piece " + piece);
            }
        }
    }

    @Test
    void oneFlippedBitFailsThePieceInEveryVersion() {
        for (MetainfoVersion version : MetainfoVersion.values()) {
            Content content = Content.of(version, 32768, SIZES);
            PieceMap map = PieceMap.of(content.metainfo);
            for (int piece = 0; piece < map.pieceCount(); piece++) {
                byte[] bytes = content.piece(piece);
                int at = (piece * 7919) % dataLength(content, map, piece);
                bytes[at] ^= 0x10;
                assertFalse(PieceCheck.matches(content.metainfo, map, piece, ByteBuffer.wrap(bytes)),
                        version + " piece " + piece + " byte " + at);
            }
        }
    }

    /** Bytes of the piece that a file holds (a v2 tree covers no padding), so the flipped bit is in data. */
    private static int dataLength(Content content, PieceMap map, int piece) {
        return map.spans(piece).stream().filter(span -> !span.padding()).mapToInt(FileSpan::length).sum();
    }

    @Test
    void v1CountsPadBytesButV2DoesNot_BEP47_BEP52() {
        Content hybrid = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        PieceMap map = PieceMap.of(hybrid.metainfo);
        byte[] piece = hybrid.piece(1);
        piece[piece.length - 1] = 1; // inside the pad file
        assertFalse(PieceCheck.matches(hybrid.metainfo, map, 1, ByteBuffer.wrap(piece)), "v1 hashes the pad's zeros");

        Content v2 = Content.of(MetainfoVersion.V2, 16384, 20_000, 5);
        byte[] gapped = v2.piece(1);
        gapped[gapped.length - 1] = 1; // inside the alignment gap
        assertTrue(PieceCheck.matches(v2.metainfo, PieceMap.of(v2.metainfo), 1, ByteBuffer.wrap(gapped)),
                "the v2 tree covers the file's bytes only");
    }

    @Test
    void aHybridPieceFailsWhenOnlyItsV1HashIsWrong_BEP52() throws Exception {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 40_000);
        byte[] raw = content.metainfo.rawBytes();
        byte[] v1Hash = content.metainfo.pieceHashV1(1);
        int at = indexOf(raw, v1Hash);
        raw[at] ^= 1;
        Metainfo wrongV1 = MetainfoParser.parse(raw);
        PieceMap map = PieceMap.of(wrongV1);
        assertFalse(PieceCheck.matches(wrongV1, map, 1, ByteBuffer.wrap(content.piece(1))));
        assertTrue(PieceCheck.matches(wrongV1, map, 0, ByteBuffer.wrap(content.piece(0))));
    }

    @Test
    void aHybridPieceFailsWhenOnlyItsV2HashIsWrong_BEP52() throws Exception {
        // One file of one piece: its pieces root is its only piece hash, and no piece layer names it.
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 10_000);
        byte[] raw = content.metainfo.rawBytes();
        FileEntry file = content.metainfo.files().get(0);
        int at = indexOf(raw, file.piecesRoot().orElseThrow().bytes());
        raw[at] ^= 1;
        Metainfo wrongV2 = MetainfoParser.parse(raw);
        assertFalse(PieceCheck.matches(wrongV2, PieceMap.of(wrongV2), 0, ByteBuffer.wrap(content.piece(0))));
        assertTrue(PieceCheck.matches(content.metainfo, PieceMap.of(content.metainfo), 0, ByteBuffer.wrap(content.piece(0))));
    }

    @Test
    void bytesFedInAnyChunkingGiveTheSameAnswer() {
        Content content = Content.of(MetainfoVersion.HYBRID, 65536, 150_000);
        PieceMap map = PieceMap.of(content.metainfo);
        byte[] piece = content.piece(1);
        for (int chunk : new int[] {1, 1000, 16383, 16384, 16385, 65536}) {
            PieceCheck check = new PieceCheck(content.metainfo, map, 1);
            for (int at = 0; at < piece.length; at += chunk) {
                check.update(ByteBuffer.wrap(piece, at, Math.min(chunk, piece.length - at)));
            }
            assertTrue(check.matches(), "chunks of " + chunk);
        }
    }

    @Test
    void aCheckRefusesTooManyBytesAndAnswersOnlyWhenFed() {
        Content content = Content.of(MetainfoVersion.V1, 16384, 20_000);
        PieceMap map = PieceMap.of(content.metainfo);
        PieceCheck check = new PieceCheck(content.metainfo, map, 1);
        assertThrows(IllegalArgumentException.class, () -> check.update(ByteBuffer.allocate(3617)));
        check.update(ByteBuffer.allocate(100));
        assertEquals(3516, check.remaining());
        IllegalStateException early = assertThrows(IllegalStateException.class, check::matches);
        assertEquals("piece checked with 3516 of its 3616 bytes missing", early.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
