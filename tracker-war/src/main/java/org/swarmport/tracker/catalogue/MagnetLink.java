package org.swarmport.tracker.catalogue;

import java.nio.charset.StandardCharsets;

/**
 * A torrent's magnet link (BEP 9; BEP 52 for v2): {@code xt=urn:btih:} with the v1 hash in
 * hex, {@code xt=urn:btmh:1220} with the v2 hash as a multihash (0x12 SHA-256, 0x20 bytes), a
 * hybrid both; {@code dn} the name and {@code tr} this tracker's announce URL,
 * percent-encoded.
 */
public final class MagnetLink {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private MagnetLink() {
    }

    /** @param infoHashV1 40 hex or null; @param infoHashV2 64 hex or null (not both null) */
    public static String of(String infoHashV1, String infoHashV2, String name, String announceUrl) {
        if (infoHashV1 == null && infoHashV2 == null) {
            throw new IllegalArgumentException("a magnet link needs an info-hash");
        }
        StringBuilder magnet = new StringBuilder("magnet:?");
        if (infoHashV1 != null) {
            magnet.append("xt=urn:btih:").append(infoHashV1).append('&');
        }
        if (infoHashV2 != null) {
            magnet.append("xt=urn:btmh:1220").append(infoHashV2).append('&');
        }
        magnet.append("dn=").append(percentEncoded(name));
        magnet.append("&tr=").append(percentEncoded(announceUrl));
        return magnet.toString();
    }

    /** Every byte of UTF-8 except RFC 3986's unreserved characters as %XX, so no value can end early or add a parameter. */
    static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder(value.length() * 3 / 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
            }
        }
        return encoded.toString();
    }
}
