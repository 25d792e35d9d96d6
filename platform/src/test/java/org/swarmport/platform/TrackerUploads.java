package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.swarmport.testsupport.ServiceToken;

/**
 * Puts torrents into the tracker's catalogue the way the portal will: {@code POST
 * /api/v1/torrents} (multipart) with the service token, which the server generated into its data
 * directory unless CI sets {@code SWARMPORT_SERVICE_TOKEN}.
 */
final class TrackerUploads {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URL tracker;
    private final String token;

    TrackerUploads(URL tracker) throws Exception {
        this.tracker = tracker;
        this.token = ServiceToken.read();
    }

    /** Uploads a .torrent with these form fields ({@code category}, {@code description}, …); answers its id. */
    long upload(byte[] torrent, Map<String, String> fields) throws Exception {
        String boundary = "----swarmport" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"torrent\"; filename=\"upload.torrent\"\r\n"
                + "Content-Type: application/x-bittorrent\r\n", torrent);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n", field.getValue().getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tracker + "api/v1/torrents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void delete(long id) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(tracker + "api/v1/torrents/" + id))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
