package org.swarmport.portal.account;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Optional;

/** Puts a form's problems beside the fields they are about ({@code <h:message for=…>}); every page with a form uses it. */
public final class FieldErrors {

    private final FacesContext faces = FacesContext.getCurrentInstance();
    private final String formId;
    private boolean any;

    public FieldErrors(String formId) {
        this.formId = formId;
    }

    /** Shows the problem, if there is one, beside field {@code fieldId} of this form. */
    public FieldErrors check(String fieldId, Optional<String> problem) {
        problem.ifPresent(text -> add(fieldId, text));
        return this;
    }

    public void add(String fieldId, String text) {
        any = true;
        faces.addMessage(formId + ":" + fieldId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** A problem of the whole form, shown above it. */
    public void addToForm(String text) {
        any = true;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public boolean any() {
        return any;
    }
}
