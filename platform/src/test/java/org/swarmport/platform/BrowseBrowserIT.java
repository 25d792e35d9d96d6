package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search, open a result, see its file tree and magnet link, in Debian's chromium (headless),
 * with the tracker behind the portal. Screenshots of home, search and detail (light and dark)
 * go to {@code target/screenshots/}. Skipped when chromium or chromedriver is missing, except
 * under {@code CI=true}, where that fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowseBrowserIT extends PortalWithTracker {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void searchOpenAResultAndSeeItsFilesAndMagnetLink() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("chromium or chromedriver not installed");
        }
        BrowseTorrents torrents = new BrowseTorrents();
        TrackerUploads uploads = new TrackerUploads(tracker);
        torrents.publish(uploads);
        Path profile = Files.createTempDirectory("swarmport-chromium-");
        ChromeDriver browser = null;
        try {
            browser = chromium(profile);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Files.createDirectories(SCREENSHOTS);

            browser.get(portal.toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newest")));
            screenshot(browser, "browse-1-home");

            WebElement box = browser.findElement(By.id("q"));
            assertEquals("Search torrents", browser.findElement(By.cssSelector("label[for='q']")).getText());
            box.sendKeys(torrents.word + " feature");
            box.submit();
            wait.until(ExpectedConditions.textToBe(By.id("result-total"), "1 torrent found."));
            assertTrue(browser.getCurrentUrl().contains("/search?q=" + torrents.word + "+feature"), browser.getCurrentUrl());
            screenshot(browser, "browse-2-search");

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
            screenshot(browser, "browse-3-detail");

            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-tree")));
            screenshot(browser, "browse-4-detail-dark");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            torrents.remove(uploads);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without these the sandbox-less, network-less machine stalls Chromium.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
