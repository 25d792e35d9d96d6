package org.swarmport.portal.comment;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.swarmport.portal.account.CurrentUser;
import org.swarmport.portal.account.FieldErrors;
import org.swarmport.portal.browse.TorrentView;
import org.swarmport.portal.forms.ErrorResponse;

/**
 * The comments part of {@code /torrent?id=7} ({@code WEB-INF/includes/comments.xhtml}): a page
 * of comments ({@code cpage}), oldest first, and for whoever is signed in the form to add one.
 * The torrent comes from {@link TorrentView}, which asked the tracker for it.
 */
@Named
@RequestScoped
public class CommentsView {

    static final int PAGE_SIZE = 50;
    static final String FORM = "comment-form";

    @Inject
    TorrentView torrentView;

    @Inject
    Comments comments;

    @Inject
    CommentRateLimit rateLimit;

    @Inject
    CurrentUser currentUser;

    private String text;
    private List<Comment> page;
    private long total = -1;
    private int pageNumber;

    /** For the page: the torrent's id, or null when there is none to show comments of. */
    public Long getTorrentId() {
        return torrentId().orElse(null);
    }

    /** The torrent's id when the tracker has it, or when the tracker is away but the id is a number. */
    Optional<Long> torrentId() {
        if (torrentView.getTorrent() != null) {
            return Optional.of(torrentView.getTorrent().id());
        }
        if (!torrentView.isTrackerUnavailable()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(torrentView.getId() == null ? "" : torrentView.getId().strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isShown() {
        return torrentId().isPresent();
    }

    public long getTotal() {
        if (total < 0) {
            firstPageWhenItIsAll();
        }
        if (total < 0) {
            total = torrentId().map(comments::countOfTorrent).orElse(0L);
        }
        return total;
    }

    /**
     * Most torrents have fewer comments than fit on a page, most often none: when the first
     * page is asked for and is not full, it holds them all and says how many there are, with
     * no count query (with its transaction, 7 % of the server's samples over both bench/portal pages).
     */
    private void firstPageWhenItIsAll() {
        Optional<Long> id = torrentId();
        if (id.isEmpty()) {
            total = 0;
            page = List.of();
            return;
        }
        if (askedPage() > 1) {
            return;
        }
        // Page 1 is shown either way (cpage 1 or less); a full one needs the count for the paging links.
        page = comments.ofTorrent(id.get(), 1, PAGE_SIZE);
        pageNumber = 1;
        if (page.size() < PAGE_SIZE) {
            total = page.size();
        }
    }

    /** {@code cpage} as a number, 1 when absent or not a number. */
    private static int askedPage() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("cpage");
        try {
            return asked == null ? 1 : Integer.parseInt(asked.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public int getPageCount() {
        return (int) Math.max(1, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The page asked for by {@code cpage}, kept between 1 and the last page. */
    public int getPageNumber() {
        if (pageNumber == 0) {
            pageNumber = Math.min(Math.max(askedPage(), 1), getPageCount());
        }
        return pageNumber;
    }

    public List<Comment> getComments() {
        if (page == null && getTotal() == 0) {
            page = List.of();
        }
        if (page == null) {
            page = torrentId().map(id -> comments.ofTorrent(id, getPageNumber(), PAGE_SIZE)).orElse(List.of());
        }
        return page;
    }

    /** The number of the page's first comment in the whole list, for {@code <ol start>}. */
    public long getFirstNumber() {
        return (long) (getPageNumber() - 1) * PAGE_SIZE + 1;
    }

    /** Page numbers for the paging links; one page needs none. */
    public List<Long> getPageNumbers() {
        return getPageCount() < 2 ? List.of() : LongStream.rangeClosed(1, getPageCount()).boxed().toList();
    }

    /** {@code /torrent?id=7&cpage=2#comments}, relative to the context path. */
    public String pageHref(long number) {
        return "/torrent?id=" + torrentId().orElse(0L) + (number > 1 ? "&cpage=" + number : "") + "#comments";
    }

    public int getMaxLength() {
        return CommentText.MAX_LENGTH;
    }

    /** The form's action: stores the comment and shows it (POST-redirect-GET), or shows what is wrong. */
    public void post() throws IOException {
        if (!currentUser.isSignedIn()) {
            ErrorResponse.send(403);
            return;
        }
        // The postback does not run the page's view action: ask the tracker now whether the
        // torrent is still there (a deleted one answers 404) and to show the page again on errors.
        torrentView.load();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getResponseComplete()) {
            return;
        }
        FieldErrors errors = new FieldErrors(FORM);
        String normalized = CommentText.normalized(text);
        errors.check("body", CommentText.problem(normalized));
        if (!errors.any() && torrentView.isTrackerUnavailable()) {
            errors.add("body", "The tracker cannot be reached to check this torrent; send the comment again in a moment.");
        }
        long accountId = currentUser.accountId().orElseThrow();
        if (!errors.any()) {
            Duration wait = rateLimit.take(accountId);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                errors.add("body", "One comment every " + CommentRateLimit.INTERVAL.toSeconds()
                        + " seconds: you can post again in " + seconds + (seconds == 1 ? " second." : " seconds."));
            }
        }
        if (errors.any()) {
            return;
        }
        long torrentId = torrentView.getTorrent().id();
        Comment comment = comments.post(torrentId, accountId, normalized);
        long lastPage = (comments.countOfTorrent(torrentId) + PAGE_SIZE - 1) / PAGE_SIZE;
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/torrent?id=" + torrentId
                + (lastPage > 1 ? "&cpage=" + lastPage : "") + "#comment-" + comment.id());
        faces.responseComplete();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
