package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.testsupport.ServiceToken;
import org.swarmport.tracker.TrackerDeployment;

/**
 * The catalogue's JSON API over HTTP, as the portal uses it: every endpoint and every error,
 * against whichever database the server's datasource points at. The server runs with default
 * settings, so the service token is the one it generated in its data directory, and the
 * announce URL is the own port's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogueApiIT {

    /**
     * HTTP/1.1: over HTTP/2 the server answers a too-large upload early and resets the stream,
     * which java.net.http reports as an error instead of the answer.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ANNOUNCE = "http://localhost:6969/announce";

    @Deployment
    static WebArchive deployment() {
        return TrackerDeployment.war();
    }

    @ArquillianResource
    URL base;

    private URI api(String path) {
        return URI.create(base + "api/v1/" + path);
    }

    private static Metainfo newTorrent(MetainfoVersion version, String name) throws Exception {
        byte[] content = new byte[40_000];
        ThreadLocalRandom.current().nextBytes(content);
        return MetainfoBuilder.directory(name)
                .add(FilePath.of("video", "part 1.mkv"), ContentSource.of(content))
                .add(FilePath.of("readme.txt"), ContentSource.of("hello".getBytes(StandardCharsets.UTF_8)))
                .version(version).pieceLength(16 * 1024).tracker("http://elsewhere.example/announce").build();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> upload(Multipart body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("torrents")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private JsonObject uploaded(Metainfo torrent) throws Exception {
        HttpResponse<byte[]> response = upload(new Multipart().file("torrent", torrent.rawBytes()), ServiceToken.read());
        assertEquals(201, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return json(response);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(api(path)));
    }

    private HttpResponse<byte[]> delete(long id, String token) throws Exception {
        return send(HttpRequest.newBuilder(api("torrents/" + id)).header("Authorization", "Bearer " + token).DELETE());
    }

    private HttpResponse<byte[]> patch(long id, String json, String token) throws Exception {
        return send(HttpRequest.newBuilder(api("torrents/" + id)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject json(HttpResponse<byte[]> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        return Json.createReader(new ByteArrayInputStream(response.body())).readObject();
    }

    /** An error answer: its status, JSON with that status and this message, and no stack trace. */
    private static void assertError(int status, String message, HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(status, response.statusCode(), body);
        JsonObject error = json(response);
        assertEquals(status, error.getInt("status"), body);
        assertEquals(message, error.getString("error"), body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), body);
    }

    @Test
    void categoriesAreTorznabTopLevelIds() throws Exception {
        JsonArray categories = Json.createReader(new ByteArrayInputStream(get("categories").body())).readArray();

        assertEquals(7, categories.size());
        assertEquals(Json.createObjectBuilder().add("id", 2000).add("name", "Movies").build(), categories.get(1));
    }

    @Test
    void aTorrentIsUploadedReadServedEditedAndDeleted() throws Exception {
        Metainfo torrent = newTorrent(MetainfoVersion.HYBRID, "Some.Release.2026");
        String v1 = torrent.infoHashV1().orElseThrow().hex();
        String v2 = torrent.infoHashV2().orElseThrow().hex();

        HttpResponse<byte[]> created = upload(new Multipart().file("torrent", torrent.rawBytes())
                .field("category", "2000").field("tags", "1080p, X264").field("description", "A <b>film</b>.\nTwo lines.")
                .field("uploader", "account:42"), ServiceToken.read());

        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        JsonObject details = json(created);
        long id = details.getJsonNumber("id").longValue();
        assertEquals(api("torrents/" + id).toString(), created.headers().firstValue("Location").orElseThrow());
        assertEquals(v1, details.getString("infoHashV1"));
        assertEquals(v2, details.getString("infoHashV2"));
        assertEquals("Some.Release.2026", details.getString("name"));
        assertEquals(40_005, details.getJsonNumber("totalSize").longValue());
        assertEquals(16 * 1024, details.getInt("pieceLength"));
        assertFalse(details.getBoolean("private"));
        assertEquals(2000, details.getJsonObject("category").getInt("id"));
        assertEquals(List.of("1080p", "x264"), details.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("A <b>film</b>.\nTwo lines.", details.getString("description"));
        assertEquals("account:42", details.getString("uploader"));
        assertEquals(2, details.getInt("fileCount"));
        assertEquals("Some.Release.2026/readme.txt", details.getJsonArray("files").getJsonObject(0).getString("path"));
        assertEquals(0, details.getInt("seeders"));
        assertEquals("magnet:?xt=urn:btih:" + v1 + "&xt=urn:btmh:1220" + v2
                + "&dn=Some.Release.2026&tr=http%3A%2F%2Flocalhost%3A6969%2Fannounce", details.getString("magnet"));
        assertTrue(details.containsKey("addedAt"));

        assertEquals(details, json(get("torrents/" + id)));
        for (String hash : new String[] {v1.toUpperCase(Locale.ROOT), v2, v2.substring(0, 40)}) {
            HttpResponse<byte[]> byHash = get("torrents/by-hash/" + hash);
            assertEquals(200, byHash.statusCode(), hash);
            assertEquals(id, json(byHash).getJsonNumber("id").longValue(), hash);
        }

        HttpResponse<byte[]> served = get("torrents/" + id + "/metainfo");
        assertEquals(200, served.statusCode());
        assertEquals("application/x-bittorrent", served.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"Some.Release.2026.torrent\"; filename*=UTF-8''Some.Release.2026.torrent",
                served.headers().firstValue("Content-Disposition").orElseThrow());
        Metainfo servedTorrent = MetainfoParser.parse(served.body());
        assertEquals(torrent.infoHashes(), servedTorrent.infoHashes());
        assertArrayEquals(torrent.infoBytes(), servedTorrent.infoBytes());
        assertEquals(List.of(List.of(ANNOUNCE)), servedTorrent.trackerTiers());

        HttpResponse<byte[]> edited = patch(id, "{\"category\": \"tv\", \"tags\": [\"S01\"], \"description\": null}", ServiceToken.read());
        assertEquals(200, edited.statusCode(), new String(edited.body(), StandardCharsets.UTF_8));
        JsonObject after = json(get("torrents/" + id));
        assertEquals(5000, after.getJsonObject("category").getInt("id"));
        assertEquals(List.of("s01"), after.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
        assertFalse(after.containsKey("description"));
        assertEquals("Some.Release.2026", after.getString("name"));

        assertEquals(204, delete(id, ServiceToken.read()).statusCode());
        assertError(404, "no torrent with id " + id, get("torrents/" + id));
        assertError(404, "no torrent with info-hash " + v1, get("torrents/by-hash/" + v1));
        assertError(404, "no torrent with id " + id, delete(id, ServiceToken.read()));
    }

    @Test
    void aTitleIsShownSearchedAndServedAsTheNameWhileTheMetainfoKeepsItsOwn() throws Exception {
        Metainfo torrent = newTorrent(MetainfoVersion.HYBRID, "Raw.Release.Name-GRP");
        String word = letters();
        HttpResponse<byte[]> created = upload(new Multipart().file("torrent", torrent.rawBytes())
                .field("title", "  A Readable Title " + word + " "), ServiceToken.read());
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        JsonObject details = json(created);
        long id = details.getJsonNumber("id").longValue();
        try {
            assertEquals("A Readable Title " + word, details.getString("name"));
            assertEquals("A Readable Title " + word, details.getString("title"));
            assertEquals("Raw.Release.Name-GRP", details.getString("infoName"));
            assertTrue(details.getString("magnet").contains("&dn=A%20Readable%20Title%20" + word), details.getString("magnet"));
            assertSearchFinds(word, List.of(id));

            HttpResponse<byte[]> served = get("torrents/" + id + "/metainfo");
            assertTrue(served.headers().firstValue("Content-Disposition").orElseThrow()
                    .startsWith("attachment; filename=\"A Readable Title " + word + ".torrent\""));
            Metainfo servedTorrent = MetainfoParser.parse(served.body());
            assertEquals("Raw.Release.Name-GRP", servedTorrent.name(), "the info dictionary is never renamed");
            assertArrayEquals(torrent.infoBytes(), servedTorrent.infoBytes());
            assertEquals(torrent.infoHashes(), servedTorrent.infoHashes());

            String newWord = letters();
            HttpResponse<byte[]> retitled = patch(id, "{\"title\": \"Another Title " + newWord + "\"}", ServiceToken.read());
            assertEquals(200, retitled.statusCode(), new String(retitled.body(), StandardCharsets.UTF_8));
            assertEquals("Another Title " + newWord, json(get("torrents/" + id)).getString("name"));
            assertSearchFinds(newWord, List.of(id));
            assertSearchFinds(word, List.of());

            HttpResponse<byte[]> cleared = patch(id, "{\"title\": null}", ServiceToken.read());
            assertEquals(200, cleared.statusCode());
            JsonObject after = json(cleared);
            assertEquals("Raw.Release.Name-GRP", after.getString("name"));
            assertFalse(after.containsKey("title"));
            assertSearchFinds(newWord, List.of());
        } finally {
            delete(id, ServiceToken.read());
        }
    }

    /** A word of letters only, which the release-name analyzer keeps whole, made up for one test. */
    private static String letters() {
        StringBuilder word = new StringBuilder("zt");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /**
     * The search finds exactly these ids, within 30 s: the index follows the catalogue's change
     * events, and answers 503 while it is first built after the deployment.
     */
    private void assertSearchFinds(String word, List<Long> ids) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Long> found = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> answer = get("search?q=" + word);
            if (answer.statusCode() == 200) {
                found = json(answer).getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                        .map(hit -> hit.getJsonNumber("id").longValue()).toList();
                if (found.equals(ids)) {
                    return;
                }
            } else {
                assertEquals(503, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
            }
            LockSupport.parkNanos(25_000_000); // between polls
        }
        assertEquals(ids, found, "search for " + word);
    }

    @Test
    void aV2OnlyTorrentIsFoundByItsTruncatedHashAndItsMagnetHasOnlyTheMultihash_BEP52() throws Exception {
        Metainfo torrent = newTorrent(MetainfoVersion.V2, "v2.only");
        JsonObject details = uploaded(torrent);
        long id = details.getJsonNumber("id").longValue();
        try {
            String v2 = torrent.infoHashV2().orElseThrow().hex();
            assertFalse(details.containsKey("infoHashV1"));
            assertTrue(details.getString("magnet").startsWith("magnet:?xt=urn:btmh:1220" + v2 + "&dn=v2.only"));
            assertEquals(id, json(get("torrents/by-hash/" + v2.substring(0, 40))).getJsonNumber("id").longValue());
        } finally {
            delete(id, ServiceToken.read());
        }
    }

    @Test
    void writesWithoutTheRightTokenAre401WithABearerChallenge_RFC6750() throws Exception {
        Multipart body = new Multipart().file("torrent", newTorrent(MetainfoVersion.V1, "x").rawBytes());
        List<HttpResponse<byte[]>> refused = List.of(upload(body, null), upload(body, "wrong"),
                upload(body, ServiceToken.read() + "x"), patch(1, "{}", "wrong"), delete(1, "wrong"),
                send(HttpRequest.newBuilder(api("torrents/1")).header("Authorization", "Basic " + ServiceToken.read()).DELETE()));
        for (HttpResponse<byte[]> response : refused) {
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertTrue(json(response).getString("error").matches("missing Authorization: Bearer token|wrong bearer token"));
        }
    }

    @Test
    void aDuplicateIs409NamingTheTorrentAlreadyThere() throws Exception {
        Metainfo torrent = newTorrent(MetainfoVersion.HYBRID, "twice");
        long id = uploaded(torrent).getJsonNumber("id").longValue();
        try {
            HttpResponse<byte[]> again = upload(new Multipart().file("torrent", torrent.rawBytes()), ServiceToken.read());

            assertError(409, "already in the catalogue as torrent " + id, again);
            assertEquals(api("torrents/" + id).toString(), again.headers().firstValue("Location").orElseThrow());
        } finally {
            assertEquals(204, delete(id, ServiceToken.read()).statusCode());
        }
    }

    @Test
    void brokenTorrentsAre400WithTheParsersMessage() throws Exception {
        String[][] cases = {
            {"not-a-dictionary.torrent", "metainfo: torrent: is a list, expected a dictionary"},
            {"path-dot-dot.torrent", "metainfo: info.files[0].path: path has a '..' component"},
            {"v2-piece-layer-wrong.torrent",
                "metainfo: piece layers: the layer for 'multi/sub/b.bin' does not hash to its pieces root"},
        };
        for (String[] c : cases) {
            byte[] file;
            try (InputStream in = getClass().getResourceAsStream("/metainfo/" + c[0])) {
                file = in.readAllBytes();
            }
            assertError(400, c[1], upload(new Multipart().file("torrent", file), ServiceToken.read()));
        }
        assertError(400, "metainfo: bencode: invalid type byte 'h' at offset 0",
                upload(new Multipart().file("torrent", "hello".getBytes(StandardCharsets.UTF_8)), ServiceToken.read()));
    }

    @Test
    void badFieldsAre400NamingTheField() throws Exception {
        byte[] torrent = newTorrent(MetainfoVersion.V1, "fields").rawBytes();
        assertError(400, "torrent: missing: send the .torrent file as the part named torrent",
                upload(new Multipart().field("category", "2000"), ServiceToken.read()));
        assertError(400, "colour: unknown part: send torrent, title, category, tags, description, uploader",
                upload(new Multipart().file("torrent", torrent).field("colour", "red"), ServiceToken.read()));
        assertError(400, "tags: 'not a tag' is not a tag: 1 to 32 of a-z, 0-9, '.', '+', '-', beginning with a letter or digit",
                upload(new Multipart().file("torrent", torrent).field("tags", "ok,not a tag"), ServiceToken.read()));
        assertError(400, "tags: at most 16 tags, got 17", upload(new Multipart().file("torrent", torrent)
                .field("tags", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q"), ServiceToken.read()));
        assertError(400, "category: must be one of 1000 console, 2000 movies, 3000 audio, 4000 pc, 5000 tv, 7000 books,"
                + " 8000 other, got '6000'", upload(new Multipart().file("torrent", torrent).field("category", "6000"), ServiceToken.read()));
        assertError(400, "description: at most 65536 bytes of UTF-8", upload(new Multipart().file("torrent", torrent)
                .field("description", "x".repeat(65_537)), ServiceToken.read()));
        assertError(400, "description: contains a control character at position 3", upload(new Multipart()
                .file("torrent", torrent).field("description", "nul\0"), ServiceToken.read()));
        assertError(400, "title: at most 250 characters, got 251", upload(new Multipart().file("torrent", torrent)
                .field("title", "t".repeat(251)), ServiceToken.read()));
        assertError(400, "title: contains a control character at position 3", upload(new Multipart()
                .file("torrent", torrent).field("title", "two\nlines"), ServiceToken.read()));

        long id = uploaded(newTorrent(MetainfoVersion.V1, "patched")).getJsonNumber("id").longValue();
        try {
            assertError(400, "name: comes from the metainfo and cannot be changed (a title can be set)",
                    patch(id, "{\"name\": \"other\"}", ServiceToken.read()));
            assertError(400, "tags: at most 16 tags, got 17", patch(id,
                    "{\"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\"]}",
                    ServiceToken.read()));
            assertError(400, "category: must be one of 1000 console, 2000 movies, 3000 audio, 4000 pc, 5000 tv, 7000 books,"
                    + " 8000 other, got 'xxx'", patch(id, "{\"category\": \"xxx\"}", ServiceToken.read()));
            assertError(400, "body: is not JSON", patch(id, "{\"tags\": ", ServiceToken.read()));
            assertError(400, "title: must be a string", patch(id, "{\"title\": 7}", ServiceToken.read()));
            assertError(400, "title: at most 250 characters, got 251",
                    patch(id, "{\"title\": \"" + "t".repeat(251) + "\"}", ServiceToken.read()));
        } finally {
            delete(id, ServiceToken.read());
        }
    }

    @Test
    void aBodyThatIsNoMultipartIsRefusedWithJson() throws Exception {
        // Without a single boundary line there are no parts, so no torrent.
        assertError(400, "torrent: missing: send the .torrent file as the part named torrent",
                send(HttpRequest.newBuilder(api("torrents")).header("Authorization", "Bearer " + ServiceToken.read())
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("no parts here"))));
        assertError(415, "unsupported media type", send(HttpRequest.newBuilder(api("torrents"))
                .header("Authorization", "Bearer " + ServiceToken.read()).header("Content-Type", "application/x-bittorrent")
                .POST(HttpRequest.BodyPublishers.ofString("d4:infoe"))));
    }

    @Test
    void malformedHashesAre400AndUnknownOnes404() throws Exception {
        for (String bad : new String[] {"abc", "zz".repeat(20), "a".repeat(41), "0".repeat(63)}) {
            assertError(400, "an info-hash is 40 (v1, or v2 truncated) or 64 (v2) hex digits", get("torrents/by-hash/" + bad));
        }
        assertError(404, "no torrent with info-hash " + "0".repeat(64), get("torrents/by-hash/" + "0".repeat(64)));
        assertError(404, "no torrent with id 987654321987", get("torrents/987654321987"));
        assertError(404, "no torrent with id abc", get("torrents/abc"));
        assertError(404, "no torrent with id 987654321987", get("torrents/987654321987/metainfo"));
        assertError(404, "no torrent with id 987654321987", patch(987654321987L, "{}", ServiceToken.read()));
    }

    @Test
    void aTorrentOver10MiBIs413AndSoIsABodyOver11MiB() throws Exception {
        byte[] justOver = new byte[(10 << 20) + 1];
        assertError(413, "torrent: larger than 10 MiB", upload(new Multipart().file("torrent", justOver), ServiceToken.read()));
        assertError(413, "request body larger than 11534336 bytes",
                upload(new Multipart().file("torrent", new byte[12 << 20]), ServiceToken.read()));

        Multipart chunked = new Multipart().file("torrent", new byte[12 << 20]);
        assertError(413, "request body larger than 11534336 bytes", send(HttpRequest.newBuilder(api("torrents"))
                .header("Authorization", "Bearer " + ServiceToken.read()).header("Content-Type", chunked.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked.bytes())))));
    }

    @Test
    void aTorrentIsAnnounceableOnceUploadedAndRefusedOnceDeleted() throws Exception {
        Metainfo torrent = newTorrent(MetainfoVersion.HYBRID, "registered");
        String announce = ANNOUNCE + "?info_hash=" + percent(torrent.infoHashV1().orElseThrow().bytes())
                + "&peer_id=-SP0001-registeredIT&port=6881&left=0&compact=1";
        assertEquals("unregistered torrent: this tracker only tracks torrents in its catalogue", failureReason(announce));

        long id = uploaded(torrent).getJsonNumber("id").longValue();
        assertEquals(null, failureReason(announce), "announceable as soon as the upload answered");
        String v2Announce = announce.replaceFirst("info_hash=[^&]+", "info_hash="
                + percent(torrent.infoHashV2().orElseThrow().truncated()));
        assertEquals(null, failureReason(v2Announce), "a hybrid's truncated v2 hash shares the swarm (BEP 52)");

        assertEquals(204, delete(id, ServiceToken.read()).statusCode());
        assertEquals("unregistered torrent: this tracker only tracks torrents in its catalogue", failureReason(announce));
    }

    private static String failureReason(String announce) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(announce)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        BDictionary answer = (BDictionary) BDecoder.decode(response.body());
        return answer.containsKey("failure reason") ? answer.getString("failure reason").utf8() : null;
    }

    private static String percent(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append('%').append(String.format("%02x", b & 0xff));
        }
        return encoded.toString();
    }

    @Test
    void existingAnswersWhichOfTheAskedIdsAreStillInTheCatalogue() throws Exception {
        long kept = uploaded(newTorrent(MetainfoVersion.V1, "Existing.Kept.2026")).getJsonNumber("id").longValue();
        long deleted = uploaded(newTorrent(MetainfoVersion.V1, "Existing.Deleted.2026")).getJsonNumber("id").longValue();
        assertEquals(204, delete(deleted, ServiceToken.read()).statusCode());

        HttpResponse<byte[]> answer = get("torrents/existing?ids=" + deleted + "," + kept + ",%20" + kept + ",999999999999");

        assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("{\"ids\":[" + kept + "]}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("{\"ids\":[]}", new String(get("torrents/existing?ids=" + deleted).body(), StandardCharsets.UTF_8));
    }

    @Test
    void existingRefusesMissingMalformedAndTooManyIds() throws Exception {
        assertError(400, "ids: required, comma-separated torrent ids", get("torrents/existing"));
        assertError(400, "ids: '0' is not a torrent id", get("torrents/existing?ids=7,0"));
        assertError(400, "ids: 'abc' is not a torrent id", get("torrents/existing?ids=abc"));
        assertError(400, "ids: '' is not a torrent id", get("torrents/existing?ids=7,,8"));
        StringBuilder many = new StringBuilder("1");
        for (int i = 2; i <= 101; i++) {
            many.append(',').append(i);
        }
        assertError(400, "ids: at most 100", get("torrents/existing?ids=" + many));
    }
}
