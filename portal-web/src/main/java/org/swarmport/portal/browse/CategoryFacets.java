package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * {@code <sp:categoryFacets view="…"/>}: a search view's category filter links ("All
 * categories", then each category with hits and its count), written in Java for the reason
 * {@link HitsTable} gives; nothing when no category has hits. Names and links are escaped by
 * the {@link ResponseWriter}.
 */
@FacesComponent(value = CategoryFacets.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "categoryFacets")
public class CategoryFacets extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.CategoryFacets";

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        SearchView view = (SearchView) getAttributes().get("view");
        write(out, this, view.getAllCategoriesHref(), view.getFacets());
    }

    static void write(ResponseWriter out, UIComponent component, String allCategoriesHref, List<CategoryFacet> facets)
            throws IOException {
        if (facets.isEmpty()) {
            return;
        }
        out.startElement("nav", component);
        out.writeAttribute("class", "facets", null);
        out.writeAttribute("aria-label", "Filter by category", null);
        out.startElement("ul", component);
        out.startElement("li", component);
        out.startElement("a", component);
        HitsTable.attribute(out, "href", allCategoriesHref);
        out.writeText("All categories", null);
        out.endElement("a");
        out.endElement("li");
        for (CategoryFacet facet : facets) {
            out.startElement("li", component);
            out.startElement("a", component);
            out.writeAttribute("class", facet.selected() ? "facet selected" : "facet", null);
            HitsTable.attribute(out, "href", facet.href());
            out.writeAttribute("aria-current", facet.selected() ? "true" : "false", null);
            out.writeText(facet.name() + " (" + facet.count() + ")", null);
            out.endElement("a");
            out.endElement("li");
        }
        out.endElement("ul");
        out.endElement("nav");
    }
}
