package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /logout}: a GET shows a button, its POST ends the session. Never a GET that signs out. */
@Named
@RequestScoped
public class LogoutView {

    @Inject
    CurrentUser currentUser;

    public String signOut() {
        currentUser.signOut();
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return "/index?faces-redirect=true";
    }
}
