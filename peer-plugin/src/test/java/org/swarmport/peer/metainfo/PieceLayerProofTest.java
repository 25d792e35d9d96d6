package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BEP 52 hash transfer of a piece layer: what we ask, what we check, what we answer. */
class PieceLayerProofTest {

    private static final long PIECE = 64 * 1024;

    private static byte[] layer(int pieces, long seed) {
        byte[] layer = new byte[pieces * 32];
        new Random(seed).nextBytes(layer);
        return layer;
    }

    @Test
    void requestsCoverTheLayerInChunksOf512ProvenToTheRoot_BEP52() {
        assertEquals(List.of(new PieceLayerProof.Range(0, 2, 0)), List.of(PieceLayerProof.requests(2)));
        assertEquals(List.of(new PieceLayerProof.Range(0, 4, 1)), List.of(PieceLayerProof.requests(3)));
        assertEquals(List.of(new PieceLayerProof.Range(0, 512, 8)), List.of(PieceLayerProof.requests(512)));
        assertEquals(List.of(new PieceLayerProof.Range(0, 512, 9), new PieceLayerProof.Range(512, 2, 9)),
                List.of(PieceLayerProof.requests(513)));
        assertEquals(List.of(new PieceLayerProof.Range(0, 512, 9), new PieceLayerProof.Range(512, 512, 9)),
                List.of(PieceLayerProof.requests(1000)));
    }

    @Test
    void thePieceLayerIsCountedFromTheSixteenKibLeaves_BEP52() {
        assertEquals(0, PieceLayerProof.baseLayer(16 * 1024));
        assertEquals(2, PieceLayerProof.baseLayer(64 * 1024));
        assertEquals(6, PieceLayerProof.baseLayer(1 << 20));
    }

    @Test
    void everyAnswerWeGiveVerifiesAndTogetherTheyAreTheLayer_BEP52() throws Exception {
        for (int pieces : new int[] {2, 3, 5, 511, 512, 513, 1000, 1024, 5000}) {
            byte[] layer = layer(pieces, pieces);
            byte[] root = MerkleTree.rootFromPieceLayer(layer, PIECE);
            ByteArrayOutputStream fetched = new ByteArrayOutputStream();
            for (PieceLayerProof.Range range : PieceLayerProof.requests(pieces)) {
                byte[] answer = PieceLayerProof.answer(layer, PIECE, range.index(), range.count(), range.proofLayers())
                        .orElseThrow(() -> new AssertionError(pieces + " pieces: no answer to " + range));
                byte[] hashes = PieceLayerProof.verify(root, PIECE, pieces, range.index(), range.count(),
                        range.proofLayers(), answer).orElseThrow(() -> new AssertionError(pieces + ": " + range));
                int real = Math.min(range.count(), pieces - range.index());
                fetched.write(hashes, 0, real * 32);
            }
            assertArrayEquals(layer, fetched.toByteArray(), pieces + " pieces");
        }
    }

    @Test
    void anyChangedHashOrUncleFailsTheProof_BEP52() {
        int pieces = 1000;
        byte[] layer = layer(pieces, 7);
        byte[] root = MerkleTree.rootFromPieceLayer(layer, PIECE);
        PieceLayerProof.Range second = PieceLayerProof.requests(pieces)[1];
        byte[] answer = PieceLayerProof.answer(layer, PIECE, second.index(), second.count(), second.proofLayers()).orElseThrow();
        assertEquals((512 + 1) * 32, answer.length, "512 hashes and the uncle at the layer below the root");
        for (int at = 0; at < answer.length; at += 97) {
            byte[] bad = answer.clone();
            bad[at] ^= 1;
            assertEquals(Optional.empty(), PieceLayerProof.verify(root, PIECE, pieces, second.index(), second.count(),
                    second.proofLayers(), bad), "byte " + at);
        }
        byte[] otherRoot = root.clone();
        otherRoot[0] ^= 1;
        assertTrue(PieceLayerProof.verify(otherRoot, PIECE, pieces, 512, 512, 9, answer).isEmpty());
    }

    @Test
    void malformedAnswersAndRequestsAreRefused_BEP52() {
        int pieces = 1000;
        byte[] layer = layer(pieces, 8);
        byte[] root = MerkleTree.rootFromPieceLayer(layer, PIECE);
        byte[] answer = PieceLayerProof.answer(layer, PIECE, 0, 512, 9).orElseThrow();
        // one hash short, one too many, an empty answer
        assertTrue(PieceLayerProof.verify(root, PIECE, pieces, 0, 512, 9, java.util.Arrays.copyOf(answer, answer.length - 32)).isEmpty());
        assertTrue(PieceLayerProof.verify(root, PIECE, pieces, 0, 512, 9, java.util.Arrays.copyOf(answer, answer.length + 32)).isEmpty());
        assertTrue(PieceLayerProof.verify(root, PIECE, pieces, 0, 512, 9, new byte[0]).isEmpty());
        // an answer whose proof stops short of the root proves nothing to us
        assertTrue(PieceLayerProof.verify(root, PIECE, pieces, 0, 512, 8, java.util.Arrays.copyOf(answer, 512 * 32)).isEmpty());
        int[][] badRequests = {{-1, 2, 9}, {1, 2, 9}, {0, 0, 9}, {0, 2048, 9}, {1024, 2, 9}, {0, 512, 10}, {0, 512, -1},
                {0, 16384, 9}, {512, 1024, 9}};
        for (int[] r : badRequests) {
            assertTrue(PieceLayerProof.answer(layer, PIECE, r[0], r[1], r[2]).isEmpty(), java.util.Arrays.toString(r));
            assertTrue(PieceLayerProof.verify(root, PIECE, pieces, r[0], r[1], r[2], answer).isEmpty(),
                    java.util.Arrays.toString(r));
        }
    }

    @Test
    void theWholeLayerInOneAnswerNeedsNoUncles_BEP52() {
        byte[] layer = layer(300, 9);
        byte[] root = MerkleTree.rootFromPieceLayer(layer, PIECE);
        byte[] answer = PieceLayerProof.answer(layer, PIECE, 0, 512, 0).orElseThrow();
        assertEquals(512 * 32, answer.length);
        byte[] hashes = PieceLayerProof.verify(root, PIECE, 300, 0, 512, 8, answer).orElseThrow();
        assertArrayEquals(layer, java.util.Arrays.copyOf(hashes, 300 * 32));
    }
}
