package org.swarmport.tracker.stats;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.swarmport.tracker.catalogue.KnownTorrents;
import org.swarmport.tracker.stats.TrackerCounters.Protocol;
import org.swarmport.tracker.swarm.RegistryTotals;
import org.swarmport.tracker.swarm.Swarms;
import org.swarmport.tracker.ws.BrowserPeers;
import org.swarmport.tracker.ws.BrowserTotals;

/** {@code GET /tracker/metrics}: Prometheus text exposition format 0.0.4. */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    Swarms swarms;

    @Inject
    TrackerCounters counters;

    @Inject
    KnownTorrents catalogue;

    @Inject
    BrowserPeers browsers;

    @Inject
    ApiRequests apiRequests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RegistryTotals totals = swarms.registry().totals();
        BrowserTotals browser = browsers.totals();
        StringBuilder text = new StringBuilder(2048);
        gauge(text, "swarmport_tracker_swarms", "Swarms with peers, any protocol.",
                totals.swarms() + browser.browserOnlySwarms());
        gauge(text, "swarmport_tracker_seeders", "Seeders, any protocol.", totals.seeders() + browser.seeders());
        gauge(text, "swarmport_tracker_leechers", "Leechers, any protocol.", totals.leechers() + browser.leechers());
        gauge(text, "swarmport_tracker_browser_peers", "Of those, browser peers on the WebSocket tracker.",
                browser.seeders() + browser.leechers());
        gauge(text, "swarmport_tracker_catalogue_torrents", "Torrents in the catalogue, as last loaded.",
                catalogue.size());
        counter(text, "swarmport_tracker_announces_total", "Announces answered with peers.", Kind.ANNOUNCES);
        counter(text, "swarmport_tracker_scrapes_total", "Scrapes answered.", Kind.SCRAPES);
        counter(text, "swarmport_tracker_failures_total", "Requests answered with a failure reason.", Kind.FAILURES);
        apiRequests(text);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(text.toString());
    }

    private enum Kind { ANNOUNCES, SCRAPES, FAILURES }

    private static void gauge(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private void counter(StringBuilder text, String name, String help, Kind kind) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        for (Protocol protocol : Protocol.values()) {
            long value = switch (kind) {
                case ANNOUNCES -> counters.announces(protocol);
                case SCRAPES -> counters.scrapes(protocol);
                case FAILURES -> counters.failures(protocol);
            };
            text.append(name).append("{protocol=\"").append(protocol.name().toLowerCase(Locale.ROOT)).append("\"} ")
                    .append(value).append('\n');
        }
    }

    private void apiRequests(StringBuilder text) {
        String name = "swarmport_tracker_api_requests_total";
        text.append("# HELP ").append(name).append(" JSON API requests, per resource.\n")
                .append("# TYPE ").append(name).append(" counter\n");
        apiRequests.counts().forEach((resource, value) ->
                text.append(name).append("{resource=\"").append(resource).append("\"} ").append(value).append('\n'));
    }
}
