package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/portal.war"));
    }

    @ArquillianResource
    URL base;

    private Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        Chromium.requireInstalled();
        chromium = Chromium.start();
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
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
        chromium.colorScheme("dark");
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
