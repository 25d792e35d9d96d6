package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;
import org.swarmport.portal.tracker.SearchHit;

/**
 * {@code <sp:hitsTable hits="…" caption="…" sortable="…"/>}: a table of torrents (search hits),
 * written in Java. The same markup as the {@code ui:repeat} it replaces, but one component
 * instead of a dozen per row, and no EL per cell: building, resolving and rendering those was
 * the largest part of the search page's CPU (bench/portal, JFR). Every value from the tracker
 * goes through {@link ResponseWriter#writeText} or {@link ResponseWriter#writeAttribute}, which
 * escape it; attributes as Facelets writes them in a page (an empty value is left out), so the
 * HTML is what the page's markup gave.
 */
@FacesComponent(value = HitsTable.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "hitsTable")
public class HitsTable extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.HitsTable";
    /** The namespace of the portal's own tags. */
    public static final String NAMESPACE = "swarmport.browse";

    private static final String[] COLUMNS = {"name", "category", "size", "seeders", "leechers", "added"};
    private static final String[] LABELS = {"Name", "Category", "Size", "Seeders", "Leechers", "Added"};

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        Object sortable = getAttributes().get("sortable");
        write(out, this, context.getExternalContext().getRequestContextPath(),
                (String) getAttributes().get("caption"), listAttribute("hits"),
                sortable instanceof SortLinks links ? links : null);
    }

    /** The table; {@code sortable} null for one whose headers are not sort links (the home page). */
    static void write(ResponseWriter out, UIComponent component, String contextPath, String caption,
                      List<SearchHit> hits, SortLinks sortable) throws IOException {
        out.startElement("div", component);
        out.writeAttribute("class", "table-scroll", null);
        out.startElement("table", component);
        out.writeAttribute("class", "hits", null);
        element(out, component, "caption", null, caption);
        out.startElement("thead", component);
        out.startElement("tr", component);
        for (int i = 0; i < COLUMNS.length; i++) {
            header(out, component, COLUMNS[i], LABELS[i], "category".equals(COLUMNS[i]) ? null : sortable);
        }
        out.endElement("tr");
        out.endElement("thead");
        out.startElement("tbody", component);
        String torrentHref = contextPath + "/torrent?id=";
        for (SearchHit hit : hits) {
            row(out, component, torrentHref, hit);
        }
        out.endElement("tbody");
        out.endElement("table");
        out.endElement("div");
    }

    private static void header(ResponseWriter out, UIComponent component, String column, String label, SortLinks sortable)
            throws IOException {
        out.startElement("th", component);
        out.writeAttribute("scope", "col", null);
        out.writeAttribute("class", column, null);
        if (sortable == null) {
            out.writeText(label, null);
        } else {
            attribute(out, "aria-sort", sortable.ariaSort(column));
            out.startElement("a", component);
            out.writeAttribute("class", "sort", null);
            attribute(out, "href", sortable.sortHref(column));
            out.writeText(label, null);
            out.endElement("a");
        }
        out.endElement("th");
    }

    private static void row(ResponseWriter out, UIComponent component, String torrentHref, SearchHit hit) throws IOException {
        out.startElement("tr", component);
        out.startElement("th", component);
        out.writeAttribute("scope", "row", null);
        out.writeAttribute("class", "name", null);
        out.startElement("a", component);
        out.writeAttribute("class", "torrent-link", null);
        out.writeAttribute("href", torrentHref + hit.id(), null);
        text(out, hit.name());
        out.endElement("a");
        out.endElement("th");
        element(out, component, "td", "category", hit.category() == null ? "" : hit.category().name());
        element(out, component, "td", "size", Formats.size(hit.size()));
        element(out, component, "td", "seeders", Long.toString(hit.seeders()));
        element(out, component, "td", "leechers", Long.toString(hit.leechers()));
        out.startElement("td", component);
        out.writeAttribute("class", "added", null);
        out.startElement("time", component);
        attribute(out, "datetime", hit.added() == null ? "" : hit.added().toString());
        text(out, Formats.date(hit.added()));
        out.endElement("time");
        out.endElement("td");
        out.endElement("tr");
    }

    /** {@code <name class="…">text</name>}; no class attribute when {@code styleClass} is null. */
    static void element(ResponseWriter out, UIComponent component, String name, String styleClass, String text)
            throws IOException {
        out.startElement(name, component);
        attribute(out, "class", styleClass);
        text(out, text);
        out.endElement(name);
    }

    /** As Facelets writes an attribute of a page's markup: left out when empty. */
    static void attribute(ResponseWriter out, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.writeAttribute(name, value, null);
        }
    }

    static void text(ResponseWriter out, String text) throws IOException {
        if (text != null && !text.isEmpty()) {
            out.writeText(text, null);
        }
    }
}
