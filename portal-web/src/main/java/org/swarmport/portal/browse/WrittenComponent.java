package org.swarmport.portal.browse;

import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;

/**
 * A component that writes its whole markup in Java ({@link HitsTable}, {@link FileTreeRows}):
 * no renderer, no children, its attributes read once when it is written.
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
}
