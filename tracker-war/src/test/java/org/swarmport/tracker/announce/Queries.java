package org.swarmport.tracker.announce;

/** Builds announce query strings as clients send them: binary values percent-encoded. */
final class Queries {

    private Queries() {
    }

    static String percent(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            text.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[20];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static String announce(byte[] infoHash, byte[] peerId, int port, long left, String extra) {
        return "info_hash=" + percent(infoHash) + "&peer_id=" + percent(peerId) + "&port=" + port
                + "&uploaded=0&downloaded=0&left=" + left + (extra.isEmpty() ? "" : "&" + extra);
    }
}
