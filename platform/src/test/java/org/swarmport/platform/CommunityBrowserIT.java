package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.swarmport.testsupport.HeadlessChromium;

/**
 * In Debian's chromium (headless): someone comments on a torrent and reports a comment; the
 * admin makes a moderator, who finds it in the queue and deletes it. Screenshots of the
 * torrent page with comments, the moderation queue and a profile, light and dark, go to
 * {@code target/screenshots/community-*.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityBrowserIT extends PortalWithTracker {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void commentReportAndAModeratorDeletesTheComment() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            String run = "zb" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            String carol = "carol-" + run;
            String dave = "dave-" + run;
            TrackerUploads uploads = new TrackerUploads(tracker);
            long torrent = uploads.upload(BrowseTorrents.single("Browser." + run + ".Album.2024.FLAC", 4_000).rawBytes(),
                    Map.of("category", "audio", "uploader", carol, "description", "Twelve tracks.\nLossless."));
            try {
                ChromeDriver browser = chromium.driver();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

                register(browser, wait, carol);
                register(browser, wait, dave);
                signIn(browser, wait, dave);
                browser.get(portal + "torrent?id=" + torrent);
                WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form:body")));
                assertEquals("Your comment", browser.findElement(By.cssSelector("label[for='comment-form:body']")).getText());
                box.sendKeys("Great rip.\nThe <b>third</b> track skips, though.");
                browser.findElement(By.id("comment-form:submit")).click();
                WebElement posted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment-body")));
                assertEquals("Great rip.\nThe <b>third</b> track skips, though.", posted.getText());
                String commentId = browser.findElement(By.cssSelector("li.comment")).getAttribute("id").substring("comment-".length());
                chromium.screenshot("community-1-torrent-comments");

                browser.findElement(By.cssSelector("a.report-comment")).click();
                new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report:reason"))))
                        .selectByVisibleText("Spam or advertising");
                browser.findElement(By.id("report:details")).sendKeys("Not about the album.");
                browser.findElement(By.id("report:submit")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("already-reported")));

                register(browser, wait, "first-admin");
                signIn(browser, wait, "first-admin");
                browser.get(portal + "user?name=" + dave);
                new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("role-form:role"))))
                        .selectByValue("moderator");
                browser.findElement(By.id("role-form:submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("profile-role"), "moderator"));

                signIn(browser, wait, dave);
                browser.findElement(By.id("nav-moderation")).click();
                WebElement entry = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("tr.queue-entry[data-target='comment:" + commentId + "']")));
                assertTrue(entry.getText().contains("Spam or advertising"), entry.getText());
                chromium.screenshot("community-2-moderation-queue");

                entry.findElement(By.cssSelector("a.review-link")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:delete"))).click();
                assertEquals("Tick the box to confirm the deletion.",
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:confirm-error"))).getText());
                browser.findElement(By.cssSelector("label[for='review:confirm']")).click();
                browser.findElement(By.id("review:delete")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("moderation-messages"),
                        "Deleted comment " + commentId + "."));

                browser.get(portal + "torrent?id=" + torrent);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-comments")));
                assertFalse(browser.getPageSource().contains("third</b> track"), "the comment is gone");

                browser.get(portal + "user?name=" + carol);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploads")));
                chromium.screenshot("community-3-profile");

                chromium.colourScheme("dark");
                browser.navigate().refresh();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploads")));
                chromium.screenshot("community-4-profile-dark");
                browser.get(portal + "moderation");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recent-actions")));
                chromium.screenshot("community-5-moderation-dark");
                browser.get(portal + "torrent?id=" + torrent);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form:body")));
                chromium.screenshot("community-6-torrent-dark");
            } finally {
                uploads.delete(torrent);
            }
        }
    }

    private void register(ChromeDriver browser, WebDriverWait wait, String name) {
        browser.get(portal + "register");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register:username"))).sendKeys(name);
        browser.findElement(By.id("register:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("register:confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.id("register:submit")).click();
        // the admin may have registered in an earlier run: then the name is taken, which is fine here
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/login"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("register:username-error"), "taken")));
    }

    /** Signs out whoever is signed in (a new browser session), then in as {@code name}. */
    private void signIn(ChromeDriver browser, WebDriverWait wait, String name) {
        browser.manage().deleteAllCookies();
        browser.get(portal + "login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/account"));
    }
}
