package org.swarmport.peer.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random damage to valid bencode, for the fuzz tests of the decoder and of the parsers
 * built on it: one to three of a random byte, a structural byte, a truncation, a deleted byte,
 * a changed digit (lengths, sizes) or a duplicated slice.
 */
public final class ByteMutations {

    private static final byte[] STRUCTURE = "ilde:-0123456789".getBytes(StandardCharsets.US_ASCII);

    private ByteMutations() {
    }

    public static byte[] mutate(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0: // flip to a random byte
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1: // flip to a structural byte
                    bytes[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                    break;
                case 2: // truncate
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 3: // delete one byte
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                    break;
                case 4: // another digit in place: string lengths, file lengths, piece lengths
                    if (bytes[at] >= '0' && bytes[at] <= '9') {
                        bytes[at] = (byte) ('0' + random.nextInt(10));
                    }
                    break;
                default: // duplicate a slice in place
                    int length = random.nextInt(Math.min(64, bytes.length - at)) + 1;
                    byte[] longer = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, longer, 0, at + length);
                    System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                    bytes = longer;
            }
        }
        return bytes;
    }
}
