package org.swarmport.portal.forms;

import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;

/**
 * A page's {@code <f:viewParam>} value on a postback. When Faces refuses a form (a value not
 * among a select's items), it skips updating the beans, so a page drawn again after that finds
 * its beans' view parameters unset. Such forms post the parameter again in a hidden field of
 * the same name, which this reads first; then the view's own value.
 */
public final class ViewParameters {

    private ViewParameters() {
    }

    /** The value of view parameter {@code name} as posted, else on the current view, or null. */
    public static String value(String name) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getViewRoot() == null) {
            return null;
        }
        String posted = faces.getExternalContext().getRequestParameterMap().get(name);
        if (posted != null) {
            return posted;
        }
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(faces.getViewRoot())) {
            if (name.equals(parameter.getName())) {
                Object value = parameter.getValue();
                return value == null ? null : value.toString();
            }
        }
        return null;
    }
}
