package org.swarmport.tracker.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.tracker.TrackerDeployment;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TrackerDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysTheTrackerAndItsDatabaseAreUp() throws Exception {
        HttpResponse<String> response = get("api/v1/health");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"database\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"schema\":\"tracker\""), response.body());
    }

    @Test
    void statsCountTheCataloguesTorrents() throws Exception {
        HttpResponse<String> response = get("api/v1/stats");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().matches(".*\"torrents\":\\d+[,}].*"), response.body());
        assertTrue(response.body().matches(".*\"swarms\":\\d+[,}].*"), response.body());
    }

    @Test
    void unknownApiPathAnswersJsonNotAnHtmlErrorPage() throws Exception {
        HttpResponse<String> response = get("api/v1/no-such-thing");

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"not found\",\"status\":404}", response.body());
    }
}
