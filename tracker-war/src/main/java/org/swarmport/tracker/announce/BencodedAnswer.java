package org.swarmport.tracker.announce;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** How announce and scrape answers go out: 200, text/plain, exact length, never cached. */
final class BencodedAnswer {

    private BencodedAnswer() {
    }

    static void send(HttpServletResponse response, byte[] answer) throws IOException {
        response.setStatus(200);
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
