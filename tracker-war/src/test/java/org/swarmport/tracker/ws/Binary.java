package org.swarmport.tracker.ws;

/** 20-byte values as the 20-char binary strings webtorrent's client sends. */
final class Binary {

    private Binary() {
    }

    /** Distinct per {@code n}, with a NUL, a quote, a backslash and code points up to 255 in it. */
    static String of(int n) {
        StringBuilder text = new StringBuilder(20);
        text.append((char) 0).append('"').append('\\').append((char) 0xFF).append((char) 0x80);
        for (int i = 5; i < 20; i++) {
            text.append((char) ((n * 31 + i * 17) & 0xFF));
        }
        text.setCharAt(19, (char) (n & 0xFF));
        text.setCharAt(18, (char) ((n >> 8) & 0xFF));
        return text.toString();
    }

    static byte[] bytes(int n) {
        return WsRequest.bytes(of(n));
    }
}
