package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static byte[] concat(byte[]... hashes) {
        byte[] all = new byte[hashes.length * 32];
        for (int i = 0; i < hashes.length; i++) {
            System.arraycopy(hashes[i], 0, all, i * 32, 32);
        }
        return all;
    }

    @Test
    void aSingleLeafIsItsOwnRoot_BEP52() throws Exception {
        byte[] leaf = sha256("x".getBytes());
        assertArrayEquals(leaf, MerkleTree.root(leaf, 1, new byte[32]));
    }

    @Test
    void leavesArePaddedWithZeroHashesToAPowerOfTwo_BEP52() throws Exception {
        byte[] a = sha256("a".getBytes());
        byte[] b = sha256("b".getBytes());
        byte[] c = sha256("c".getBytes());
        byte[] zero = new byte[32];
        byte[] expected = sha256(sha256(a, b), sha256(c, zero));
        assertArrayEquals(expected, MerkleTree.root(concat(a, b, c), 3, zero));
        byte[] five = sha256(sha256(sha256(a, b), sha256(c, a)), sha256(sha256(b, zero), sha256(zero, zero)));
        assertArrayEquals(five, MerkleTree.root(concat(a, b, c, a, b), 5, zero));
    }

    @Test
    void zeroSubtreesAreHashesOfZeroHashes_BEP52() throws Exception {
        assertArrayEquals(new byte[32], MerkleTree.zeroSubtree(1));
        assertArrayEquals(sha256(new byte[32], new byte[32]), MerkleTree.zeroSubtree(2));
        byte[] two = sha256(new byte[32], new byte[32]);
        assertArrayEquals(sha256(two, two), MerkleTree.zeroSubtree(4));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.zeroSubtree(3));
    }

    @Test
    void theRootFromAPieceLayerEqualsTheRootOverAllBlocks_BEP52() throws Exception {
        // 5 blocks in pieces of 2 blocks (32 KiB): the piece layer has 3 hashes, the last piece half empty.
        Random random = new Random(52);
        byte[][] blocks = new byte[5][];
        for (int i = 0; i < 5; i++) {
            byte[] block = new byte[i == 4 ? 1000 : MerkleTree.BLOCK_SIZE];
            random.nextBytes(block);
            blocks[i] = sha256(block);
        }
        byte[] direct = MerkleTree.root(concat(blocks), 5, new byte[32]);
        byte[] layer = concat(
                MerkleTree.rootOfBlocks(concat(blocks[0], blocks[1]), 2),
                MerkleTree.rootOfBlocks(concat(blocks[2], blocks[3]), 2),
                MerkleTree.rootOfBlocks(blocks[4], 2));
        assertArrayEquals(direct, MerkleTree.rootFromPieceLayer(layer, 2 * MerkleTree.BLOCK_SIZE));
        assertArrayEquals(Arrays.copyOfRange(layer, 64, 96), sha256(blocks[4], new byte[32]));
    }
}
