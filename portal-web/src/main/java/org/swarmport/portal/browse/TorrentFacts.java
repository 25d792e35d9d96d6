package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.swarmport.portal.tracker.TorrentDetails;

/**
 * {@code <sp:torrentFacts torrent="…"/>}: the torrent page's {@code <dl class="facts">}
 * (category, size, swarm counts, date, uploader, tags, info-hashes), written in Java: as markup
 * it was a dozen components and some twenty EL expressions, each resolving {@code torrentView}
 * through Weld again, on the portal's busiest page after search. The same HTML; every value is
 * escaped by the {@link ResponseWriter}.
 */
@FacesComponent(value = TorrentFacts.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "torrentFacts")
public class TorrentFacts extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.TorrentFacts";

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        TorrentDetails torrent = (TorrentDetails) getAttributes().get("torrent");
        if (torrent != null) {
            String contextPath = context.getExternalContext().getRequestContextPath();
            write(out, this, torrent, context.getExternalContext().encodeResourceURL(userHref(contextPath, torrent.uploader())));
        }
    }

    /** The uploader's profile, as {@code h:outputLink} with an {@code f:param} wrote it. */
    static String userHref(String contextPath, String uploader) {
        return contextPath + "/user?name=" + URLEncoder.encode(uploader == null ? "" : uploader, StandardCharsets.UTF_8);
    }

    static void write(ResponseWriter out, UIComponent component, TorrentDetails torrent, String uploaderHref) throws IOException {
        out.startElement("dl", component);
        out.writeAttribute("class", "facts", null);
        fact(out, component, "Category", "torrent-category", torrent.category() == null ? "" : torrent.category().name());
        fact(out, component, "Total size", "torrent-size",
                Formats.size(torrent.totalSize()) + " (" + torrent.totalSize() + " bytes)");
        fact(out, component, "Seeders", "torrent-seeders", Integer.toString(torrent.seeders()));
        fact(out, component, "Leechers", "torrent-leechers", Integer.toString(torrent.leechers()));
        fact(out, component, "Completed", "torrent-completed", Long.toString(torrent.completed()));
        term(out, component, "Added");
        out.startElement("dd", component);
        out.startElement("time", component);
        HitsTable.attribute(out, "datetime", torrent.addedAt() == null ? "" : torrent.addedAt().toString());
        HitsTable.text(out, Formats.date(torrent.addedAt()));
        out.endElement("time");
        out.endElement("dd");
        if (torrent.uploader() != null && !torrent.uploader().isEmpty()) {
            term(out, component, "Uploaded by");
            out.startElement("dd", component);
            out.startElement("a", component);
            out.writeAttribute("id", "torrent-uploader", null);
            out.writeURIAttribute("href", uploaderHref, null);
            HitsTable.text(out, torrent.uploader());
            out.endElement("a");
            out.endElement("dd");
        }
        if (!torrent.tags().isEmpty()) {
            fact(out, component, "Tags", "torrent-tags", String.join(", ", torrent.tags()));
        }
        hash(out, component, "Info-hash v1", "info-hash-v1", torrent.infoHashV1());
        hash(out, component, "Info-hash v2", "info-hash-v2", torrent.infoHashV2());
        out.endElement("dl");
    }

    private static void term(ResponseWriter out, UIComponent component, String term) throws IOException {
        HitsTable.element(out, component, "dt", null, term);
    }

    private static void fact(ResponseWriter out, UIComponent component, String term, String id, String value)
            throws IOException {
        term(out, component, term);
        out.startElement("dd", component);
        out.writeAttribute("id", id, null);
        HitsTable.text(out, value);
        out.endElement("dd");
    }

    private static void hash(ResponseWriter out, UIComponent component, String term, String id, String hash)
            throws IOException {
        if (hash != null) {
            term(out, component, term);
            out.startElement("dd", component);
            out.startElement("code", component);
            out.writeAttribute("id", id, null);
            HitsTable.text(out, hash);
            out.endElement("code");
            out.endElement("dd");
        }
    }
}
