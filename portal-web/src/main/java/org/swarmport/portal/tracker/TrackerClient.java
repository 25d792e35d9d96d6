package org.swarmport.portal.tracker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.swarmport.db.Settings;
import org.swarmport.portal.config.PortalConfig;

/**
 * The portal's only way to the tracker: its JSON API over HTTP. A tracker that does not
 * answer makes a page say so; it never makes a page fail. Time-outs are short because a page
 * waits on every call: a slow tracker must make a slow page, not a hung one.
 */
@ApplicationScoped
public class TrackerClient {

    private static final Logger LOG = Logger.getLogger(TrackerClient.class.getName());
    private static final String BITTORRENT = "application/x-bittorrent";

    @Inject
    PortalConfig config;

    private final Client client = ClientBuilder.newBuilder()
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(5, TimeUnit.SECONDS)
            .register(SharedJsonb.class)
            // the two answers every search and torrent page reads, without JSON-B (JsonAnswerReader)
            .register(SearchResultsReader.class)
            .register(TorrentDetailsReader.class)
            .build();

    /** The tracker's numbers, or empty when it cannot be reached or answers with an error. */
    public Optional<TrackerStats> stats() {
        try {
            return Optional.of(call(api().path("stats"), MediaType.APPLICATION_JSON,
                    response -> response.readEntity(TrackerStats.class)));
        } catch (TrackerUnavailableException e) {
            return Optional.empty();
        }
    }

