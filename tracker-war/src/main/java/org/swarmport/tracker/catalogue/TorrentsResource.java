package org.swarmport.tracker.catalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.tracker.api.ApiError;
import org.swarmport.tracker.api.WriteAccess;
import org.swarmport.tracker.config.TrackerConfig;

/**
 * The catalogue's JSON API, {@code /tracker/api/v1/torrents}: the portal uploads, edits and
 * deletes torrents here (with the service token), and anyone reads them. Each method is one
 * transaction (but {@link #byId}, the portal's busiest read, which needs none); the change events
 * it causes reach their observers after it commits.
 */
@Path("/torrents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TorrentsResource {

    static final String BITTORRENT = "application/x-bittorrent";
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Catalogue catalogue;

    @Inject
    TrackerConfig config;

    @POST
    @WriteAccess
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Response add(List<EntityPart> parts, @Context UriInfo uri) throws IOException {
        TorrentUpload upload = TorrentUpload.read(parts);
        Metainfo metainfo;
        try {
            metainfo = MetainfoParser.parse(upload.torrent());
        } catch (MetainfoException e) {
            throw ApiError.exception(400, e.getMessage());
        }
        OptionalLong existing = catalogue.duplicateOf(metainfo);
        if (existing.isPresent()) {
            throw new WebApplicationException(Response.fromResponse(ApiError.response(409,
                            "already in the catalogue as torrent " + existing.getAsLong()))
                    .location(uri.getBaseUriBuilder().path("torrents").path(Long.toString(existing.getAsLong())).build())
                    .build());
        }
        Torrent torrent = catalogue.add(metainfo, upload.labels(), upload.uploader());
        return Response.created(uri.getBaseUriBuilder().path("torrents").path(Long.toString(torrent.id())).build())
                .entity(details(torrent)).build();
    }

    /**
     * {@code GET /torrents?uploader=alice&limit=20}: an uploader's newest torrents (the portal's
     * profile page). The search index has no uploader field, and a profile needs no ranking: the
     * catalogue answers this.
     */
    @GET
    @Transactional
    public UploadsPage byUploader(@QueryParam("uploader") String uploader, @QueryParam("limit") String limit) {
        if (uploader == null || uploader.isBlank()) {
            throw ApiError.exception(400, "uploader: required (the portal's reference given at upload)");
        }
        int max;
        try {
            max = limit == null ? 20 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > UploadsPage.MAX_LIMIT) {
            throw ApiError.exception(400, "limit: between 1 and " + UploadsPage.MAX_LIMIT);
        }
        return catalogue.byUploader(uploader.strip(), max);
    }

    /** No transaction: two reads (the torrent with its tags, its files) that need none. */
    @GET
    @Path("{id}")
    public TorrentDetails byId(@PathParam("id") String id) {
        long parsed = idOf(id);
        return details((parsed > 0 ? catalogue.findToRead(parsed) : Optional.<Torrent>empty())
                .orElseThrow(() -> notFound(id)));
    }

    @GET
    @Path("by-hash/{hex}")
    @Transactional
    public TorrentDetails byHash(@PathParam("hex") String hex) {
        String hash = hex.toLowerCase(Locale.ROOT);
        if (!(hash.length() == 40 || hash.length() == 64) || !hash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw ApiError.exception(400, "an info-hash is 40 (v1, or v2 truncated) or 64 (v2) hex digits");
        }
        return details(catalogue.findByHash(hash)
                .orElseThrow(() -> ApiError.exception(404, "no torrent with info-hash " + hash)));
    }

    @GET
    @Path("{id}/metainfo")
    @Produces(BITTORRENT)
    @Transactional
    public Response metainfo(@PathParam("id") String id) {
        Torrent torrent = existing(id);
        byte[] stored = catalogue.metainfo(torrent.id())
                .orElseThrow(() -> ApiError.exception(404, "torrent " + id + " was stored without its .torrent file"));
        return Response.ok(ServedMetainfo.withAnnounce(stored, config.announceUrl().toString()), BITTORRENT)
                .header("Content-Disposition", AttachmentName.of(torrent.displayName()))
                .build();
    }

    @PATCH
    @Path("{id}")
    @WriteAccess
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Transactional
    public TorrentDetails edit(@PathParam("id") String id, byte[] body) {
        Torrent torrent = existing(id);
        TorrentLabels labels = TorrentPatch.apply(body,
                new TorrentLabels(torrent.title(), torrent.category(), torrent.tags(), torrent.description()));
        catalogue.relabel(torrent, labels);
        return details(torrent);
    }

    @DELETE
    @Path("{id}")
    @WriteAccess
    @Transactional
    public Response delete(@PathParam("id") String id) {
        catalogue.remove(existing(id));
        return Response.noContent().build();
    }

    private Torrent existing(String id) {
        long parsed = idOf(id);
        return (parsed > 0 ? catalogue.find(parsed) : Optional.<Torrent>empty()).orElseThrow(() -> notFound(id));
    }

    /** The id in a path, or -1 when it is no number. */
    private static long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static WebApplicationException notFound(String id) {
        return ApiError.exception(404, "no torrent with id " + PlainText.shown(id));
    }

    private TorrentDetails details(Torrent torrent) {
        return TorrentDetails.of(torrent, catalogue.files(torrent.id(), TorrentDetails.MAX_FILES),
                config.announceUrl().toString());
    }

    /**
     * {@code GET /torrents/existing?ids=3,7,9}: which of up to {@value ExistingIds#MAX_IDS} ids are
     * still in the catalogue, {@code {"ids":[3,9]}}. The portal sweeps the comments of torrents
     * deleted without it (by this API's DELETE from another tool) with one call per batch.
     */
    @GET
    @Path("existing")
    @Transactional
    public ExistingIds existingOf(@QueryParam("ids") String ids) {
        return new ExistingIds(catalogue.existing(ExistingIds.parse(ids)));
    }
}
