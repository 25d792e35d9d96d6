package org.swarmport.tracker.announce;

import java.util.List;
import org.swarmport.clientaddress.ClientAddressResolver;

/**
 * What the tracker's own HTTP port needs of a request head (RFC 9112): the method, the
 * target split into path and raw query, whether the connection stays open afterwards, and
 * the {@code X-Forwarded-For} lines for {@link ClientAddressResolver}.
 *
 * @param method       as sent, case-sensitive (RFC 9110 section 9.1)
 * @param path         the target's path, not percent-decoded: {@code /announce}, {@code /scrape}
 * @param rawQuery     what follows the first {@code ?}, or null; decoded later by the
 *                     announce and scrape parsers, which see the binary info_hash bytes
 * @param http11       HTTP/1.1 rather than HTTP/1.0
 * @param keepAlive    HTTP/1.1 without {@code Connection: close}, or HTTP/1.0 with
 *                     {@code Connection: keep-alive}
 * @param hasBody      a {@code Content-Length} above 0 or a {@code Transfer-Encoding}: the
 *                     tracker reads no bodies, so the connection closes after the answer
 * @param forwardedFor every {@code X-Forwarded-For} line in order, usually none
 * @param length       bytes of the head including its closing empty line: where the next
 *                     pipelined request starts
 */
public record HttpRequestHead(String method, String path, String rawQuery, boolean http11, boolean keepAlive, boolean hasBody,
                              List<String> forwardedFor, int length) {

    public boolean isGet() {
        return "GET".equals(method);
    }
}
