package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.portal.account.FacesForm;
import org.swarmport.portal.account.PortalVisitor;

/**
 * Comments, reports, moderation and profiles over HTTP, as a browser without JavaScript uses
 * them, with the tracker behind the portal: torrents go in through the tracker's API with an
 * uploader's name, people register, comment, report; an admin makes a moderator, who works the
 * queue. The server runs with {@code -Dswarmport.admin.username=first-admin} (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityPagesIT extends PortalWithTracker {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN = "first-admin";
    private static final String HOSTILE = "<script>alert(1)</script> & <img src=x onerror=alert(2)>\nsecond line";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * The server's database outlives test runs: every run has its own names. Letters only, so the
     * release-name analyzer keeps it one word and a search for it finds this run's torrents.
     */
    private static final String RUN = letters(8);
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String MOD = "mod-" + RUN;

    private static PortalVisitor alice;
    private static PortalVisitor bob;
    private static PortalVisitor mod;
    private static PortalVisitor admin;
    private static TrackerUploads uploads;
    private static long discussed;
    private static long quiet;
    private static long hostileComment;

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder("zc");
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    private static String unescapedText(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).trim() : "";
    }

    private static String errorBeside(String html, String messageId) {
        Matcher m = Pattern.compile("<span id=\"" + Pattern.quote(messageId) + "\"[^>]*>([^<]*)</span>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private static long count(String html, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
    }

    private PortalVisitor signedIn(String name) throws Exception {
        PortalVisitor visitor = new PortalVisitor(portal);
        visitor.register(name, PASSWORD);
        HttpResponse<String> account = visitor.signIn(name, PASSWORD);
        assertTrue(account.uri().getPath().endsWith("/account"), account.body());
        return visitor;
    }

    private static HttpResponse<String> comment(PortalVisitor who, long torrent, String text) throws Exception {
        return who.submit(who.form("torrent?id=" + torrent, "comment-form").set("body", text), "submit");
    }

    private static HttpResponse<String> plainGet(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void publishTorrentsWithAnUploaderAndSignPeopleIn() throws Exception {
        uploads = new TrackerUploads(tracker);
        alice = signedIn(ALICE);
        bob = signedIn(BOB);
        mod = signedIn(MOD);
        admin = new PortalVisitor(portal);
        admin.register(ADMIN, PASSWORD);
        // registered by this or an earlier run (or by AccountPagesIT): the configured admin either way
        assertTrue(admin.signIn(ADMIN, PASSWORD).uri().getPath().endsWith("/account"));
        discussed = uploads.upload(BrowseTorrents.single("Community." + RUN + ".Discussed.2024", 2_000).rawBytes(),
                Map.of("category", "tv", "uploader", ALICE));
        quiet = uploads.upload(BrowseTorrents.single("Community." + RUN + ".Quiet.2024", 3_000).rawBytes(),
                Map.of("category", "movies", "uploader", ALICE));
    }

    @Test
    @Order(2)
    void aVisitorReadsTheTorrentPageWithoutASessionAndGetsNoForm() throws Exception {
        HttpResponse<String> page = new PortalVisitor(portal).get("torrent?id=" + discussed);

        assertEquals(200, page.statusCode());
        assertEquals(List.of(), page.headers().allValues("Set-Cookie"));
        assertTrue(page.body().contains("id=\"comments-heading\">Comments (0)"), page.body());
        assertTrue(page.body().contains("id=\"sign-in-to-comment\""), page.body());
        assertFalse(page.body().contains("comment-form"), page.body());
        assertFalse(page.body().contains("jakarta.faces.ViewState"), page.body());
    }

    @Test
    @Order(3)
    void aCommentIsShownEscapedWithItsLineBreaksAuthorAndTime() throws Exception {
        HttpResponse<String> after = comment(alice, discussed, HOSTILE);

        assertEquals(200, after.statusCode(), after.body());
        assertTrue(after.uri().getQuery().contains("id=" + discussed), "POST-redirect-GET to the torrent: " + after.uri());
        String body = new PortalVisitor(portal).get("torrent?id=" + discussed).body();
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;\nsecond line"), body);
        assertFalse(body.contains("<script>alert(1)"), body);
        assertFalse(body.contains("<img src=x"), body);
        assertTrue(body.contains("href=\"/user?name=" + ALICE + "\">" + ALICE + "</a>"), body);
        assertTrue(body.matches("(?s).*<time datetime=\"[0-9T:.\\-]+Z\">[0-9\\- :]+ UTC</time>.*"), body);
        Matcher id = Pattern.compile("<li id=\"comment-(\\d+)\" class=\"comment\">").matcher(body);
        assertTrue(id.find(), body);
        hostileComment = Long.parseLong(id.group(1));
    }

    @Test
    @Order(4)
    void aSecondCommentWithinTenSecondsIsRefusedBesideTheField() throws Exception {
        HttpResponse<String> again = comment(alice, discussed, "too soon");

        assertEquals(200, again.statusCode());
        assertTrue(errorBeside(again.body(), "comment-form:body-error").startsWith("One comment every 10 seconds: you can post again in"),
                again.body());
        assertTrue(again.body().contains(">too soon</textarea>"), "the text is kept:\n" + again.body());
        assertTrue(again.body().contains("aria-describedby=\"comment-form:body-hint comment-form:body-error\""), again.body());
        assertFalse(new PortalVisitor(portal).get("torrent?id=" + discussed).body().contains("too soon"));
    }

    @Test
    @Order(5)
    void blankTooLongAndOversizedCommentsAreRefusedAndNothingIsStored() throws Exception {
        HttpResponse<String> blank = comment(bob, discussed, " \r\n ");
        assertEquals("Write something first.", errorBeside(blank.body(), "comment-form:body-error"), blank.body());

        HttpResponse<String> tooLong = comment(bob, discussed, "x".repeat(4_001));
        assertEquals("At most 4,000 characters; this one has 4,001.", errorBeside(tooLong.body(), "comment-form:body-error"));

        HttpResponse<String> huge = comment(bob, discussed, "y".repeat(2_000_000));
        assertEquals(200, huge.statusCode());
        assertTrue(errorBeside(huge.body(), "comment-form:body-error").startsWith("At most 4,000 characters"), "no stack trace");

        HttpResponse<String> control = comment(bob, discussed, "bell\u0007");
        assertTrue(errorBeside(control.body(), "comment-form:body-error").startsWith("Remove the control characters"));

        String page = new PortalVisitor(portal).get("torrent?id=" + discussed).body();
        assertTrue(page.contains("Comments (1)"), page);
    }

    @Test
    @Order(6)
    void aCommentOnATorrentTheTrackerDoesNotHaveIsA404() throws Exception {
        FacesForm form = bob.form("torrent?id=" + quiet, "comment-form").set("body", "about to vanish");
        long gone = uploads.upload(BrowseTorrents.single("Community." + RUN + ".Gone", 1_500).rawBytes(), Map.of());
        uploads.delete(gone);

        // the form of one torrent's page, sent as if from another's whose torrent is gone
        HttpResponse<String> response = bob.post(URI.create(portal + "torrent.xhtml?id=" + gone), form.body("submit"));
        assertTrue(response.statusCode() == 404 || response.statusCode() == 403, response.statusCode() + response.body());
        assertEquals(404, new PortalVisitor(portal).get("torrent?id=" + gone).statusCode());
    }

    @Test
    @Order(7)
    void visitorsCannotPostForgedOrWithTheirOwnSession() throws Exception {
        FacesForm real = bob.form("torrent?id=" + discussed, "comment-form").set("body", "forged");
        URI action = real.action;

        // no session, no ViewState
        HttpResponse<String> bare = new PortalVisitor(portal).post(action, "comment-form=comment-form&comment-form%3Abody=forged"
                + "&comment-form%3Asubmit=clicked");
        assertEquals(403, bare.statusCode());

        // no session, bob's ViewState copied
        assertEquals(403, new PortalVisitor(portal).post(action, real.body("submit")).statusCode());

        // a visitor with a session of their own (from the sign-in page) and its ViewState
        PortalVisitor visitor = new PortalVisitor(portal);
        FacesForm login = visitor.form("login", "login");
        String forged = real.body("submit").replaceAll("jakarta.faces.ViewState=[^&]*",
                "jakarta.faces.ViewState=" + URLEncoder.encode(login.fields.get(FacesForm.VIEW_STATE),
                        StandardCharsets.UTF_8));
        // the sign-in page's state does not restore onto the torrent page: refused, not a 500
        assertEquals(403, visitor.post(action, forged).statusCode());

        String page = new PortalVisitor(portal).get("torrent?id=" + discussed).body();
        assertFalse(page.contains("forged"), page);
    }

    @Test
    @Order(8)
    void fiftyOneCommentsArePagedFiftyToAPageOldestFirst() throws Exception {
        List<PortalVisitor> commenters = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            commenters.add(signedIn("c" + i + "-" + RUN));
        }
        for (int i = 0; i < commenters.size(); i++) {
            assertEquals(200, comment(commenters.get(i), discussed, "comment number " + (i + 2)).statusCode());
        }

        String first = new PortalVisitor(portal).get("torrent?id=" + discussed).body();
        assertTrue(first.contains("Comments (51)"), first);
        assertEquals(50, count(first, "class=\"comment\""), first);
        assertTrue(first.indexOf("second line") < first.indexOf("comment number 2<"), "oldest first");
        assertFalse(first.contains("comment number 51<"), first);
        assertTrue(first.contains("href=\"/torrent?id=" + discussed + "&amp;cpage=2#comments\""), first);

        String second = new PortalVisitor(portal).get("torrent?id=" + discussed + "&cpage=2").body();
        assertEquals(1, count(second, "class=\"comment\""), second);
        assertTrue(second.contains("comment number 51<"), second);
        assertTrue(second.contains("<ol class=\"comment-list\" start=\"51\">"), second);

        // out of range and nonsense pages show the nearest page, never an error
        assertTrue(new PortalVisitor(portal).get("torrent?id=" + discussed + "&cpage=999").body().contains("comment number 51<"));
        assertTrue(new PortalVisitor(portal).get("torrent?id=" + discussed + "&cpage=-3%3Cx").body().contains("second line"));

        HttpResponse<String> onQuiet = comment(bob, quiet, "on the quiet one");
        assertTrue(onQuiet.uri().toString().contains("torrent?id=" + quiet), onQuiet.uri().toString());
    }

    @Test
    @Order(9)
    void aReportIsFiledOncePerUserAndTargetWithAReasonFromTheList() throws Exception {
        HttpResponse<String> none = bob.submit(bob.form("report?comment=" + hostileComment, "report")
                .set("details", "no reason chosen"), "submit");
        assertEquals("Choose a reason.", errorBeside(none.body(), "report:reason-error"), none.body());

        HttpResponse<String> forgedReason = bob.submit(bob.form("report?comment=" + hostileComment, "report")
                .set("reason", "<script>"), "submit");
        assertEquals(200, forgedReason.statusCode());
        assertEquals("Reason: choose one of the listed options.", errorBeside(forgedReason.body(), "report:reason-error"),
                forgedReason.body());
        assertTrue(forgedReason.body().contains("<h1>Report comment " + hostileComment + "</h1>"),
                "the page is drawn again:\n" + forgedReason.body());

        HttpResponse<String> tooLong = bob.submit(bob.form("report?comment=" + hostileComment, "report")
                .set("reason", "spam").set("details", "d".repeat(501)), "submit");
        assertEquals("At most 500 characters.", errorBeside(tooLong.body(), "report:details-error"));

        HttpResponse<String> filed = bob.submit(bob.form("report?comment=" + hostileComment, "report")
                .set("reason", "spam").set("details", "<b>spam</b> script"), "submit");
        assertTrue(filed.body().contains("id=\"already-reported\""), filed.body());
        assertFalse(filed.body().contains("<form id=\"report\""), "one open report each:\n" + filed.body());

        assertTrue(bob.submit(bob.form("report?torrent=" + quiet, "report").set("reason", "fake"), "submit")
                .body().contains("id=\"already-reported\""));
        assertTrue(alice.submit(alice.form("report?comment=" + hostileComment, "report").set("reason", "other"), "submit")
                .body().contains("id=\"already-reported\""));

        assertEquals(404, bob.get("report?comment=999999999").statusCode());
        assertEquals(404, bob.get("report?torrent=abc").statusCode());
        HttpResponse<String> visitor = new PortalVisitor(portal).get("report?torrent=" + quiet);
        assertTrue(visitor.uri().getPath().endsWith("/login"), "a visitor is sent to sign in: " + visitor.uri());
    }

    @Test
    @Order(10)
    void aNormalUserGets403OnModerationForGetAndForPost() throws Exception {
        HttpResponse<String> get = bob.get("moderation");
        assertEquals(403, get.statusCode());
        assertTrue(get.body().contains("id=\"moderators-only\""), get.body());
        assertEquals(403, new PortalVisitor(portal).get("moderation?comment=" + hostileComment).statusCode());

        // a valid ViewState of bob's own session, taken from another page
        FacesForm other = bob.form("torrent?id=" + discussed, "comment-form");
        String body = "review=review&review%3Aconfirm=on&review%3Adelete=clicked&jakarta.faces.ViewState="
                + URLEncoder.encode(other.fields.get(FacesForm.VIEW_STATE), StandardCharsets.UTF_8);
        assertEquals(403, bob.post(URI.create(portal + "moderation?comment=" + hostileComment), body).statusCode());
        assertEquals(403, bob.post(URI.create(portal + "moderation.xhtml"), body).statusCode());
        assertTrue(new PortalVisitor(portal).get("torrent?id=" + discussed).body().contains("second line"), "not deleted");
    }

    @Test
    @Order(11)
    void anAdminMakesAModeratorAndItTakesEffectAtTheirNextRequest() throws Exception {
        assertEquals(403, mod.get("moderation").statusCode());

        HttpResponse<String> changed = admin.submit(admin.form("user?name=" + MOD, "role-form").set("role", "moderator"), "submit");
        assertEquals("moderator", unescapedText(changed.body(), "profile-role"), changed.body());
        assertTrue(changed.body().contains("The role of " + MOD + " is now moderator."), changed.body());

        // the same session, signed in before the change
        HttpResponse<String> queue = mod.get("moderation");
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("id=\"nav-moderation\""), queue.body());
    }

    @Test
    @Order(12)
    void theQueueListsReportedTargetsNewestFirstWithTheirCounts() throws Exception {
        String queue = mod.get("moderation").body();

        String comment = rowOf(queue, "comment:" + hostileComment);
        assertTrue(comment.contains("<td class=\"report-count\">2</td>"), comment);
        assertTrue(comment.contains("Something else"), "the newest report's reason:\n" + comment);
        assertTrue(comment.contains(">" + ALICE + "</a>"), comment);
        assertTrue(comment.contains("&lt;script&gt;alert(1)"), "the comment, escaped:\n" + comment);
        assertTrue(comment.contains("href=\"/torrent?id=" + discussed + "#comment-" + hostileComment + "\""), comment);
        String torrent = rowOf(queue, "torrent:" + quiet);
        assertTrue(torrent.contains("Community." + RUN + ".Quiet.2024"), torrent);
        assertTrue(torrent.contains("<td class=\"report-count\">1</td>"), torrent);
        assertTrue(queue.indexOf("comment:" + hostileComment) < queue.indexOf("torrent:" + quiet), "newest first");

        String review = mod.get("moderation?comment=" + hostileComment).body();
        assertTrue(review.contains("&lt;b&gt;spam&lt;/b&gt; script"), review);
        assertEquals(404, mod.get("moderation?comment=0").statusCode());
        assertEquals(404, mod.get("moderation?torrent=x").statusCode());
    }

    private static String rowOf(String html, String target) {
        Matcher row = Pattern.compile("<tr class=\"queue-entry\" data-target=\"" + Pattern.quote(target) + "\">(.*?)</tr>",
                Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), target + " not in the queue:\n" + html);
        return row.group(1);
    }

    @Test
    @Order(13)
    void theModeratorDismissesTheTorrentsReport() throws Exception {
        HttpResponse<String> done = mod.submit(mod.form("moderation?torrent=" + quiet, "review"), "dismiss");

        assertTrue(done.uri().getPath().endsWith("/moderation") && done.uri().getQuery() == null, done.uri().toString());
        assertTrue(done.body().contains("Dismissed 1 report on torrent " + quiet + "."), done.body());
        assertFalse(done.body().contains("class=\"queue-entry\" data-target=\"torrent:" + quiet + "\""), done.body());
        assertTrue(done.body().contains("data-action=\"dismiss\" data-target=\"torrent:" + quiet + "\""), done.body());
        assertEquals(200, new PortalVisitor(portal).get("torrent?id=" + quiet).statusCode(), "kept");
    }

    @Test
    @Order(14)
    void theModeratorDeletesACommentAfterConfirmingIt() throws Exception {
        HttpResponse<String> unconfirmed = mod.submit(mod.form("moderation?comment=" + hostileComment, "review")
                .without("review:confirm"), "delete");
        assertEquals("Tick the box to confirm the deletion.", errorBeside(unconfirmed.body(), "review:confirm-error"),
                unconfirmed.body());
        assertTrue(new PortalVisitor(portal).get("torrent?id=" + discussed).body().contains("second line"));

        HttpResponse<String> done = mod.submit(mod.form("moderation?comment=" + hostileComment, "review")
                .set("confirm", "on"), "delete");
        assertTrue(done.body().contains("Deleted comment " + hostileComment + "."), done.body());
        assertFalse(done.body().contains("class=\"queue-entry\" data-target=\"comment:" + hostileComment + "\""),
                "its reports are closed");
        assertTrue(done.body().contains("data-action=\"delete-comment\" data-target=\"comment:" + hostileComment + "\""));
        assertTrue(done.body().contains(", closing 2 report(s)"), done.body());

        String page = new PortalVisitor(portal).get("torrent?id=" + discussed).body();
        assertFalse(page.contains("second line"), page);
        assertTrue(page.contains("Comments (50)"), page);
        assertEquals(404, mod.get("moderation?comment=" + hostileComment).statusCode());
    }

    @Test
    @Order(15)
    void aModeratorSeesDeleteLinksAndOthersDoNot() throws Exception {
        String asModerator = mod.get("torrent?id=" + discussed).body();
        assertTrue(asModerator.contains("id=\"delete-torrent\""), asModerator);
        assertTrue(asModerator.contains("class=\"delete-comment danger\""), asModerator);
        String asUser = bob.get("torrent?id=" + discussed).body();
        assertFalse(asUser.contains("id=\"delete-torrent\""), asUser);
        assertFalse(asUser.contains("delete-comment"), asUser);
        assertTrue(asUser.contains("id=\"report-torrent\""), asUser);
    }

    @Test
    @Order(16)
    void profilesListUploadsAndCommentsAndUnknownNamesAre404() throws Exception {
        HttpResponse<String> profile = new PortalVisitor(portal).get("user?name=" + ALICE);
        assertEquals(200, profile.statusCode());
        assertEquals(List.of(), profile.headers().allValues("Set-Cookie"), "transient for visitors");
        String html = profile.body();
        assertEquals(ALICE, unescapedText(html, "profile-name"));
        assertEquals("user", unescapedText(html, "profile-role"));
        assertEquals("2", unescapedText(html, "profile-upload-count"), html);
        assertTrue(html.contains("href=\"/torrent?id=" + discussed + "\">Community." + RUN + ".Discussed.2024</a>"), html);
        assertTrue(html.indexOf(".Quiet.2024") < html.indexOf(".Discussed.2024"), "newest upload first");
        assertFalse(html.contains("role-form"), html);

        String commenter = new PortalVisitor(portal).get("user?name=c1-" + RUN).body();
        assertEquals("1", unescapedText(commenter, "profile-comment-count"), commenter);
        assertTrue(commenter.contains("comment number 2<"), commenter);
        assertTrue(commenter.contains("href=\"/torrent?id=" + discussed + "#comment-"), commenter);
        assertEquals("0", unescapedText(commenter, "profile-upload-count"));
        assertTrue(new PortalVisitor(portal).get("user?name=" + BOB).body().contains("on the quiet one"));

        assertEquals(404, new PortalVisitor(portal).get("user?name=nobody-" + RUN).statusCode());
        assertEquals(404, new PortalVisitor(portal).get("user?name=%3Cscript%3E").statusCode());
        assertEquals(404, new PortalVisitor(portal).get("user").statusCode());
    }

    @Test
    @Order(17)
    void theModeratorDeletesATorrentWithItsCommentsAndReports() throws Exception {
        assertTrue(bob.submit(bob.form("report?torrent=" + discussed, "report").set("reason", "illegal"), "submit")
                .body().contains("id=\"already-reported\""));
        Matcher aComment = Pattern.compile("<li id=\"comment-(\\d+)\"").matcher(mod.get("torrent?id=" + discussed).body());
        assertTrue(aComment.find());
        long commentId = Long.parseLong(aComment.group(1));
        assertTrue(bob.submit(bob.form("report?comment=" + commentId, "report").set("reason", "spam"), "submit")
                .body().contains("id=\"already-reported\""));

        String review = mod.get("moderation?torrent=" + discussed).body();
        assertTrue(review.contains("also deletes its 50 comment(s)"), review);
        HttpResponse<String> done = mod.submit(mod.form("moderation?torrent=" + discussed, "review").set("confirm", "on"), "delete");
        assertTrue(done.body().contains("Deleted torrent " + discussed + " and its 50 comments."), done.body());
        assertFalse(done.body().contains("class=\"queue-entry\" data-target=\"torrent:" + discussed + "\""), "its report is closed");
        assertFalse(done.body().contains("class=\"queue-entry\" data-target=\"comment:" + commentId + "\""),
                "and its comments' reports");

        assertEquals(404, new PortalVisitor(portal).get("torrent?id=" + discussed).statusCode());
        assertEquals(404, plainGet(URI.create(tracker + "api/v1/torrents/" + discussed)).statusCode());
        String search = new PortalVisitor(portal).get("search?q=" + RUN).body();
        assertFalse(search.contains("Discussed"), search);
        assertTrue(search.contains("Quiet"), search);
        assertEquals(404, mod.get("moderation?comment=" + commentId).statusCode(), "its comments are gone");
        assertEquals("0", unescapedText(new PortalVisitor(portal).get("user?name=c1-" + RUN).body(), "profile-comment-count"));
        assertEquals("1", unescapedText(new PortalVisitor(portal).get("user?name=" + BOB).body(), "profile-comment-count"),
                "comments on other torrents stay");
    }

    @Test
    @Order(18)
    void onlyAnAdminChangesRolesAndTheLastAdminStaysAdmin() throws Exception {
        // bob forges the role form with a ViewState of his own session
        FacesForm own = bob.form("torrent?id=" + quiet, "comment-form");
        String forged = "role-form=role-form&role-form%3Arole=admin&role-form%3Asubmit=clicked&jakarta.faces.ViewState="
                + URLEncoder.encode(own.fields.get(FacesForm.VIEW_STATE), StandardCharsets.UTF_8);
        assertEquals(403, bob.post(URI.create(portal + "user.xhtml?name=" + BOB), forged).statusCode());
        assertEquals("user", unescapedText(bob.get("user?name=" + BOB).body(), "profile-role"));

        HttpResponse<String> bogus = admin.submit(admin.form("user?name=" + BOB, "role-form").set("role", "root"), "submit");
        assertEquals(200, bogus.statusCode());
        assertEquals("user", unescapedText(bogus.body(), "profile-role"), bogus.body());
        assertEquals("Role: choose one of the listed options.", errorBeside(bogus.body(), "role-form:role-error"));

        // mod becomes admin, demotes first-admin, and cannot demote themself: the last admin
        admin.submit(admin.form("user?name=" + MOD, "role-form").set("role", "admin"), "submit");
        HttpResponse<String> demoted = mod.submit(mod.form("user?name=" + ADMIN, "role-form").set("role", "user"), "submit");
        assertEquals("user", unescapedText(demoted.body(), "profile-role"), demoted.body());
        assertEquals(403, admin.get("moderation").statusCode(), "first-admin is a user from the next request on");

        HttpResponse<String> last = mod.submit(mod.form("user?name=" + MOD, "role-form").set("role", "moderator"), "submit");
        assertEquals("The last admin stays admin: make someone else admin first.", errorBeside(last.body(), "role-form:role-error"),
                last.body());
        assertEquals("admin", unescapedText(mod.get("user?name=" + MOD).body(), "profile-role"));

        // and back: the configured admin is admin again at sign-in; mod steps down
        assertTrue(new PortalVisitor(portal).signIn(ADMIN, PASSWORD).body().contains("admin"));
        HttpResponse<String> stepDown = mod.submit(mod.form("user?name=" + MOD, "role-form").set("role", "user"), "submit");
        assertEquals("user", unescapedText(stepDown.body(), "profile-role"), stepDown.body());
        assertEquals(403, mod.get("moderation").statusCode());
    }

    @Test
    @Order(19)
    void theUploaderListOfTheTrackerRefusesBadParameters() throws Exception {
        HttpResponse<String> missing = plainGet(URI.create(tracker + "api/v1/torrents"));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("uploader: required"), missing.body());
        assertEquals(400, plainGet(URI.create(tracker + "api/v1/torrents?uploader=x&limit=0")).statusCode());
        assertEquals(400, plainGet(URI.create(tracker + "api/v1/torrents?uploader=x&limit=abc")).statusCode());
        HttpResponse<String> one = plainGet(URI.create(tracker + "api/v1/torrents?uploader=" + ALICE + "&limit=1"));
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("\"total\":1") && one.body().contains(".Quiet.2024"), one.body());
    }

    @Test
    @Order(20)
    void noPasswordSessionIdOrServiceTokenInTheServerLog() throws Exception {
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains(PASSWORD), "a password in the server log");
        for (PortalVisitor visitor : List.of(alice, bob, mod, admin)) {
            assertFalse(log.contains(visitor.sessionId().orElseThrow()), "a session id in the server log");
        }
        String token = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "data", "swarmport",
                "service-token")).strip();
        assertFalse(log.contains(token), "the service token in the server log");
        uploads.delete(quiet);
    }
}
