package org.swarmport.clientaddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random text against every parser here: only the documented exception may escape,
 * the resolver's message is fit to show a client (short printable ASCII, no stack trace),
 * and what {@link IpLiteral} accepts the JDK reads as the same address. A failure names the
 * input.
 */
class HostileAddressInputTest {

    private static final long SEED = 0x5_3A_42_90_27L;
    private static final int ROUNDS = 20_000;

    @Test
    void theResolverLetsOnlyItsOwnExceptionEscape() {
        ClientAddressResolver resolver = new ClientAddressResolver(TrustedProxies.parse("10.0.0.0/8, ::1, ::ffff:127.0.0.1"));
        Random random = new Random(SEED);
        String[] pieces = {"10.0.0.1", "203.0.113.7", "::1", "[::1]:80", "::ffff:10.1.1.1", ",", ", ", " ", ":", "[", "]",
            ".", "%", "unknown", "1", "ff", "2001:db8::", ":443", "\t", "\u0661", "for=", "For=", ";", "\"", "proto=http"};
        for (int round = 0; round < ROUNDS; round++) {
            String remote = random.nextInt(4) == 0 ? randomText(random, pieces, 3) : pieces[random.nextInt(5)];
            List<String> forwardedFor = List.of(randomText(random, pieces, 12), randomText(random, pieces, 4));
            List<String> forwarded = random.nextBoolean() ? List.of() : List.of(randomText(random, pieces, 12));
            try {
                resolver.resolve(remote, forwardedFor, forwarded);
            } catch (UnbelievableClientAddressException expected) {
                String message = expected.getMessage();
                assertTrue(message.length() <= 80 && message.chars().allMatch(c -> c >= 0x20 && c <= 0x7e),
                        () -> "unfit message " + message);
                assertTrue(expected.getStackTrace().length == 0, "no stack trace is captured");
            } catch (Throwable unexpected) {
                fail("resolve(" + List.of(remote, forwardedFor, forwarded) + ") threw " + unexpected, unexpected);
            }
        }
    }

    @Test
    void theTrustedProxiesSettingFailsOnlyWithIllegalArgument() {
        Random random = new Random(SEED);
        String[] pieces = {"10.0.0.0", "/", "8", "33", "::", "1", ",", " ", "ffff", ":", ".", "%", "-", "x", "255", "256"};
        for (int round = 0; round < ROUNDS / 4; round++) {
            String value = randomText(random, pieces, 10);
            try {
                TrustedProxies.parse(value).contains(new byte[] {10, 0, 0, 1});
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("invalid entry"), expected.getMessage());
            } catch (Throwable unexpected) {
                fail("parse(\"" + value + "\") threw " + unexpected, unexpected);
            }
        }
    }

    @Test
    void ipLiteralNeverThrowsAndWhatItAcceptsTheJdkReadsTheSame() throws UnknownHostException {
        Random random = new Random(SEED);
        String[] pieces = {"0", "1", "25", "255", "256", "01", "ffff", "FFFF", "db8", "12345", ".", ":", "::", "%", "g", " "};
        for (int round = 0; round < ROUNDS; round++) {
            String text = randomText(random, pieces, 10);
            byte[] parsed;
            try {
                parsed = IpLiteral.parse(text);
            } catch (Throwable unexpected) {
                fail("parse(\"" + text + "\") threw " + unexpected, unexpected);
                return;
            }
            if (parsed != null) {
                // Safe: only digits, hex letters, dots and colons get here, which the JDK
                // reads as a literal without asking DNS.
                assertArrayEquals(InetAddress.getByName(text).getAddress(), IpLiteral.unmapped(parsed), text);
            }
        }
    }

    /** Up to {@code maxPieces} pieces, one in ten replaced by any character below U+0110. */
    private static String randomText(Random random, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        for (int count = random.nextInt(maxPieces + 1); count > 0; count--) {
            text.append(random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(0x110)) : pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
