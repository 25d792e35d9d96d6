package org.swarmport.peer.magnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random damage to valid links: the parser answers a {@link MagnetLink} or a
 * {@link MagnetException}, never anything else; and whatever it accepts, it writes back as a
 * link that parses to an equal one.
 */
class MagnetFuzzTest {

    private static final long SEED = 0x6d61_676e_6574L;
    private static final int ROUNDS = 50_000;
    private static final String[] VALID = {
        "magnet:?xt=urn:btih:" + MagnetLinkTest.HEX + "&dn=Some%20Name&tr=udp%3A%2F%2Ft.example%3A6969&xl=1234",
        "magnet:?xt=urn:btih:" + MagnetLinkTest.BASE32 + "&tr.1=http://a/announce&tr.2=http://b/announce",
        "magnet:?xt=urn:btmh:1220" + MagnetLinkTest.V2 + "&x.pe=[2001:db8::1]:51413&x.pe=1.2.3.4:80&so=0,2-4",
        "magnet:?xt=urn:btih:" + MagnetLinkTest.HEX + "&xt=urn:btmh:1220" + MagnetLinkTest.V2 + "&ws=http://w/&dn=caf%C3%A9",
    };
    /** Characters that matter to the parser, so that mutations reach its branches. */
    private static final String SPECIAL = "%&=:?.[]+-,#0123456789abcdefABCDEF\u00e9\u0000\n";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedLinksAreParsedOrRefusedWithMagnetException() {
        Random random = new Random(SEED);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String input = mutate(random, VALID[random.nextInt(VALID.length)]);
            MagnetLink link;
            try {
                link = MagnetLink.parse(input);
            } catch (MagnetException expected) {
                assertTrue(expected.getMessage().startsWith("magnet: "), expected.getMessage());
                continue;
            } catch (RuntimeException | Error unexpected) {
                fail("round " + round + ": '" + input + "' threw " + unexpected, unexpected);
                return;
            }
            accepted++;
            try {
                assertEquals(link, MagnetLink.parse(link.toString()), input);
            } catch (MagnetException e) {
                fail("round " + round + ": our own link of '" + input + "' does not parse: " + e.getMessage());
            }
        }
        assertTrue(accepted > ROUNDS / 20, "only " + accepted + " mutations accepted: the fuzzer tests nothing");
    }

    private static String mutate(Random random, String valid) {
        StringBuilder text = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0:
                    text.setCharAt(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                    break;
                case 1:
                    text.deleteCharAt(at);
                    break;
                case 2:
                    text.insert(at, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                    break;
                default:
                    text.setLength(at);
            }
        }
        return text.toString();
    }
}
