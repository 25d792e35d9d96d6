package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

class PieceMapTest {

    private static FileSpan file(int file, long fileOffset, int pieceOffset, int length) {
        return new FileSpan(file, fileOffset, pieceOffset, length, false);
    }

    @Test
    void aV1PieceStraddlesOneByteAndEmptyFilesWhichHoldNoSpan_BEP3() {
        // f00: 1 byte, f01: empty, f02: 5 bytes, f03: 40,000 bytes, f04: empty.
        PieceMap map = PieceMap.of(Content.of(MetainfoVersion.V1, 16384, 1, 0, 5, 40_000, 0).metainfo);
        assertEquals(3, map.pieceCount());
        assertEquals(40_006, map.totalSpace());
        assertEquals(List.of(file(0, 0, 0, 1), file(2, 0, 1, 5), file(3, 0, 6, 16378)), map.spans(0));
        assertEquals(List.of(file(3, 16378, 0, 16384)), map.spans(1));
        assertEquals(List.of(file(3, 32762, 0, 7238)), map.spans(2));
        assertEquals(7238, map.pieceSize(2));
        assertArrayEquals(new int[] {0, 2, 3}, map.filesOf(0));
        assertEquals(0, map.firstPiece(1));
        assertEquals(-1, map.lastPiece(1), "an empty file holds no piece");
        assertEquals(0, map.firstPiece(3));
        assertEquals(2, map.lastPiece(3));
        assertEquals(2, map.firstPiece(4), "an empty file at the end sits at the last piece");
    }

    @Test
    void aPieceLongerThanTheTorrentIsOneShortPiece_BEP3() {
        PieceMap map = PieceMap.of(Content.of(MetainfoVersion.V1, 65536, 3, 4).metainfo);
        assertEquals(1, map.pieceCount());
        assertEquals(7, map.pieceSize(0));
        assertEquals(1, map.blockCount(0));
        assertEquals(List.of(file(0, 0, 0, 3), file(1, 0, 3, 4)), map.spans(0));
    }

    @Test
    void hybridPadFilesAreSpansMarkedPaddingAndAlignTheNextFile_BEP47() {
        Content content = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 5);
        PieceMap map = PieceMap.of(content.metainfo);
        assertTrue(content.metainfo.files().get(1).padding());
        assertEquals(3, map.pieceCount());
        assertEquals(List.of(file(0, 16384, 0, 3616), new FileSpan(1, 0, 3616, 12768, true)), map.spans(1));
        assertEquals(List.of(file(2, 0, 0, 5)), map.spans(2));
        assertEquals(5, map.pieceSize(2));
        assertEquals(List.of(file(0, 19384, 3000, 616), new FileSpan(1, 0, 3616, 384, true)), map.spans(1, 3000, 1000));
    }

    @Test
    void v2FilesStartOnPieceBoundariesWithAGapOfZerosBetween_BEP52() {
        PieceMap map = PieceMap.of(Content.of(MetainfoVersion.V2, 16384, 20_000, 5).metainfo);
        assertEquals(3, map.pieceCount());
        assertEquals(List.of(file(0, 16384, 0, 3616), new FileSpan(FileSpan.GAP, 0, 3616, 12768, true)), map.spans(1));
        assertEquals(16384, map.pieceSize(1), "the gap is part of the piece on the wire");
        assertEquals(List.of(file(1, 0, 0, 5), new FileSpan(FileSpan.GAP, 0, 5, 16379, true)), map.spans(2));
        assertEquals(16384, map.pieceSize(2), "the last piece too is whole, as libtorrent sends and requests it");
        assertEquals(5, map.dataLength(2));
        assertEquals(3 * 16384, map.totalSpace());
    }

    @Test
    void aBlockIsMappedByteForByteAcrossFileBoundaries() {
        PieceMap map = PieceMap.of(Content.of(MetainfoVersion.V1, 32768, 10_000, 1, 30_000, 7).metainfo);
        // Piece 0 holds f00 (10,000), f01 (1), f02's first 22,767 bytes.
        assertEquals(List.of(file(0, 9_999, 9_999, 1), file(1, 0, 10_000, 1), file(2, 0, 10_001, 3)),
                map.spans(0, 9_999, 5));
        assertEquals(List.of(file(2, 22_767, 0, 7_233), file(3, 0, 7_233, 7)), map.spans(1));
    }

    @Test
    void everyByteOfPieceSpaceIsInExactlyOneSpanForRandomLayouts() {
        Random random = new Random(52);
        for (MetainfoVersion version : MetainfoVersion.values()) {
            for (int round = 0; round < 20; round++) {
                int[] sizes = new int[1 + random.nextInt(6)];
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(70_000);
                }
                sizes[random.nextInt(sizes.length)] += 1;
                Metainfo metainfo = Content.of(version, 16384, sizes).metainfo;
                PieceMap map = PieceMap.of(metainfo);
                String layout = version + " " + Arrays.toString(sizes);
                long covered = 0;
                for (int piece = 0; piece < map.pieceCount(); piece++) {
                    int expectedOffset = 0;
                    for (FileSpan span : map.spans(piece)) {
                        assertEquals(expectedOffset, span.pieceOffset(), layout);
                        if (span.file() != FileSpan.GAP) {
                            FileEntry file = metainfo.files().get(span.file());
                            assertEquals(map.pieceStart(piece) + span.pieceOffset(), file.offset() + span.fileOffset(), layout);
                            assertTrue(span.fileOffset() + span.length() <= file.length(), layout);
                            assertEquals(file.padding(), span.padding(), layout);
                        }
                        expectedOffset += span.length();
                    }
                    assertEquals(map.pieceSize(piece), expectedOffset);
                    covered += expectedOffset;
                    // Any block of the piece maps to the same bytes as the whole piece does.
                    int offset = random.nextInt(map.pieceSize(piece));
                    int length = 1 + random.nextInt(map.pieceSize(piece) - offset);
                    long at = map.pieceStart(piece) + offset;
                    for (FileSpan span : map.spans(piece, offset, length)) {
                        assertEquals(at, map.pieceStart(piece) + span.pieceOffset(), layout);
                        at += span.length();
                    }
                    assertEquals(map.pieceStart(piece) + offset + length, at, layout);
                }
                assertEquals(map.totalSpace(), covered);
            }
        }
    }

    @Test
    void rangesOutsideThePieceAreRefusedWithTheirNumbers() {
        PieceMap map = PieceMap.of(Content.of(MetainfoVersion.V1, 16384, 20_000).metainfo);
        IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> map.spans(1, 3000, 1000));
        assertEquals("bytes 3000+1000 are outside piece 1 of 3616 bytes", beyond.getMessage());
        assertThrows(IllegalArgumentException.class, () -> map.spans(0, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> map.spans(0, Integer.MAX_VALUE, 10));
        IllegalArgumentException noPiece = assertThrows(IllegalArgumentException.class, () -> map.pieceSize(2));
        assertEquals("piece 2 is not one of the torrent's 2", noPiece.getMessage());
        assertThrows(IllegalArgumentException.class, () -> map.spans(-1));
    }
}
