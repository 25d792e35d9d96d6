package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.swarmport.portal.account.Chromium;

/**
 * Search, open a result, see its file tree and magnet link, in Debian's chromium (headless),
 * with the tracker behind the portal. Screenshots of home, search and detail (light and dark)
 * go to {@code target/screenshots/}. Skipped when chromium or chromedriver is missing, except
 * under {@code CI=true}, where that fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowseBrowserIT extends PortalWithTracker {

    @Test
    void searchOpenAResultAndSeeItsFilesAndMagnetLink() throws Exception {
        Chromium.requireInstalled();
        BrowseTorrents torrents = new BrowseTorrents();
        TrackerUploads uploads = new TrackerUploads(tracker);
        torrents.publish(uploads);
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.browser;
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

            browser.get(portal.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newest")));
            chromium.screenshot("browse-1-home");

            WebElement box = browser.findElement(By.id("q"));
            assertEquals("Search torrents", browser.findElement(By.cssSelector("label[for='q']")).getText());
            box.sendKeys(torrents.word + " feature");
            box.submit();
            wait.until(ExpectedConditions.textToBe(By.id("result-total"), "1 torrent found."));
            assertTrue(browser.getCurrentUrl().contains("/search?q=" + torrents.word + "+feature"), browser.getCurrentUrl());
            chromium.screenshot("browse-2-search");

            browser.findElement(By.linkText(torrents.feature.name())).click();
            WebElement tree = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-tree")));
            List<String> rows = tree.findElements(By.cssSelector("tbody .entry-name")).stream()
                    .map(WebElement::getText).toList();
            // the torrent's own folder first, as BitTorrent clients show it
            assertEquals(List.of(torrents.feature.name() + "/", "video/", "extras/", "trailer.mkv", "part 1.mkv",
                    "readme.txt"), rows);
            String magnet = browser.findElement(By.id("magnet-link")).getAttribute("href");
            String v1 = torrents.feature.infoHashV1().orElseThrow().hex().toLowerCase(Locale.ROOT);
            assertTrue(magnet.toLowerCase(Locale.ROOT).startsWith("magnet:?xt=urn:btih:" + v1), magnet);
            assertEquals(torrents.feature.name(), browser.findElement(By.id("torrent-name")).getText());
            chromium.screenshot("browse-3-detail");

            chromium.colorScheme("dark");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-tree")));
            chromium.screenshot("browse-4-detail-dark");
        } finally {
            torrents.remove(uploads);
        }
    }
}
