package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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
 * The account pages in a real browser: Debian's chromium, headless, driven by its chromedriver.
 * Skipped when they are not installed, except under {@code CI=true}, where that fails.
 * Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("chromium or chromedriver not installed");
        }
        profile = Files.createTempDirectory("swarmport-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without these the sandbox-less, network-less machine stalls Chromium.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement shown(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement field = shown(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Label and field belong together: a screen reader says the label when the field has focus. */
    private void assertLabelled(String fieldId, String label) {
        assertEquals(label, browser.findElement(By.cssSelector("label[for='" + fieldId + "']")).getText());
    }

    @Test
    void registerSignInSeeTheAccountPageAndSignOut() throws Exception {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long browser password";

        browser.get(base + "register");
        assertLabelled("register:username", "Username");
        assertLabelled("register:password", "Password");
        type("register:username", name);
        type("register:password", "too short");
        type("register:confirmation", "too short");
        shown("register:submit").click();
        wait.until(ExpectedConditions.textToBe(By.id("register:password-error"), "A password has at least 10 characters."));
        screenshot("1-register-error");

        type("register:password", password);
        type("register:confirmation", password);
        shown("register:submit").click();
        shown("registered");
        assertTrue(browser.getCurrentUrl().endsWith("/login?registered=true"), browser.getCurrentUrl());
        screenshot("2-login");

        type("login:username", name);
        type("login:password", password);
        shown("login:submit").click();
        assertEquals(name, shown("account-username").getText());
        assertEquals("user", shown("account-role").getText());
        assertTrue(browser.getCurrentUrl().endsWith("/account"), browser.getCurrentUrl());
        screenshot("3-account");
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.navigate().refresh();
        shown("account-username");
        screenshot("4-account-dark");

        shown("nav-logout").click();
        shown("logout:submit").click();
        shown("nav-login");
        screenshot("5-signed-out");
        browser.get(base + "account");
        shown("login:username");
    }
}
