package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.portal.account.FacesForm;
import org.swarmport.portal.account.PortalVisitor;
import org.swarmport.testsupport.ServiceToken;

/**
 * The upload and edit pages with the tracker behind them, over HTTP as a browser without
 * JavaScript uses them: accounts registered through the forms, .torrents posted through the
 * upload form ({@code multipart/form-data}), the result read back from the torrent page and the
 * download. The server runs with {@code -Dswarmport.admin.username=first-admin} (arquillian.xml):
 * that admin is the moderator here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadPagesIT extends PortalWithTracker {

    /** The server runs with default settings: the announce URL is the tracker's own port. */
    private static final String ANNOUNCE = "http://localhost:6969/announce";
    private static final UploadedTorrents UPLOADED = new UploadedTorrents();
    private static java.net.URL trackerUrl;

    /** The server's management API, to change the upload role (the one server runs every class of this module). */
    @ArquillianResource
    @OperateOnDeployment("portal")
    ManagementClient management;

    @AfterAll
    static void removeTheTorrents() throws Exception {
        if (trackerUrl != null) {
            UPLOADED.remove(new TrackerUploads(trackerUrl));
        }
    }

    private PortalVisitor signedIn(String prefix) throws Exception {
        trackerUrl = tracker;
        PortalVisitor visitor = new PortalVisitor(portal);
        visitor.registerAndSignIn(UploadedTorrents.username(prefix));
        return visitor;
    }

    private static FacesForm uploadForm(PortalVisitor visitor, byte[] torrent, String title, String category,
                                       String tags, String description) throws Exception {
        return visitor.form("upload", "upload").choose("torrent", torrent).set("title", title)
                .set("category", category).set("tags", tags).set("description", description);
    }

    /** Uploads through the form and answers the torrent page it leads to. */
    private static HttpResponse<String> published(PortalVisitor visitor, FacesForm form) throws Exception {
        HttpResponse<String> page = visitor.submit(form, "submit");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.uri().getPath().endsWith("/torrent"), page.uri() + "\n" + page.body());
        UPLOADED.idOf(page.uri());
        assertTrue(page.body().contains("id=\"published\""), page.body());
        return page;
    }

    private static String errorBeside(String html, String messageId) {
        Matcher m = Pattern.compile("<span id=\"" + Pattern.quote(messageId) + "\"[^>]*>([^<]*)</span>").matcher(html);
        return m.find() ? FacesForm.unescape(m.group(1)) : "";
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? FacesForm.unescape(m.group(1)).trim() : "";
    }

    /** Every field's message is tied to it: the field's aria-describedby names the message's id. */
    private static void assertDescribedBy(String html, String fieldId, String messageId) {
        Matcher field = Pattern.compile("<(input|textarea|select)\\b[^>]*id=\"" + Pattern.quote(fieldId) + "\"[^>]*>")
                .matcher(html);
        assertTrue(field.find(), fieldId + "\n" + html);
        assertTrue(field.group().matches("(?s).*aria-describedby=\"[^\"]*\\b" + Pattern.quote(messageId) + "\\b.*"),
                field.group());
    }

    private static long idOnPage(HttpResponse<String> torrentPage) {
        Matcher m = Pattern.compile("[?&]id=([0-9]+)").matcher(torrentPage.uri().getQuery() == null ? ""
                : "?" + torrentPage.uri().getQuery());
        assertTrue(m.find(), torrentPage.uri().toString());
        return Long.parseLong(m.group(1));
    }

    @Test
    void aVisitorIsSentToSignInAndBackToTheUploadForm() throws Exception {
        PortalVisitor visitor = new PortalVisitor(portal);
        assertFalse(visitor.get("").body().contains("id=\"nav-upload\""), "no Upload link for a visitor");

        HttpResponse<String> login = visitor.get("upload");
        assertEquals("/login", login.uri().getPath(), login.uri().toString());
        assertEquals("next=/upload", java.net.URLDecoder.decode(login.uri().getRawQuery(), StandardCharsets.UTF_8));

        String name = UploadedTorrents.username("vera");
        visitor.submit(visitor.form("register", "register").set("username", name).set("password", PortalVisitor.PASSWORD)
                .set("confirmation", PortalVisitor.PASSWORD), "submit");
        HttpResponse<String> back = visitor.submit(FacesForm.in(visitor.get("login?next=/upload").body(),
                visitor.base.resolve("login"), "login").set("username", name).set("password", PortalVisitor.PASSWORD), "submit");
        assertEquals("/upload", back.uri().getPath(), back.body());
        assertTrue(back.body().contains("<form id=\"upload\""), back.body());
        assertTrue(back.body().contains("id=\"nav-upload\""), "any signed-in account may upload by default");

        for (String elsewhere : List.of("//evil.example/", "https://evil.example/", "/upload/../../x", "/edit?id=1&x=2")) {
            PortalVisitor other = new PortalVisitor(portal);
            HttpResponse<String> signedIn = other.submit(FacesForm.in(other.get("login?next="
                    + java.net.URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)).body(), other.base.resolve("login"), "login")
                    .set("username", name).set("password", PortalVisitor.PASSWORD), "submit");
            assertEquals("/account", signedIn.uri().getPath(), elsewhere + " is not a page of this site");
        }
    }

    @Test
    void aV1TorrentIsPublishedWithItsTitleAndDownloadsAnnouncingToThisTracker() throws Exception {
        PortalVisitor visitor = signedIn("alice");
        String word = UploadedTorrents.word();
        Metainfo torrent = UploadedTorrents.v1(word + ".Raw.Name.2026.1080p.mkv");

        HttpResponse<String> page = published(visitor, uploadForm(visitor, torrent.rawBytes(), "A Readable Title " + word,
                "2000", "1080P, x264", "First line\nsecond line"));
        long id = idOnPage(page);

        assertEquals("A Readable Title " + word, text(page.body(), "torrent-name"));
        assertEquals("Movies", text(page.body(), "torrent-category"));
        assertEquals("1080p, x264", text(page.body(), "torrent-tags"));
        assertTrue(page.body().contains("First line\nsecond line"), page.body());
        assertTrue(page.body().contains("id=\"edit-link\" class=\"button\" href=\"/edit?id=" + id + "\""), page.body());
        String uploader = text(page.body(), "torrent-uploader");
        assertTrue(uploader.startsWith("alice-"), page.body());
        assertTrue(page.body().contains("href=\"/user?name=" + uploader + "\""), page.body());

        HttpResponse<byte[]> download = visitor.download("download/" + id + ".torrent");
        assertEquals(200, download.statusCode());
        Metainfo served = MetainfoParser.parse(download.body());
        assertEquals(ANNOUNCE, served.trackerTiers().get(0).get(0));
        assertEquals(torrent.infoHashes(), served.infoHashes());
        assertArrayEquals(torrent.infoBytes(), served.infoBytes());
        assertEquals(word + ".Raw.Name.2026.1080p.mkv", served.name(), "the title never renames the .torrent");

        String found = visitor.get("search?q=" + word).body();
        assertTrue(found.contains("A Readable Title " + word), found);
    }

    @Test
    void aHybridTorrentWithoutATitleIsShownByItsOwnName() throws Exception {
        PortalVisitor visitor = signedIn("bob");
        String name = UploadedTorrents.word() + ".Hybrid.Release";
        Metainfo torrent = UploadedTorrents.hybrid(name);

        HttpResponse<String> page = published(visitor, uploadForm(visitor, torrent.rawBytes(), "  ", "5000", "", ""));

        assertEquals(name, text(page.body(), "torrent-name"));
        assertEquals("TV", text(page.body(), "torrent-category"));
        assertTrue(page.body().contains(torrent.infoHashV2().orElseThrow().hex()), page.body());
        Metainfo served = MetainfoParser.parse(visitor.download("download/" + idOnPage(page) + ".torrent").body());
        assertEquals(torrent.infoHashes(), served.infoHashes());
        assertEquals(ANNOUNCE, served.trackerTiers().get(0).get(0));
    }

    @Test
    void everyProblemIsShownBesideItsFieldAndTheTextFieldsKeepWhatWasTyped() throws Exception {
        PortalVisitor visitor = signedIn("carol");
        String description = "kept <b>text</b>\n" + "d".repeat(70_000);
        String tags = "fine, not a tag";
        String title = "T".repeat(251);

        HttpResponse<String> refused = visitor.submit(uploadForm(visitor, new byte[0], title, "", tags, description), "submit");

        String html = refused.body();
        assertEquals(200, refused.statusCode(), html);
        assertEquals("Choose the .torrent file to upload.", errorBeside(html, "upload:torrent-error"));
        assertEquals("At most 250 characters; this title has 251.", errorBeside(html, "upload:title-error"));
        assertEquals("Choose a category.", errorBeside(html, "upload:category-error"));
        assertEquals("“not a tag” is not a tag: a tag is 1 to 32 of a–z, 0–9, . + - and begins with a letter or digit;"
                + " separate tags with commas.", errorBeside(html, "upload:tags-error"));
        assertEquals("At most 64 KiB (65536 bytes as UTF-8); this description has 70017.",
                errorBeside(html, "upload:description-error"));
        for (String field : List.of("torrent", "title", "category", "tags", "description")) {
            assertDescribedBy(html, "upload:" + field, "upload:" + field + "-error");
        }
        FacesForm again = FacesForm.in(html, refused.uri(), "upload");
        assertEquals(title, again.value("title"));
        assertEquals(tags, again.value("tags"));
        assertEquals(description, again.value("description"));
        assertFalse(html.contains("<b>text</b>"), "kept, and escaped");

        String seventeen = String.join(",", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "t" + i).toList());
        String tooMany = visitor.submit(uploadForm(visitor, UploadedTorrents.v1("x").rawBytes(), "", "2000", seventeen, ""),
                "submit").body();
        assertEquals("At most 16 tags; these are 17.", errorBeside(tooMany, "upload:tags-error"));
        assertEquals("", errorBeside(tooMany, "upload:torrent-error"));
    }

    @Test
    void aCategoryThatIsNotOfferedIsRefusedBesideTheSelect() throws Exception {
        PortalVisitor visitor = signedIn("dan");
        for (String forged : List.of("6000", "nonsense")) {
            String html = visitor.submit(uploadForm(visitor, UploadedTorrents.v1("c").rawBytes(), "", "2000", "", "")
                    .set("category", forged), "submit").body();
            assertEquals("Category: choose one of the listed options.", errorBeside(html, "upload:category-error"), html);
        }
    }

    @Test
    void aFileOver10MiBIsAProblemBesideTheFileAndAPostOver16MiBIs413() throws Exception {
        PortalVisitor visitor = signedIn("erin");
        HttpResponse<String> large = visitor.submit(uploadForm(visitor, new byte[11 << 20], "Kept title", "2000", "hd",
                "kept description"), "submit");

        assertEquals(200, large.statusCode());
        assertEquals("This file is 11.0 MiB; a .torrent may be at most 10 MiB.", errorBeside(large.body(), "upload:torrent-error"));
        FacesForm kept = FacesForm.in(large.body(), large.uri(), "upload");
        assertEquals("Kept title", kept.value("title"));
        assertEquals("2000", kept.value("category"));
        assertEquals("hd", kept.value("tags"));
        assertEquals("kept description", kept.value("description"));

        String huge = answerBeforeTheBody(visitor, uploadForm(visitor, new byte[50 << 20], "Huge", "2000", "", ""));
        assertTrue(huge.startsWith("HTTP/1.1 413 "), huge);
        assertTrue(huge.contains("id=\"too-large\""), huge);
        assertFalse(huge.contains("Exception"), huge);
        assertTrue(visitor.get("upload").body().contains("<form id=\"upload\""), "the session goes on");
    }

    @Test
    void aFileThatIsNoTorrentIsAProblemBesideTheFile() throws Exception {
        PortalVisitor visitor = signedIn("fay");
        String html = visitor.submit(uploadForm(visitor, "<html>a web page</html>".getBytes(StandardCharsets.UTF_8),
                "Some title", "2000", "", ""), "submit").body();

        String problem = errorBeside(html, "upload:torrent-error");
        assertTrue(problem.startsWith("This is not a .torrent file the tracker can read (bencode: "), html);
        assertEquals("Some title", FacesForm.in(html, portal.toURI(), "upload").value("title"));
    }

    @Test
    void aDuplicateSaysSoAndLinksToTheTorrentAlreadyThere() throws Exception {
        PortalVisitor first = signedIn("gus");
        Metainfo torrent = UploadedTorrents.hybrid(UploadedTorrents.word());
        long id = idOnPage(published(first, uploadForm(first, torrent.rawBytes(), "", "2000", "", "")));

        PortalVisitor second = signedIn("hal");
        String html = second.submit(uploadForm(second, torrent.rawBytes(), "Mine now", "2000", "", ""), "submit").body();

        assertEquals("This torrent is already on the site.", errorBeside(html, "upload:torrent-error"));
        assertTrue(html.contains("<a id=\"duplicate-link\" href=\"/torrent?id=" + id + "\">"), html);
        assertDescribedBy(html, "upload:torrent", "upload:torrent-duplicate");
    }

    @Test
    void scriptInTitleTagsAndDescriptionIsShownAsText() throws Exception {
        PortalVisitor visitor = signedIn("ivy");
        String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        String refusedTags = visitor.submit(uploadForm(visitor, UploadedTorrents.v1("s").rawBytes(), "", "2000",
                script, ""), "submit").body();
        assertFalse(refusedTags.contains("<script>alert"), refusedTags);
        assertTrue(errorBeside(refusedTags, "upload:tags-error").startsWith("“<script>alert(1)</script><img src=x"),
                refusedTags);

        HttpResponse<String> page = published(visitor, uploadForm(visitor, UploadedTorrents.v1("s").rawBytes(),
                "Title " + script, "2000", "", "Description " + script));
        assertFalse(page.body().contains("<script>alert"), page.body());
        assertFalse(page.body().contains("<img src=x"), page.body());
        assertEquals("Title " + script, text(page.body(), "torrent-name"));
        assertTrue(page.body().contains("Description &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"),
                page.body());
    }

    @Test
    void aPostWithoutViewStateIs403AndPublishesNothing() throws Exception {
        PortalVisitor visitor = signedIn("jon");
        String word = UploadedTorrents.word();
        FacesForm forged = uploadForm(visitor, UploadedTorrents.v1(word).rawBytes(), word, "2000", "", "")
                .without(FacesForm.VIEW_STATE);

        HttpResponse<String> refused = visitor.submit(forged, "submit");

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("id=\"form-refused\""), refused.body());
        assertTrue(visitor.get("search?q=" + word).body().contains("0 torrents found."));
    }

    @Test
    void theOwnerEditsTheLabelsAndTheTorrentStaysTheSame() throws Exception {
        PortalVisitor owner = signedIn("kim");
        String word = UploadedTorrents.word();
        Metainfo torrent = UploadedTorrents.hybrid(word + ".Release");
        long id = idOnPage(published(owner, uploadForm(owner, torrent.rawBytes(), "Before " + word, "2000", "a, b",
                "old text")));

        FacesForm edit = owner.form("edit?id=" + id, "edit");
        assertEquals("Before " + word, edit.value("title"));
        assertEquals("2000", edit.value("category"));
        assertEquals("a, b", edit.value("tags"));
        assertEquals("old text", edit.value("description"));

        String after = UploadedTorrents.word();
        HttpResponse<String> saved = owner.submit(edit.set("title", "After " + after).set("category", "5000")
                .set("tags", "c").set("description", "new\ntext"), "submit");
        assertEquals("/torrent", saved.uri().getPath(), saved.body());
        assertTrue(saved.body().contains("id=\"edited\""), saved.body());
        assertEquals("After " + after, text(saved.body(), "torrent-name"));
        assertEquals("TV", text(saved.body(), "torrent-category"));
        assertEquals("c", text(saved.body(), "torrent-tags"));
        assertTrue(owner.get("search?q=" + after).body().contains("1 torrent found."));

        Metainfo served = MetainfoParser.parse(owner.download("download/" + id + ".torrent").body());
        assertEquals(torrent.infoHashes(), served.infoHashes());

        HttpResponse<String> blank = owner.submit(owner.form("edit?id=" + id, "edit").set("title", " ")
                .set("description", ""), "submit");
        assertEquals(word + ".Release", text(blank.body(), "torrent-name"), "a blank title shows the .torrent's name");
        assertFalse(blank.body().contains("id=\"description\""), blank.body());

        String problems = owner.submit(owner.form("edit?id=" + id, "edit").set("title", "x".repeat(300))
                .set("tags", "no way"), "submit").body();
        assertEquals("At most 250 characters; this title has 300.", errorBeside(problems, "edit:title-error"));
        assertTrue(errorBeside(problems, "edit:tags-error").startsWith("“no way” is not a tag"), problems);
    }

    @Test
    void anotherAccountGets403OnTheEditPageAndOnAForgedPost() throws Exception {
        PortalVisitor owner = signedIn("lee");
        String word = UploadedTorrents.word();
        long id = idOnPage(published(owner, uploadForm(owner, UploadedTorrents.v1(word).rawBytes(), "Owned " + word,
                "2000", "", "")));
        PortalVisitor other = signedIn("mallory");
        long own = idOnPage(published(other, uploadForm(other, UploadedTorrents.v1(word + "b").rawBytes(), "", "2000",
                "", "")));

        HttpResponse<String> page = other.get("edit?id=" + id);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("id=\"forbidden\""), page.body());
        assertFalse(page.body().contains("<form id=\"edit\""), page.body());
        assertFalse(other.get("torrent?id=" + id).body().contains("id=\"edit-link\""));

        // A valid form of the other account's own torrent, sent with the victim's id.
        FacesForm forged = other.form("edit?id=" + own, "edit").set("title", "Taken over").with("id", Long.toString(id));
        HttpResponse<String> post = other.submit(forged, "submit");
        assertEquals(403, post.statusCode(), post.body());
        assertTrue(post.body().contains("id=\"forbidden\""), post.body());
        assertEquals("Owned " + word, text(owner.get("torrent?id=" + id).body(), "torrent-name"));

        HttpResponse<String> visitor = new PortalVisitor(portal).get("edit?id=" + id);
        assertEquals("/login", visitor.uri().getPath(), "a visitor signs in first");
        assertEquals(404, owner.get("edit?id=987654321987").statusCode());
    }

    @Test
    void aModeratorEditsSomeoneElsesTorrent() throws Exception {
        PortalVisitor owner = signedIn("nia");
        long id = idOnPage(published(owner, uploadForm(owner, UploadedTorrents.v1(UploadedTorrents.word()).rawBytes(),
                "Needs a fix", "8000", "", "")));
        PortalVisitor moderator = new PortalVisitor(portal);
        moderator.registerAndSignIn("first-admin");

        assertTrue(moderator.get("torrent?id=" + id).body().contains("id=\"edit-link\""));
        HttpResponse<String> saved = moderator.submit(moderator.form("edit?id=" + id, "edit")
                .set("title", "Fixed by a moderator").set("category", "3000"), "submit");

        assertEquals("Fixed by a moderator", text(saved.body(), "torrent-name"), saved.body());
        assertEquals("Audio", text(saved.body(), "torrent-category"));
        assertTrue(text(saved.body(), "torrent-uploader").startsWith("nia-"), "still the uploader's torrent");
    }

    @Test
    void noPasswordSessionIdOrServiceTokenInTheServerLog() throws Exception {
        PortalVisitor visitor = signedIn("olga");
        published(visitor, uploadForm(visitor, UploadedTorrents.v1(UploadedTorrents.word()).rawBytes(), "", "2000", "", ""));

        Path logs = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        String log = Files.readString(logs);
        assertFalse(log.contains(PortalVisitor.PASSWORD), "a password in the server log");
        assertFalse(log.contains(visitor.sessionId().orElseThrow()), "a session id in the server log");
        assertFalse(log.contains(ServiceToken.read()), "the service token in the server log");
    }

    @Test
    void withUploadRoleUploaderAnAccountWithoutItGets403OnGetAndPost() throws Exception {
        PortalVisitor user = signedIn("otto");
        // Taken while role user may upload: a form with a valid ViewState of this session.
        FacesForm form = uploadForm(user, UploadedTorrents.v1(UploadedTorrents.word()).rawBytes(), "Refused", "2000", "", "");
        PortalVisitor admin = new PortalVisitor(portal);
        admin.registerAndSignIn("first-admin");
        uploadRole("uploader");
        try {
            HttpResponse<String> page = user.get("upload");
            assertEquals(403, page.statusCode(), page.body());
            assertTrue(page.body().contains("id=\"forbidden\""), page.body());
            assertFalse(page.body().contains("<form id=\"upload\""), page.body());

            HttpResponse<String> post = user.submit(form, "submit");
            assertEquals(403, post.statusCode(), post.body());
            assertTrue(post.body().contains("id=\"forbidden\""), post.body());
            assertFalse(post.uri().getPath().endsWith("/torrent"), "nothing published: " + post.uri());

            assertEquals(200, admin.get("upload").statusCode(), "an admin's role includes uploader");
        } finally {
            uploadRole(null);
        }
        assertEquals(200, user.get("upload").statusCode(), "back to role user: everyone signed in uploads");
    }

    /** Sets (or removes, for null) the server's {@code swarmport.upload.role}, which the portal reads at every request. */
    private void uploadRole(String role) throws Exception {
        ModelNode address = Operations.createAddress("system-property", "swarmport.upload.role");
        ModelNode operation = role == null ? Operations.createRemoveOperation(address)
                : Operations.createAddOperation(address);
        if (role != null) {
            operation.get("value").set(role);
        }
        ModelNode result = management.getControllerClient().execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
    }

    @Test
    void aChunkedMultipartPostOf50MiBIs411BeforeTheServerReadsAnyOfIt() throws Exception {
        long total = 50L << 20;
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + portal.getPath() + "upload HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort()
                    + "\r\nContent-Type: multipart/form-data; boundary=chunked50\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, ("--chunked50\r\nContent-Disposition: form-data; name=\"upload:torrent\"; filename=\"big.torrent\"\r\n"
                    + "Content-Type: application/x-bittorrent\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            AtomicLong sentWhenAnswered = new AtomicLong(-1);
            AtomicReference<String> statusLine = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                    sentWhenAnswered.set(sent.get());
                    statusLine.set(line);
                } catch (IOException e) {
                    statusLine.set("no answer: " + e);
                }
            });
            reader.start();
            byte[] block = new byte[64 << 10];
            try {
                while (sent.get() < total && statusLine.get() == null) {
                    chunk(out, block);
                    sent.addAndGet(block.length);
                }
            } catch (IOException closedByTheServer) {
                // it answered and closed: the rest is never read
            }
            reader.join(60_000);

            assertTrue(String.valueOf(statusLine.get()).startsWith("HTTP/1.1 411"), String.valueOf(statusLine.get()));
            // What was sent before the answer came sits in socket buffers (a few MiB on loopback): unread.
            assertTrue(sentWhenAnswered.get() < 16L << 20, "answered after " + sentWhenAnswered.get()
                    + " bytes were sent: before the 16 MiB limit, so the server never read the body");
        }
    }

    /**
     * The whole answer (status line, headers, page) to {@code form}'s post when only its headers
     * and first 64 KiB are sent: UploadSizeLimit must answer from the Content-Length alone. A
     * client sending all 50 MiB could lose that answer: the server closes with the body unread,
     * and the reset of that close may discard the 413 before the client reads it (seen in CI,
     * 2026-12-02, as "header parser received no bytes"; a browser shows a reset then too).
     */
    private String answerBeforeTheBody(PortalVisitor visitor, FacesForm form) throws IOException {
        FacesForm.Body body = form.encoded("submit");
        StringBuilder cookies = new StringBuilder();
        visitor.cookies.getCookieStore().getCookies().forEach(c -> cookies.append(cookies.length() == 0 ? "" : "; ")
                .append(c.getName()).append('=').append(c.getValue()));
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + form.action.getRawPath() + " HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort()
                    + "\r\nCookie: " + cookies + "\r\nContent-Type: " + body.contentType()
                    + "\r\nContent-Length: " + body.bytes().length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body.bytes(), 0, 64 << 10);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
