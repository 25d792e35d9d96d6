package org.swarmport.tracker.udp;

import java.nio.ByteBuffer;

/** Hand-built BEP 15 request datagrams for tests. */
final class Packets {

    static final long CONNECTION_ID = 0x0102030405060708L;
    static final int TRANSACTION_ID = 0xCAFEBABE;
    /** BEP 15 event codes. */
    static final int STARTED = 2;
    static final int STOPPED = 3;

    private Packets() {
    }

    static byte[] connect(int transactionId) {
        return ByteBuffer.allocate(16).putLong(0x41727101980L).putInt(0).putInt(transactionId).array();
    }

    /** A 98-byte announce followed by {@code options} (BEP 41). */
    static byte[] announce(int event, byte... options) {
        ByteBuffer b = ByteBuffer.allocate(98 + options.length);
        b.putLong(CONNECTION_ID).putInt(1).putInt(TRANSACTION_ID);
        b.put(filled(20, 0x11));
        b.put(filled(20, 0x22));
        b.putLong(1000).putLong(2000).putLong(3000);
        b.putInt(event).putInt(0).putInt(0x12345678).putInt(-1).putShort((short) 6881);
        b.put(options);
        return b.array();
    }

    /** A 98-byte announce with every field chosen; key is the peer id's first byte. */
    static byte[] announce(long connectionId, int transactionId, byte[] infoHash, byte[] peerId, long left,
            int event, int numWant, int port) {
        return ByteBuffer.allocate(98)
                .putLong(connectionId).putInt(1).putInt(transactionId)
                .put(infoHash).put(peerId)
                .putLong(0).putLong(left).putLong(0)
                .putInt(event).putInt(0).putInt(peerId[0]).putInt(numWant).putShort((short) port)
                .array();
    }

    /** A peer id of its own for each address and port: the registry tells peers apart by it. */
    static byte[] peerId(byte[] address, int port) {
        return ByteBuffer.allocate(20).put(address).putShort((short) port).array();
    }

    static byte[] scrape(long connectionId, int transactionId, byte[]... hashes) {
        ByteBuffer b = ByteBuffer.allocate(16 + 20 * hashes.length).putLong(connectionId).putInt(2).putInt(transactionId);
        for (byte[] hash : hashes) {
            b.put(hash);
        }
        return b.array();
    }

    static byte[] scrape(int hashes) {
        ByteBuffer b = ByteBuffer.allocate(16 + 20 * hashes);
        b.putLong(CONNECTION_ID).putInt(2).putInt(TRANSACTION_ID);
        for (int i = 0; i < hashes; i++) {
            b.put(filled(20, i));
        }
        return b.array();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            b.put(part);
        }
        return b.array();
    }
}
