package org.swarmport.portal.upload;

import jakarta.faces.context.FacesContext;

/**
 * What the upload and edit pages do with someone who may not use them: a visitor is sent to
 * sign in and then back; a signed-in account without the right gets the page itself with status
 * 403 and a sentence saying why, instead of the form. Checked on every GET and again on every
 * POST, since a POST can be sent without ever seeing the page.
 */
final class AccessRefusal {

    private AccessRefusal() {
    }

    /**
     * The navigation outcome that sends a visitor to {@code /login}, coming back to {@code page}
     * after. Not encoded here: Faces encodes an outcome's parameters when it makes the redirect.
     */
    static String signInFirst(String page) {
        return "/login?faces-redirect=true&next=" + page;
    }

    static void forbidden() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(403);
    }
}
