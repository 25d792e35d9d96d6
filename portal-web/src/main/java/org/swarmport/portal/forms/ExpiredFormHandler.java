package org.swarmport.portal.forms;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted with a ViewState this session does not know (forged, or older than the
 * session) is answered 403 with the page that says so, not a stack trace. So is one whose
 * ViewState this session knows but for another page: Mojarra finds server-side state by its
 * token alone, and restoring one page's state onto another's tree fails inside Mojarra (a
 * NullPointerException while restoring), which would otherwise be a 500. Other exceptions go on
 * to Faces' own handling.
 */
public class ExpiredFormHandler extends ExceptionHandlerWrapper {

    public ExpiredFormHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEventContext event = events.next().getContext();
            if (isExpiredView(event.getException()) || isUnrestorablePostback(event)) {
                events.remove();
                FacesContext faces = FacesContext.getCurrentInstance();
                try {
                    faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    private static boolean isUnrestorablePostback(ExceptionQueuedEventContext event) {
        return event.getPhaseId() == PhaseId.RESTORE_VIEW && event.getContext().isPostback();
    }

    private static boolean isExpiredView(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Named in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredFormHandler(getWrapped().getExceptionHandler());
        }
    }
}
