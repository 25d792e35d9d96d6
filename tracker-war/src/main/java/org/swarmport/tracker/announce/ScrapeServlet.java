package org.swarmport.tracker.announce;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.config.TrackerConfig;
import org.swarmport.tracker.stats.TrackerCounters;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.swarm.Swarms;

/**
 * {@code GET /tracker/scrape} (BEP 48), beside {@code /announce} so clients find it by the
 * announce-to-scrape rule.
 */
@WebServlet(urlPatterns = "/scrape")
public class ScrapeServlet extends HttpServlet {

    @Inject
    Swarms swarms;

    @Inject
    KnownTorrents catalogue;

    @Inject
    TrackerConfig config;

    @Inject
    TrackerCounters counters;

    private ScrapeHandler handler;

    @Override
    public void init() {
        FullScrape fullScrape = config.fullScrape()
                ? new FullScrape(swarms.registry(), config.fullScrapeIntervalSeconds(), System::nanoTime) : null;
        handler = new ScrapeHandler(swarms.registry(), catalogue, config.mode(), fullScrape);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] answer = handler.scrape(request.getQueryString());
        if (AnnounceHandler.isFailure(answer)) {
            counters.failure(Protocol.HTTP);
        } else {
            counters.scrape(Protocol.HTTP);
        }
        BencodedAnswer.send(response, answer);
    }
}
