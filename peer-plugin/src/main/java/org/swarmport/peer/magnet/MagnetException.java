package org.swarmport.peer.magnet;

/**
 * A magnet link that cannot be used: not a magnet URI, too long, a malformed escape, no or two
 * conflicting info-hashes, a bad peer address. Checked, because links come from people and web
 * pages and a bad one is an expected outcome. The message names the parameter and the defect
 * ({@code "magnet: xt: btih has 39 characters, expected 40 hex or 32 base32"}) and quotes at
 * most a short piece of the input.
 */
public final class MagnetException extends Exception {

    private static final String PREFIX = "magnet: ";

    MagnetException(String defect) {
        super(PREFIX + defect);
    }

    MagnetException(String parameter, String defect) {
        super(PREFIX + parameter + ": " + defect);
    }
}
