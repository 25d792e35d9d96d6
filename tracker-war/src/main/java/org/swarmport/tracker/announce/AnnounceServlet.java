package org.swarmport.tracker.announce;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.swarm.Swarms;

/**
 * {@code GET /tracker/announce} (BEP 3). A plain servlet, not JAX-RS: this is the hot path.
 * It reads the raw query string, because the container would decode the binary info_hash
 * and peer_id as text. Every answer is 200 with a bencoded body, a failure too, as clients
 * expect.
 */
@WebServlet(urlPatterns = "/announce")
public class AnnounceServlet extends HttpServlet {

    @Inject
    Swarms swarms;

    @Inject
    KnownTorrents catalogue;

    @Inject
    TrackerConfig config;

    @Inject
    TrackerCounters counters;

    private AnnounceHandler handler;
    private boolean behindProxies;

    @Override
    public void init() {
        handler = new AnnounceHandler(swarms.registry(), catalogue, config.mode(),
                new ClientAddressResolver(config.trustedProxies()),
                config.announceIntervalSeconds(), config.minAnnounceIntervalSeconds(), ThreadLocalRandom::current);
        behindProxies = !config.trustedProxies().isEmpty();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> forwardedFor = behindProxies
                ? Collections.list(request.getHeaders("X-Forwarded-For")) : List.of();
        byte[] answer = handler.announce(request.getQueryString(), request.getRemoteAddr(), forwardedFor);
        if (AnnounceHandler.isFailure(answer)) {
            counters.failure(Protocol.HTTP);
        } else {
            counters.announce(Protocol.HTTP);
        }
        BencodedAnswer.send(response, answer);
    }
}
