package org.swarmport.tracker.udp;

import java.util.HexFormat;

/** Test vectors are written as hex with spaces between fields, as in BEP 15's tables. */
final class Hex {

    private Hex() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }
}
