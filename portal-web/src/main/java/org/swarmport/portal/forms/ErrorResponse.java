package org.swarmport.portal.forms;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Ends a Faces request with an HTTP error, whose page web.xml names (403, 404), instead of the view. */
public final class ErrorResponse {

    private ErrorResponse() {
    }

    public static void send(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
