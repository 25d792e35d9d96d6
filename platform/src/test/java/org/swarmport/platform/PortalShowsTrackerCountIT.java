package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The foundation's end-to-end slice: the portal's home page shows the number of torrents the
 * tracker's API reads from the database. A torrent stored in the tracker's catalogue (inside
 * the server) must show up on the portal's page (fetched over HTTP, as a browser does).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalShowsTrackerCountIT {

    private static final String MARKER = "PortalShowsTrackerCountIT marker";
    private static final Pattern COUNT = Pattern.compile("The tracker knows <strong>(\\d+)</strong>");

    /** Kept between client-side steps, which run in this JVM. */
    private static long countBefore;

    @Deployment(name = "tracker", order = 1)
    static WebArchive tracker() {
        return Wars.tracker().addClasses(PortalShowsTrackerCountIT.class, MarkerTorrent.class);
    }

    @Deployment(name = "portal", order = 2, testable = false)
    static WebArchive portal() {
        return Wars.portal();
    }

    @PersistenceContext(unitName = "tracker")
    EntityManager em;

    @Inject
    UserTransaction tx;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(URL base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long countOnHomePage(URL portal) throws Exception {
        HttpResponse<String> page = get(portal, "");
        assertEquals(200, page.statusCode());
        Matcher count = COUNT.matcher(page.body());
        assertTrue(count.find(), "home page shows no torrent count:\n" + page.body());
        return Long.parseLong(count.group(1));
    }

    @Test
    @Order(1)
    @RunAsClient
    void homePageShowsTheCountTheTrackerApiAnswers(@ArquillianResource @OperateOnDeployment("portal") URL portal,
            @ArquillianResource @OperateOnDeployment("tracker") URL tracker) throws Exception {
        countBefore = countOnHomePage(portal);

        String stats = get(tracker, "api/v1/stats").body();
        assertTrue(stats.matches(".*\"torrents\":" + countBefore + "[,}].*"), stats);
    }

    @Test
    @Order(2)
    @OperateOnDeployment("tracker")
    void storeATorrentInTheCatalogue() throws Exception {
        MarkerTorrent.store(em, tx, MARKER);
    }

    @Test
    @Order(3)
    @RunAsClient
    void homePageCountsTheNewTorrent(@ArquillianResource @OperateOnDeployment("portal") URL portal) throws Exception {
        assertEquals(countBefore + 1, countOnHomePage(portal));
    }

    @Test
    @Order(4)
    @OperateOnDeployment("tracker")
    void removeTheTorrent() throws Exception {
        MarkerTorrent.removeAll(em, tx, MARKER);
    }

    @Test
    @Order(5)
    @RunAsClient
    void portalHealthSaysItsDatabaseIsUp(@ArquillianResource @OperateOnDeployment("portal") URL portal) throws Exception {
        HttpResponse<String> health = get(portal, "health");

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\"") && health.body().contains("\"schema\":\"portal\""),
                health.body());
    }
}
