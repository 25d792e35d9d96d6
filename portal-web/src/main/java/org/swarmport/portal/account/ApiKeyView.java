package org.swarmport.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * The API key section of {@code /account}. The key is shown in the one response that made it
 * (only its hash is kept, see {@link ApiKeys}): when the page is first shown to an account
 * without a key, and after "make a new key".
 */
@Named
@RequestScoped
public class ApiKeyView {

    @Inject
    ApiKeys apiKeys;

    @Inject
    CurrentUser currentUser;

    private String shownKey;

    /**
     * The page's view action: an account that has no key yet gets one now, the first time it
     * could be shown, and a key made at registration would never have been seen.
     */
    public void makeFirstKey() {
        currentUser.accountId().filter(id -> apiKeys.createdAt(id).isEmpty()).ifPresent(id -> show(apiKeys.regenerate(id)));
    }

    /** The "make a new key" POST: the old key stops working with this transaction. */
    public String regenerate() {
        if (currentUser.accountId().isEmpty()) {
            return "/login?faces-redirect=true";
        }
        show(apiKeys.regenerate(currentUser.accountId().get()));
        FacesContext.getCurrentInstance().addMessage("api-key:regenerate",
                new FacesMessage(FacesMessage.SEVERITY_INFO, "A new key is made; the old one no longer works.", null));
        return null;
    }

    private void show(String key) {
        shownKey = key;
        // The page now holds a secret: no cache, shared or the browser's history, keeps it.
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseHeader("Cache-Control", "no-store");
    }

    /** The key, in the response that made it; null otherwise. */
    public String getKey() {
        return shownKey;
    }

    /** When the current key was made, or null when there is none. */
    public Instant getCreatedAt() {
        return currentUser.accountId().flatMap(apiKeys::createdAt).orElse(null);
    }
}
