package org.swarmport.portal.browse;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.swarmport.portal.account.ApiKeys;
import org.swarmport.portal.tracker.TorrentFileDownload;
import org.swarmport.portal.tracker.TrackerClient;
import org.swarmport.portal.tracker.TrackerUnavailableException;

/**
 * {@code GET /download/{id}.torrent}: the tracker's .torrent (its announce URL set to the
 * tracker's), as a download. The file name comes from the tracker's {@code Content-Disposition},
 * which keeps only characters no browser or shell misreads; without one, the id names the file.
 * Served without a cookie, so that feed readers and *arr tools can fetch it.
 */
@WebServlet("/download/*")
public class TorrentDownloadServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([1-9][0-9]{0,17})\\.torrent");

    @Inject
    TrackerClient tracker;

    @Inject
    ApiKeys apiKeys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Downloads are public; a feed's links carry its asker's apikey, which must still be
        // theirs: a replaced key stops working everywhere at once.
        String key = request.getParameter("apikey");
        if (key != null && !key.isBlank() && apiKeys.accountOf(key.strip()).isEmpty()) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Unknown apikey.");
            return;
        }
        long id = Long.parseLong(path.group(1));
        Optional<TorrentFileDownload> file;
        try {
            file = tracker.metainfo(id);
        } catch (TrackerUnavailableException e) {
            response.setHeader("Retry-After", "30");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The tracker cannot be reached right now.");
            return;
        }
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String disposition = file.get().contentDisposition();
        response.setContentType("application/x-bittorrent");
        response.setHeader("Content-Disposition", disposition != null && disposition.startsWith("attachment;")
                ? disposition : "attachment; filename=\"" + id + ".torrent\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(file.get().bytes().length);
        response.getOutputStream().write(file.get().bytes());
    }
}
