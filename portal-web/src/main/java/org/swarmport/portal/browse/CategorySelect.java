package org.swarmport.portal.browse;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;
import org.swarmport.portal.tracker.Category;

/**
 * {@code <sp:categorySelect categories="…" selected="…"/>}: the search form's category menu
 * ({@code <select id="category" name="category">}, "Any" first), written in Java for the reason
 * {@link HitsTable} gives: in a {@code ui:repeat} every category was two fragments and their EL
 * on every search page. A plain HTML select, not {@code h:selectOneMenu}: the form is a GET.
 */
@FacesComponent(value = CategorySelect.TYPE, createTag = true, namespace = HitsTable.NAMESPACE, tagName = "categorySelect")
public class CategorySelect extends WrittenComponent {

    static final String TYPE = "org.swarmport.portal.browse.CategorySelect";

    @Override
    protected void write(FacesContext context, ResponseWriter out) throws IOException {
        write(out, this, listAttribute("categories"), (Category) getAttributes().get("selected"));
    }

    /** {@code selected} null for "Any". */
    static void write(ResponseWriter out, UIComponent component, List<Category> categories, Category selected)
            throws IOException {
        out.startElement("select", component);
        out.writeAttribute("id", "category", null);
        out.writeAttribute("name", "category", null);
        out.startElement("option", component);
        out.writeAttribute("value", "", null);
        out.writeText("Any", null);
        out.endElement("option");
        for (Category category : categories) {
            out.startElement("option", component);
            out.writeAttribute("value", Integer.toString(category.id()), null);
            if (selected != null && selected.id() == category.id()) {
                out.writeAttribute("selected", "selected", null);
            }
            HitsTable.text(out, category.name());
            out.endElement("option");
        }
        out.endElement("select");
    }
}
