package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.swarmport.portal.account.PortalVisitor;

/**
 * A torrent deleted by the tracker's API from another tool, not by a moderator: the portal's
 * sweep (every 2 s here, {@code -Dswarmport.gone.torrent.sweep.interval=2} in arquillian.xml)
 * removes its comments and closes the reports on it and on them, and leaves a torrent that is
 * still there alone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GoneTorrentSweepIT extends PortalWithTracker {

    private static final String ADMIN = "first-admin";

    private static String letters() {
        StringBuilder letters = new StringBuilder("zg");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    private PortalVisitor signedIn(String name) throws Exception {
        PortalVisitor visitor = new PortalVisitor(portal);
        visitor.registerAndSignIn(name);
        return visitor;
    }

    private static void comment(PortalVisitor who, long torrent, String text) throws Exception {
        HttpResponse<String> posted = who.submit(who.form("torrent?id=" + torrent, "comment-form").set("body", text), "submit");
        assertTrue(posted.body().contains(text), posted.body());
    }

    /** Polls a page until the condition holds, up to a deadline; answers the last body. */
    private static String await(PortalVisitor who, String path, Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = who.get(path).body();
        while (!condition.test(body) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            body = who.get(path).body();
        }
        return body;
    }

    @Test
    void theCommentsAndReportsOfATorrentDeletedOutsideTheModerationGoAndOthersStay() throws Exception {
        String run = letters();
        TrackerUploads uploads = new TrackerUploads(tracker);
        long gone = uploads.upload(BrowseTorrents.single("Sweep." + run + ".Gone.2024", 2_000).rawBytes(), Map.of("category", "tv"));
        long kept = uploads.upload(BrowseTorrents.single("Sweep." + run + ".Kept.2024", 3_000).rawBytes(), Map.of("category", "tv"));
        String carol = "carol-" + run;
        PortalVisitor author = signedIn(carol);
        comment(author, gone, "gone-comment-" + run);
        PortalVisitor reader = signedIn("dave-" + run);
        comment(reader, kept, "kept-comment-" + run);
        assertTrue(reader.submit(reader.form("report?torrent=" + gone, "report").set("reason", "fake"), "submit")
                .body().contains("id=\"already-reported\""));
        PortalVisitor admin = signedIn(ADMIN);
        assertTrue(admin.get("moderation").body().contains("data-target=\"torrent:" + gone + "\""));

        uploads.delete(gone);

        String queue = await(admin, "moderation", body -> !body.contains("data-target=\"torrent:" + gone + "\""));
        assertFalse(queue.contains("data-target=\"torrent:" + gone + "\""), "the report is closed:\n" + queue);
        String profile = await(author, "user?name=" + carol, body -> !body.contains("gone-comment-" + run));
        assertFalse(profile.contains("gone-comment-" + run), profile);
        assertTrue(profile.contains("<dd id=\"profile-comment-count\">0</dd>"), profile);
        HttpResponse<String> stays = reader.get("torrent?id=" + kept);
        assertEquals(200, stays.statusCode());
        assertTrue(stays.body().contains("kept-comment-" + run), "a torrent the tracker still has keeps its comments");
    }
}
