package org.swarmport.tracker.announce;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * {@code GET /tracker/announce} (BEP 3) and {@code GET /tracker/scrape} (BEP 48), side by
 * side so clients find scrape by the announce-to-scrape rule.
 *
 * <p>A plain servlet, not JAX-RS. It reads the raw query string, because the container would
 * decode the binary info_hash and peer_id as text. Every answer is 200 with a bencoded body,
 * a failure too, as clients expect. When the war starts it publishes the war's
 * {@link HttpTracker} for {@link IoThreadAnswers}, which answers most requests before they
 * reach this servlet.
 */
@WebServlet(urlPatterns = {"/announce", "/scrape"}, loadOnStartup = 1)
public class HttpTrackerServlet extends HttpServlet {

    @Inject
    HttpTracker tracker;

    @Override
    public void init() {
        getServletContext().setAttribute(IoThreadAnswers.TRACKER, tracker);
    }

    /** Every method gets the same bencoded answer: never a 405 error page for a client. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] answer = tracker.answer(request.getServletPath().equals("/announce"), request.getQueryString(),
                request.getRemoteAddr(), () -> Collections.list(request.getHeaders("X-Forwarded-For")));
        response.setStatus(200);
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