    /** {@code GET /search}. A 400 is the user's to fix (bad query or parameter), anything else is an outage. */
    public SearchResults search(SearchQuery query) throws BadSearchException, TrackerUnavailableException {
        // Every value percent-encoded here, so that nothing in a user's query ('{', '%', '+')
        // reads as a template or an escape.
        StringBuilder uri = new StringBuilder(apiUri("search"));
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(percentEncoded(parameter.getValue()));
            separator = '&';
        }
        WebTarget target = client.target(URI.create(uri.toString()));
        try (Response response = send(target, MediaType.APPLICATION_JSON)) {
            if (response.getStatus() == 400) {
                throw new BadSearchException(errorMessage(response));
            }
            return read(target, response, r -> r.readEntity(SearchResults.class));
        }
    }

    /** {@code GET /torrents/{id}}; empty when the tracker has no such torrent. */
    public Optional<TorrentDetails> torrent(long id) throws TrackerUnavailableException {
        return unlessNotFound(client.target(URI.create(apiUri("torrents/" + id))), MediaType.APPLICATION_JSON,
                response -> response.readEntity(TorrentDetails.class));
    }

    /** {@code GET /torrents/{id}/metainfo}: the .torrent; empty when the tracker has no such torrent. */
    public Optional<TorrentFileDownload> metainfo(long id) throws TrackerUnavailableException {
        return unlessNotFound(api().path("torrents").path(Long.toString(id)).path("metainfo"), BITTORRENT,
                response -> new TorrentFileDownload(response.readEntity(byte[].class),
                        response.getHeaderString("Content-Disposition")));
    }

    /** {@code GET /categories}, in id order. */
    public List<Category> categories() throws TrackerUnavailableException {
        return call(api().path("categories"), MediaType.APPLICATION_JSON,
                response -> response.readEntity(new GenericType<List<Category>>() { }));
    }

    private WebTarget api() {
        return client.target(config.trackerUrl()).path("api/v1");
    }

    /**
     * The URI of an API path, for the calls every search and torrent page makes: one target
     * from a finished URI, because each {@code path()}, {@code queryParam()} and
     * {@code resolveTemplates()} of a RESTEasy {@code WebTarget} copies the client's whole
     * configuration (its provider factory among it), ten copies for a search.
     */
    private String apiUri(String path) {
        String base = config.trackerUrl().toString();
        return base + (base.endsWith("/") ? "" : "/") + "api/v1/" + path;
    }

    /** RFC 3986 percent-encoding of a query value (a space is {@code %20}, never {@code +}). */
    private static String percentEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> Optional<T> unlessNotFound(WebTarget target, String accept, Function<Response, T> reader)
            throws TrackerUnavailableException {
        try (Response response = send(target, accept)) {
            // Only the tracker's own JSON error says "no such torrent"; any other 404 means the
            // URL does not lead to the tracker (SWARMPORT_TRACKER_URL), and every torrent would
            // wrongly look deleted.
            if (response.getStatus() == 404 && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
                return Optional.empty();
            }
            return Optional.of(read(target, response, reader));
        }
    }

    private <T> T call(WebTarget target, String accept, Function<Response, T> reader) throws TrackerUnavailableException {
        try (Response response = send(target, accept)) {
            return read(target, response, reader);
        }
    }

    private Response send(WebTarget target, String accept) throws TrackerUnavailableException {
        try {
            return target.request(accept).get();
        } catch (ProcessingException e) {
            throw unavailable(target, e.getMessage(), e);
        }
    }

    private <T> T read(WebTarget target, Response response, Function<Response, T> reader)
            throws TrackerUnavailableException {
        return read(target, response, 200, reader);
    }

    private <T> T read(WebTarget target, Response response, int expected, Function<Response, T> reader)
            throws TrackerUnavailableException {
        if (response.getStatus() != expected) {
            throw unavailable(target, "HTTP " + response.getStatus(), null);
        }
        try {
            return reader.apply(response);
        } catch (ProcessingException | WebApplicationException e) {
            throw unavailable(target, "unreadable answer: " + e.getMessage(), e);
        }
    }

    private TrackerUnavailableException unavailable(WebTarget target, String why, Exception cause) {
        LOG.log(Level.FINE, "tracker API did not answer", cause);
        LOG.info(() -> "Tracker API " + target.getUri().getPath() + " at " + config.trackerUrl() + " did not answer: " + why);
        return new TrackerUnavailableException("The tracker did not answer (" + why + ")", cause);
    }

    /** The {@code error} of the tracker's JSON error body, or a generic text when it has none. */
    private static String errorMessage(Response response) {
        return errorMessage(response, "the tracker refused this search");
    }

    private static String errorMessage(Response response, String otherwise) {
        try {
            JsonObject error = Json.createReader(new StringReader(response.readEntity(String.class))).readObject();
            return error.getString("error", otherwise);
        } catch (ProcessingException | JsonException | ClassCastException e) {
            return otherwise;
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private final ServiceToken serviceToken = new ServiceToken(Settings.fromSystem());

    /**
     * {@code DELETE /torrents/{id}} with the service token: the torrent is gone from the catalogue,
     * search and swarms. False when the tracker had no such torrent (deleted before).
     */
    public boolean delete(long id) throws TrackerUnavailableException {
        WebTarget target = api().path("torrents").path(Long.toString(id));
        try (Response response = write(target, target.request(MediaType.APPLICATION_JSON), "DELETE", null)) {
            if (response.getStatus() == 404 && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
                return false;
            }
            if (response.getStatus() != 204) {
                throw unavailable(target, "HTTP " + response.getStatus(), null);
            }
            return true;
        }
    }

    /** {@code GET /torrents?uploader=…&limit=…}: the newest torrents uploaded by this portal reference (a username). */
    public UploadsPage uploadsOf(String uploader, int limit) throws TrackerUnavailableException {
        WebTarget target = api().path("torrents").queryParam("uploader", "{uploader}").queryParam("limit", limit)
                .resolveTemplate("uploader", uploader);
        return call(target, MediaType.APPLICATION_JSON, response -> response.readEntity(UploadsPage.class));
    }

    /**
     * {@code POST /torrents} (multipart, with the service token): publishes the torrent and
     * answers its id. A 4xx the API documents is the uploader's to fix; anything else (the tracker
     * down, the token refused) is an outage.
     */
    public long upload(TorrentSubmission torrent) throws TrackerRefusedException, TrackerUnavailableException {
        List<EntityPart> parts = new ArrayList<>();
        try {
            parts.add(EntityPart.withName("torrent").fileName("upload.torrent").content(torrent.torrent())
                    .mediaType(BITTORRENT).build());
            textPart(parts, "title", torrent.title());
            textPart(parts, "category", Integer.toString(torrent.category()));
            textPart(parts, "tags", String.join(",", torrent.tags()));
            textPart(parts, "description", torrent.description());
            textPart(parts, "uploader", torrent.uploader());
        } catch (IOException e) {
            throw new IllegalStateException("parts of byte arrays and strings are built in memory", e);
        }
        WebTarget target = api().path("torrents");
        try (Response response = write(target, target.request(MediaType.APPLICATION_JSON),
                "POST", Entity.entity(new GenericEntity<>(parts) { }, MediaType.MULTIPART_FORM_DATA))) {
            refusal(response);
            return read(target, response, 201, r -> r.readEntity(JsonObject.class).getJsonNumber("id").longValue());
        }
    }

    /** {@code PATCH /torrents/{id}} (JSON merge patch of every label, with the service token). */
    public void edit(long id, TorrentEdit edit) throws TrackerRefusedException, TrackerUnavailableException {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        edit.tags().forEach(tags::add);
        JsonObjectBuilder patch = Json.createObjectBuilder().add("category", edit.category()).add("tags", tags);
        if (edit.title() == null) {
            patch.addNull("title");
        } else {
            patch.add("title", edit.title());
        }
        if (edit.description() == null) {
            patch.addNull("description");
        } else {
            patch.add("description", edit.description());
        }
        WebTarget target = api().path("torrents").path(Long.toString(id));
        try (Response response = write(target, target.request(MediaType.APPLICATION_JSON), "PATCH",
                Entity.entity(patch.build().toString(), "application/merge-patch+json"))) {
            refusal(response);
            read(target, response, r -> null);
        }
    }

    private static void textPart(List<EntityPart> parts, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            parts.add(EntityPart.withName(name).content(value).mediaType(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .build());
        }
    }

    private Response write(WebTarget target, jakarta.ws.rs.client.Invocation.Builder request, String method,
                           Entity<?> body) throws TrackerUnavailableException {
        String token = serviceToken.value();
        try {
            jakarta.ws.rs.client.Invocation.Builder signed = request.header("Authorization", "Bearer " + token);
            return body == null ? signed.method(method) : signed.method(method, body);
        } catch (ProcessingException e) {
            throw unavailable(target, e.getMessage(), e);
        }
    }

    /** Throws the tracker's documented refusals of a write; lets anything else through to {@link #read}. */
    private static void refusal(Response response) throws TrackerRefusedException {
        int status = response.getStatus();
        if ((status == 400 || status == 404 || status == 409 || status == 413)
                && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            String location = response.getHeaderString("Location");
            OptionalLong existing = OptionalLong.empty();
            if (status == 409 && location != null && location.matches(".*/torrents/[0-9]{1,18}")) {
                existing = OptionalLong.of(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
            }
            throw new TrackerRefusedException(status, errorMessage(response, "the tracker refused this torrent"), existing);
        }
    }

    /** How many ids {@link #existing} takes at once: the tracker's limit. */
    public static final int MAX_EXISTING_IDS = 100;

    /**
     * {@code GET /torrents/existing?ids=…}: which of these ids (at most {@value #MAX_EXISTING_IDS})
     * the catalogue still has. Any answer but the tracker's own 200 is an outage, never "none exist".
     */
    public Set<Long> existing(Collection<Long> ids) throws TrackerUnavailableException {
        if (ids.size() > MAX_EXISTING_IDS) {
            throw new IllegalArgumentException("at most " + MAX_EXISTING_IDS + " ids, got " + ids.size());
        }
        StringJoiner joined = new StringJoiner(",");
        ids.forEach(id -> joined.add(Long.toString(id)));
        WebTarget target = api().path("torrents/existing").queryParam("ids", joined.toString());
        Set<Long> existing = new HashSet<>(call(target, MediaType.APPLICATION_JSON,
                response -> response.readEntity(ExistingIds.class)).ids());
        // Only what was asked: an id the tracker adds means nothing here.
        existing.retainAll(ids);
        return existing;
    }
}
