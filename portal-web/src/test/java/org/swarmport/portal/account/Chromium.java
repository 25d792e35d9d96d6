package org.swarmport.portal.account;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, through chromedriver, for the browser tests (here and in
 * {@code platform/}): each run with its own profile directory, screenshots in
 * {@code target/screenshots/}. Missing tools skip the test, except under {@code CI=true}, where
 * they fail it.
 */
public final class Chromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver browser;
    private final Path profile;

    private Chromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it in CI) when chromium or chromedriver is missing. */
    public static void requireInstalled() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("chromium or chromedriver not installed");
        }
    }

    public static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("swarmport-chromium-");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without these the sandbox-less, network-less machine stalls Chromium.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    public void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** From now on pages see {@code prefers-color-scheme: dark} (or light again). */
    public void colorScheme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Override
    public void close() throws Exception {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
