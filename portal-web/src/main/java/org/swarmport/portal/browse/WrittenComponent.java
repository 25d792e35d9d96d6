package org.swarmport.portal.browse;

import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * A component that writes its whole markup in Java ({@link HitsTable}, {@link FileTreeRows} and
 * the others of this package): no renderer, no children, its attributes read once when it is
 * written.
 */
public abstract class WrittenComponent extends UIComponentBase {

    @Override
    public String getFamily() {
        return "org.swarmport.portal.browse";
    }

    @Override
    public void encodeAll(FacesContext context) throws IOException {
        if (isRendered()) {
            write(context, context.getResponseWriter());
        }
    }

    protected abstract void write(FacesContext context, ResponseWriter out) throws IOException;

    /** The list attribute {@code name}, as the page gave it, or an empty list where it gave none. */
    @SuppressWarnings("unchecked")
    protected final <T> List<T> listAttribute(String name) {
        List<T> list = (List<T>) getAttributes().get(name);
        return list == null ? List.of() : list;
    }
}
