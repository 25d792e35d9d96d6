package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.portal.account.PortalVisitor;
import org.swarmport.testsupport.HeadlessChromium;

/**
 * Upload through the real file input in Debian's chromium (headless): sign in, send the form
 * wrong first (every problem beside its field, screenshot), then right, and land on the torrent
 * page (screenshot, light and dark). Skipped when chromium or chromedriver is missing, except
 * under {@code CI=true}, where that fails.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadBrowserIT extends PortalWithTracker {

    @Test
    void uploadATorrentThroughTheFileInput() throws Exception {
        UploadedTorrents uploaded = new UploadedTorrents();
        String word = UploadedTorrents.word();
        Metainfo torrent = UploadedTorrents.hybrid(word + ".Browser.Upload");
        Path file = Files.createTempFile("swarmport-upload-", ".torrent");
        Files.write(file, torrent.rawBytes());
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = chromium.await();
            String name = UploadedTorrents.username("browser");

            openTheUploadFormAsANewUser(chromium, name);
            assertEquals(".torrent file", browser.findElement(By.cssSelector("label[for='upload:torrent']")).getText());

            // First without a file or category, with a tag that is none: each problem beside its field.
            type(wait, "upload:title", "A Title From The Browser " + word);
            type(wait, "upload:tags", "not a tag");
            type(wait, "upload:description", "Typed in a real browser.\nSecond line.");
            browser.findElement(By.id("upload:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload:torrent-error")));
            assertEquals("Choose the .torrent file to upload.", browser.findElement(By.id("upload:torrent-error")).getText());
            assertEquals("Choose a category.", browser.findElement(By.id("upload:category-error")).getText());
            assertTrue(browser.findElement(By.id("upload:tags-error")).getText().contains("is not a tag"));
            assertEquals("A Title From The Browser " + word, browser.findElement(By.id("upload:title")).getAttribute("value"));
            chromium.screenshot("upload-1-form-errors");

            browser.findElement(By.id("upload:torrent")).sendKeys(file.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("upload:category"))).selectByVisibleText("PC");
            type(wait, "upload:tags", "linux, iso");
            browser.findElement(By.id("upload:submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("published")));

            assertEquals("A Title From The Browser " + word, browser.findElement(By.id("torrent-name")).getText());
            assertEquals(name, browser.findElement(By.id("torrent-uploader")).getText());
            assertTrue(browser.findElement(By.id("edit-link")).isDisplayed());
            uploaded.idOf(java.net.URI.create(browser.getCurrentUrl()));
            chromium.screenshot("upload-2-published");
            chromium.colourScheme("dark");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("torrent-name")));
            chromium.screenshot("upload-3-published-dark");
        } finally {
            uploaded.remove(new TrackerUploads(tracker));
            Files.deleteIfExists(file);
        }
    }

    /**
     * The content chosen instead of its .torrent (here 300 MiB, past the server's 64 MiB
     * max-post-size too) is answered 413 before the portal reads it; the browser, still sending,
     * must get that page and not a reset connection.
     */
    @Test
    void aFileTooLargeForAnyFormGetsThePageThatSaysSo() throws Exception {
        Path file = Files.createTempFile("swarmport-upload-", ".torrent");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(300L << 20);
        }
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            openTheUploadFormAsANewUser(chromium, UploadedTorrents.username("huge"));
            type(chromium.await(), "upload:title", "Far Too Large");
            browser.findElement(By.id("upload:torrent")).sendKeys(file.toAbsolutePath().toString());
            new Select(browser.findElement(By.id("upload:category"))).selectByVisibleText("PC");
            browser.findElement(By.id("upload:submit")).click();
            chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("too-large")));
            chromium.screenshot("upload-4-too-large");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void openTheUploadFormAsANewUser(HeadlessChromium chromium, String name) {
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = chromium.await();
        browser.get(portal + "register");
        type(wait, "register:username", name);
        type(wait, "register:password", PortalVisitor.PASSWORD);
        type(wait, "register:confirmation", PortalVisitor.PASSWORD);
        browser.findElement(By.id("register:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));

        browser.get(portal + "upload");
        wait.until(ExpectedConditions.urlContains("/login"));
        type(wait, "login:username", name);
        type(wait, "login:password", PortalVisitor.PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload:torrent")));
    }

    private static void type(WebDriverWait wait, String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }
}
