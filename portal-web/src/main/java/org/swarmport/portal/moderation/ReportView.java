package org.swarmport.portal.moderation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.forms.ErrorResponse;

/**
 * {@code /report?torrent=7} or {@code /report?comment=42}: a signed-in user tells the moderators
 * what is wrong with it (a reason, optional text). One open report per user and target: who has
 * one sees that instead of the form.
 */
@Named
@RequestScoped
public class ReportView {

    static final String FORM = "report";

    @Inject
    Reports reports;

    @Inject
    TargetLookup lookup;

    @Inject
    CurrentUser currentUser;

    private final TargetParameters parameters = new TargetParameters();
    private String reason;
    private String details;

    private FoundTarget found;

    /** The view action: sign in first; the target must exist (else 404). */
    public String load() {
        if (!currentUser.isSignedIn()) {
            return "/login?faces-redirect=true";
        }
        found = parameters.find(lookup).orElse(null);
        return null;
    }

    /** The form's action: files the report and shows the page again (POST-redirect-GET), which then says so. */
    public void file() throws IOException {
        if (!currentUser.isSignedIn()) {
            ErrorResponse.send(403);
            return;
        }
        found = parameters.find(lookup).orElse(null);
        if (found == null) {
            return;
        }
        FieldErrors errors = new FieldErrors(FORM);
        Optional<ReportReason> chosen = ReportReason.fromCode(reason);
        if (chosen.isEmpty()) {
            errors.add("reason", "Choose a reason.");
        }
        errors.check("details", ReportReason.detailsProblem(details));
        if (!errors.any() && found.trackerUnavailable()) {
            errors.addToForm("The tracker cannot be reached to check this torrent; send the report again in a moment.");
        }
        if (errors.any()) {
            return;
        }
        String text = details == null || details.isBlank() ? null : details.strip();
        try {
            reports.file(found.target(), currentUser.accountId().orElseThrow(), chosen.get(), text);
        } catch (AlreadyReportedException e) {
            // shown by the page it goes back to
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/report?" + found.target().kind().code() + "=" + found.target().id());
        faces.responseComplete();
    }

    /** Whether the signed-in user has an open report on this target. */
    public boolean isAlreadyReported() {
        return getFound() != null && currentUser.isSignedIn()
                && reports.hasOpen(found.target(), currentUser.accountId().orElseThrow());
    }

    public List<ReportReason> getReasons() {
        return List.of(ReportReason.values());
    }

    public int getDetailsMax() {
        return ReportReason.DETAILS_MAX;
    }

    /** The reported target, or null before it is found. */
    public FoundTarget getFound() {
        found = parameters.orOnRedraw(found, lookup);
        return found;
    }

    public TargetParameters getParameters() {
        return parameters;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }
}
