package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * {@code <sp:fileTreeRows rows="…"/>}: the rows of a torrent's file tree (the torrent page's
 * {@code tbody}), written in Java for the reason {@link HitsTable} gives: a torrent lists up to
 * 10,000 files, each row a dozen components and EL expressions in a {@code ui:repeat}. Names
 * come from the .torrent and are escaped by {@link ResponseWriter#writeText}.
 */
@FacesComponent(value = FileTreeRows.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "fileTreeRows")
public class FileTreeRows extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.FileTreeRows";

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        write(out, this, listAttribute("rows"));
    }

    static void write(ResponseWriter out, UIComponent component, List<FileTreeRow> rows) throws IOException {
        for (FileTreeRow row : rows) {
            out.startElement("tr", component);
            out.writeAttribute("class", row.getStyleClass(), null);
            out.writeAttribute("data-depth", Integer.toString(row.getDepth()), null);
            out.startElement("th", component);
            out.writeAttribute("scope", "row", null);
            out.writeAttribute("style", row.getIndent(), null);
            HitsTable.element(out, component, "span", "visually-hidden", row.getKind());
            HitsTable.element(out, component, "span", "entry-name", row.getShownName());
            out.endElement("th");
            HitsTable.element(out, component, "td", "size", row.getShownSize());
            out.endElement("tr");
        }
    }
}
