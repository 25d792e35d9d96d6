package org.swarmport.tracker.announce;

/**
 * How real clients percent-encode binary values in tracker URLs, so tests can build the
 * query strings they send rather than idealised ones.
 */
final class ClientEscaping {

    private ClientEscaping() {
    }

    /** libtorrent's {@code escape_string}: lower-case hex, keeps alphanumerics and {@code -_!.~*()}. */
    static String libtorrent(byte[] bytes) {
        return escape(bytes, "-_!.~*()", "0123456789abcdef");
    }

    /** Transmission's {@code tr_http_escape_sha1}: lower-case hex, keeps alphanumerics and {@code .-_~}. */
    static String transmission(byte[] bytes) {
        return escape(bytes, ".-_~", "0123456789abcdef");
    }

    /** aria2's {@code util::percentEncode}: upper-case hex, keeps alphanumerics and {@code -._~}. */
    static String aria2(byte[] bytes) {
        return escape(bytes, "-._~", "0123456789ABCDEF");
    }

    /** Every byte as {@code %XX}, upper-case. */
    static String everyByte(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append('%').append(String.format("%02X", b & 0xff));
        }
        return text.toString();
    }

    private static String escape(byte[] bytes, String unreserved, String hex) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alphanumeric || (c < 0x80 && unreserved.indexOf(c) >= 0)) {
                text.append(c);
            } else {
                text.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 15));
            }
        }
        return text.toString();
    }
}
