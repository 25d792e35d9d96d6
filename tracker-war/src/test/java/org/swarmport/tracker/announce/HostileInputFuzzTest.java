package org.swarmport.tracker.announce;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated input against every parser in the package: only the
 * documented exception may escape, and its message must be fit for a bencoded
 * {@code failure reason}. A failure prints the seed-reproducible input.
 */
class HostileInputFuzzTest {

    private static final long SEED = 0x5_3A_42_90_27L;
    private static final int ROUNDS = 20_000;

    private static final String[] TOKENS = {
        "info_hash", "peer_id", "port", "uploaded", "downloaded", "left", "event", "numwant",
        "compact", "no_peer_id", "key", "trackerid", "ip", "ipv4", "ipv6", "info%5Fhash",
        "=", "=", "&", "&", "%", "%2", "%20", "%FF", "%ff", "%G1", "%%", "+", "-", "0", "1",
        "6881", "65535", "65536", "-1", "9223372036854775807", "9223372036854775808",
        "started", "stopped", "completed", "paused", "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A",
        "-qB4630-k8hj0wgej6ch", "\u0000", "\u00e9", "\uffff", "\ud800", " ", "::1", "1.2.3.4",
    };

    private static final List<String> SEEDS = List.of(
            "info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A&peer_id=-qB4630-k8hj0wgej6ch"
                    + "&port=6881&uploaded=0&downloaded=0&left=1048576&corrupt=0&key=6A8C4B2D"
                    + "&event=started&numwant=200&compact=1&no_peer_id=1&supportcrypto=1&redundant=0"
                    + "&ipv6=2001%3adb8%3a%3a1&ipv4=10.0.0.2&trackerid=abc&ip=example.org",
            "info_hash=%12%34Vx%9a%bc%de%f1%23Eg%89%ab%cd%ef%124Vx%9a&peer_id=-TR4060-r5m6m2k1q9wz"
                    + "&port=51413&uploaded=0&downloaded=0&left=734003200&numwant=80&key=1A2B3C4D"
                    + "&compact=1&supportcrypto=1&requirecrypto=1&event=stopped",
            "info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A&info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9B");

    @Test
    void announceParserLetsOnlyItsOwnExceptionEscape() {
        fuzz(query -> AnnounceRequestParser.parse(query));
    }

    @Test
    void scrapeParserLetsOnlyItsOwnExceptionEscape() {
        fuzz(query -> ScrapeRequestParser.parse(query, 3));
    }

    private static void fuzz(Consumer<String> parser) {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            String query = random.nextBoolean()
                    ? mutate(random, SEEDS.get(random.nextInt(SEEDS.size())))
                    : randomText(random, TOKENS, 40);
            try {
                parser.accept(query);
            } catch (TrackerRequestException expected) {
                assertFitForFailureReason(expected, query);
            } catch (Throwable unexpected) {
                fail("parse(" + escape(query) + ") threw " + unexpected, unexpected);
            }
        }
    }

    private static void assertFitForFailureReason(TrackerRequestException e, String input) {
        String message = e.getMessage();
        boolean fit = message != null && !message.isEmpty() && message.length() <= 80;
        for (int i = 0; fit && i < message.length(); i++) {
            char c = message.charAt(i);
            fit = c >= 0x20 && c <= 0x7e;
        }
        assertTrue(fit, () -> "unfit message \"" + escape(message) + "\" for " + escape(input));
        assertTrue(e.getStackTrace().length == 0, "no stack trace is captured");
    }

    private static String randomText(Random random, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(maxPieces + 1);
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(0x110)) : pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    private static String mutate(Random random, String seed) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> text.setCharAt(at, (char) random.nextInt(0x100));
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(80))));
                default -> text.setCharAt(at, "%&=+-0123456789abcdefABCDEFG".charAt(random.nextInt(28)));
            }
        }
        return text.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            escaped.append(b >= 0x20 && b < 0x7f && b != '"' ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return escaped.append('"').toString();
    }
}
