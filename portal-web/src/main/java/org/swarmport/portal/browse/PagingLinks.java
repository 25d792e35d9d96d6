package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * {@code <sp:pagingLinks view="…"/>}: a search view's previous, numbered and next links,
 * written in Java for the reason {@link HitsTable} gives; nothing when there is one page or
 * none. Links are escaped by the {@link ResponseWriter}.
 */
@FacesComponent(value = PagingLinks.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "pagingLinks")
public class PagingLinks extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.PagingLinks";

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        SearchView view = (SearchView) getAttributes().get("view");
        if (view.getPageCount() > 1) {
            write(out, this, view.getPreviousHref(), view.getPageLinks(), view.getNextHref());
        }
    }

    /** {@code previousHref} and {@code nextHref} null where there is no such page. */
    static void write(ResponseWriter out, UIComponent component, String previousHref, List<PageLink> links,
                      String nextHref) throws IOException {
        out.startElement("nav", component);
        out.writeAttribute("class", "paging", null);
        out.writeAttribute("aria-label", "Pages of results", null);
        out.startElement("ul", component);
        if (previousHref != null) {
            step(out, component, "page-previous", "prev", previousHref, "Previous");
        }
        for (PageLink link : links) {
            out.startElement("li", component);
            if (link.current()) {
                out.startElement("span", component);
                out.writeAttribute("class", "page-current", null);
                out.writeAttribute("aria-current", "page", null);
            } else {
                out.startElement("a", component);
                out.writeAttribute("class", "page-number", null);
                HitsTable.attribute(out, "href", link.href());
                out.writeAttribute("aria-label", "Page " + link.number(), null);
            }
            out.writeText(Integer.toString(link.number()), null);
            out.endElement(link.current() ? "span" : "a");
            out.endElement("li");
        }
        if (nextHref != null) {
            step(out, component, "page-next", "next", nextHref, "Next");
        }
        out.endElement("ul");
        out.endElement("nav");
    }

    private static void step(ResponseWriter out, UIComponent component, String id, String rel, String href, String label)
            throws IOException {
        out.startElement("li", component);
        out.startElement("a", component);
        out.writeAttribute("id", id, null);
        out.writeAttribute("rel", rel, null);
        out.writeAttribute("href", href, null);
        out.writeText(label, null);
        out.endElement("a");
        out.endElement("li");
    }
}
