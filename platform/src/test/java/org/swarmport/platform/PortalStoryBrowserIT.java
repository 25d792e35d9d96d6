package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.testsupport.HeadlessChromium;

/**
 * The whole portal once, as people use it, in Debian's chromium (headless): someone registers
 * and signs in, uploads a .torrent through the real file input, find it by search, open it, download the .torrent (announce URL: this tracker's; same
 * info-hash), comment and sign out; the admin deletes the torrent, which is then a 404 and no
 * longer found. Screenshots of every main page, light and dark, go to
 * {@code target/screenshots/story-*.png}. Skipped without chromium or chromedriver, a failure
 * then under {@code CI=true}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalStoryBrowserIT extends PortalWithTracker {

    /** The test server's admin ({@code -Dswarmport.admin.username} in arquillian.xml). */
    private static final String ADMIN = "first-admin";
    private static final String PASSWORD = "correct horse battery";
    /** The server runs with default settings: the announce URL is the tracker's own port. */
    private static final String ANNOUNCE = "http://localhost:6969/announce";
    private static final String DESCRIPTION = "Made by the story test.\n<script>alert('story')</script> & <b>not bold</b>";
    private static final String COMMENT = "Thanks!\nPlays fine, <i>no</i> problems.";
    private static final Pattern TORRENT_ID = Pattern.compile("[?&]id=(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @Test
    void registerUploadFindDownloadCommentAndAModeratorDeletes() throws Exception {
        String word = "zs" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String user = "story-" + word;
        String name = Character.toUpperCase(word.charAt(0)) + word.substring(1) + ".Story.2025.1080p";
        Metainfo made = MetainfoBuilder.directory(name)
                .add(FilePath.of("video", "story.mkv"), random(50_000))
                .add(FilePath.of("story.nfo"), ContentSource.of("made by the story test".getBytes(StandardCharsets.UTF_8)))
                .version(MetainfoVersion.HYBRID).pieceLength(16 * 1024).tracker("http://elsewhere.example/announce")
                .build();
        Path torrentFile = Files.createTempFile("story-", ".torrent");
        Files.write(torrentFile, made.rawBytes());
        Long uploaded = null;
        boolean deleted = false;
        try (HeadlessChromium started = HeadlessChromium.start()) {
            chromium = started;
            browser = chromium.driver();
            wait = chromium.await();

            // register and sign in (any signed-in account may upload: SWARMPORT_UPLOAD_ROLE's default)
            register(user);
            register(ADMIN);
            signIn(user);
            assertEquals("user", shown("account-role").getText());
            bothSchemes("story-1-account", "account-username");

            // upload through the real file input
            browser.get(portal + "upload");
            bothSchemes("story-2-upload", "upload:torrent");
            browser.findElement(By.id("upload:torrent")).sendKeys(torrentFile.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("upload:category"))).selectByVisibleText("Movies");
            browser.findElement(By.id("upload:tags")).sendKeys("story, hd");
            browser.findElement(By.id("upload:description")).sendKeys(DESCRIPTION);
            browser.findElement(By.id("upload:submit")).click();
            wait.until(ExpectedConditions.urlContains("/torrent"));
            uploaded = idIn(browser.getCurrentUrl());
            assertEquals(name, shown("torrent-name").getText());
            // the description is text: its markup shows as written and no script ran (an alert
            // would make every further browser command fail)
            assertEquals(DESCRIPTION, shown("description").getText());

            // find it by search from the home page, and open it
            browser.get(portal.toString());
            shown("newest");
            bothSchemes("story-3-home", "newest");
            WebElement box = shown("q");
            box.sendKeys(word + " 1080p");
            box.submit();
            wait.until(ExpectedConditions.textToBe(By.id("result-total"), "1 torrent found."));
            bothSchemes("story-4-search", "result-total");
            browser.findElement(By.linkText(name)).click();
            shown("file-tree");
            assertEquals(uploaded, idIn(browser.getCurrentUrl()));
            String v1 = made.infoHashV1().orElseThrow().hex().toLowerCase(Locale.ROOT);
            assertEquals(v1, browser.findElement(By.id("info-hash-v1")).getText().toLowerCase(Locale.ROOT));
            assertEquals(made.infoHashV2().orElseThrow().hex().toLowerCase(Locale.ROOT),
                    browser.findElement(By.id("info-hash-v2")).getText().toLowerCase(Locale.ROOT));
            assertTrue(browser.findElement(By.id("magnet-link")).getAttribute("href").toLowerCase(Locale.ROOT)
                    .startsWith("magnet:?xt=urn:btih:" + v1));

            // download the .torrent as the browser does: this tracker's announce URL, the same info
            browser.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", chromium.downloads().toString()));
            browser.findElement(By.id("download-link")).click();
            Metainfo downloaded = MetainfoParser.parse(Files.readAllBytes(downloadedTorrent(Duration.ofSeconds(60))));
            assertEquals(ANNOUNCE, downloaded.trackerTiers().get(0).get(0));
            assertEquals(List.of(List.of(ANNOUNCE)), downloaded.trackerTiers());
            assertArrayEquals(made.infoBytes(), downloaded.infoBytes());
            assertEquals(made.infoHashes(), downloaded.infoHashes());

            // comment, then sign out
            shown("comment-form:body").sendKeys(COMMENT);
            browser.findElement(By.id("comment-form:submit")).click();
            WebElement posted = shown("comments").findElement(By.cssSelector(".comment-body"));
            assertEquals(COMMENT, posted.getText());
            assertEquals(user, browser.findElement(By.cssSelector("li.comment .comment-author")).getText());
            bothSchemes("story-5-torrent", "comments");
            shown("nav-logout").click();
            shown("logout:submit").click();
            shown("nav-login");
            browser.get(portal + "torrent?id=" + uploaded);
            shown("comments");
            assertTrue(browser.findElements(By.id("comment-form:body")).isEmpty(), "no comment form when signed out");

            // the admin, a moderator, deletes the torrent from its page
            signIn(ADMIN);
            browser.get(portal + "torrent?id=" + uploaded);
            shown("delete-torrent").click();
            shown("review:delete");
            bothSchemes("story-6-moderation", "review:delete");
            browser.findElement(By.cssSelector("label[for='review:confirm']")).click();
            browser.findElement(By.id("review:delete")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("moderation-messages"),
                    "Deleted torrent " + uploaded));
            deleted = true;

            assertEquals(404, status("torrent?id=" + uploaded));
            assertEquals(404, status("download/" + uploaded + ".torrent"));
            browser.get(portal + "search?q=" + word);
            wait.until(ExpectedConditions.textToBe(By.id("result-total"), "0 torrents found."));
            assertFalse(browser.getPageSource().contains(name), "the deleted torrent is not listed");
        } finally {
            Files.deleteIfExists(torrentFile);
            if (uploaded != null && !deleted) {
                new TrackerUploads(tracker).delete(uploaded);
            }
        }
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains(PASSWORD), "a password in server.log");
    }

    private WebElement shown(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void register(String name) {
        browser.manage().deleteAllCookies();
        browser.get(portal + "register");
        shown("register:username").sendKeys(name);
        browser.findElement(By.id("register:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("register:confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.id("register:submit")).click();
        // the admin may have registered in an earlier test against this server: then the name is taken
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/login"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("register:username-error"), "taken")));
    }

    /** Signs whoever is signed in out (a fresh session), then {@code name} in. */
    private void signIn(String name) {
        browser.manage().deleteAllCookies();
        browser.get(portal + "login");
        shown("login:username").sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/account"));
        assertEquals(name, shown("account-username").getText());
    }

    /** The page as it is (light), then reloaded as dark, then light again; only for GET pages. */
    private void bothSchemes(String name, String readyId) throws Exception {
        chromium.screenshot(name);
        chromium.colourScheme("dark");
        browser.navigate().refresh();
        shown(readyId);
        chromium.screenshot(name + "-dark");
        chromium.colourScheme("light");
        browser.navigate().refresh();
        shown(readyId);
    }

    private static long idIn(String url) {
        Matcher id = TORRENT_ID.matcher(url);
        assertTrue(id.find(), url);
        return Long.parseLong(id.group(1));
    }

    /**
     * The finished .torrent in the browser's download folder. Chromium writes the download into a
     * .crdownload and renames it at the end, but first reserves the final name with an empty file:
     * a .torrent is there before its bytes are (a CI run read it empty). Finished means no
     * .crdownload left and the .torrent not empty.
     */
    private Path downloadedTorrent(Duration patience) {
        return new FluentWait<>(chromium.downloads()).withTimeout(patience).pollingEvery(Duration.ofMillis(200))
                .withMessage("no finished .torrent downloaded into " + chromium.downloads())
                .until(folder -> {
                    try (Stream<Path> files = Files.list(folder)) {
                        List<Path> all = files.toList();
                        if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
                            return null;
                        }
                        for (Path p : all) {
                            if (p.getFileName().toString().endsWith(".torrent") && Files.size(p) > 0) {
                                return p;
                            }
                        }
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static ContentSource random(int size) {
        byte[] content = new byte[size];
        ThreadLocalRandom.current().nextBytes(content);
        return ContentSource.of(content);
    }
}
