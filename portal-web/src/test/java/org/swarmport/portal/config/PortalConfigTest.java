package org.swarmport.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;

class PortalConfigTest {

    private static PortalConfig withEnvironment(Map<String, String> environment) {
        return new PortalConfig(new Settings(name -> null, environment::get));
    }

    @Test
    void trackerUrlDefaultsToTheTrackerOnTheSameServer() {
        assertEquals("http://localhost:8080/tracker", withEnvironment(Map.of()).trackerUrl().toString());
    }

    @Test
    void trailingSlashOfTheTrackerUrlIsDropped() {
        assertEquals("https://tracker.example:8443/tracker",
                withEnvironment(Map.of("SWARMPORT_TRACKER_URL", "https://tracker.example:8443/tracker/"))
                        .trackerUrl().toString());
    }

    @Test
    void unusableTrackerUrlNamesTheVariable() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withEnvironment(Map.of("SWARMPORT_TRACKER_URL", "ftp://nope")));

        assertEquals("SWARMPORT_TRACKER_URL must be an http:// or https:// URL, got 'ftp://nope'", e.getMessage());
    }

    @Test
    void noAdminUsernameByDefault() {
        assertEquals(java.util.Optional.empty(), withEnvironment(Map.of()).adminUsername());
    }

    @Test
    void adminUsernameIsReadFromTheEnvironment() {
        assertEquals(java.util.Optional.of("root-admin"),
                withEnvironment(Map.of("SWARMPORT_ADMIN_USERNAME", "root-admin")).adminUsername());
    }

    @Test
    void anAdminUsernameThatCouldNeverRegisterNamesTheVariable() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withEnvironment(Map.of("SWARMPORT_ADMIN_USERNAME", "no spaces allowed")));

        assertEquals("SWARMPORT_ADMIN_USERNAME must be a username that can register: "
                + "A username has only letters A–Z, digits, and . _ -", e.getMessage());
    }

    @Test
    void anySignedInAccountMayUploadByDefaultAndUploaderRestrictsIt() {
        assertEquals(org.swarmport.portal.account.Role.USER, withEnvironment(Map.of()).uploadRole());
        assertEquals(org.swarmport.portal.account.Role.UPLOADER,
                withEnvironment(Map.of("SWARMPORT_UPLOAD_ROLE", "Uploader")).uploadRole());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withEnvironment(Map.of("SWARMPORT_UPLOAD_ROLE", "admin")));
        assertEquals("SWARMPORT_UPLOAD_ROLE must be user or uploader, got 'admin'", e.getMessage());
    }

    @Test
    void trustedProxiesAreNoneByDefaultAndABadEntryNamesTheVariable() {
        assertEquals(true, withEnvironment(Map.of()).trustedProxies().isEmpty());
        assertEquals(false, withEnvironment(Map.of("SWARMPORT_TRUSTED_PROXIES", "10.0.0.0/8")).trustedProxies().isEmpty());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withEnvironment(Map.of("SWARMPORT_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example")));

        assertEquals(true, e.getMessage().startsWith("SWARMPORT_TRUSTED_PROXIES"), e.getMessage());
        assertEquals(true, e.getMessage().contains("proxy.example"), e.getMessage());
    }

    @Test
    void theGoneTorrentSweepRunsHourlyByDefaultCanBeTurnedOffAndRefusesNegativeSeconds() {
        assertEquals(java.time.Duration.ofHours(1), withEnvironment(Map.of()).goneTorrentSweep());
        assertEquals(java.time.Duration.ZERO,
                withEnvironment(Map.of("SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL", "0")).goneTorrentSweep());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> withEnvironment(Map.of("SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL", "-5")));
        assertEquals(true, e.getMessage().startsWith("SWARMPORT_GONE_TORRENT_SWEEP_INTERVAL"), e.getMessage());
    }

    @Test
    void theUploadRolesSystemPropertyIsReadAtEveryCallAndAnUnusableValueKeepsTheStartOne() {
        PortalConfig config = withEnvironment(Map.of("SWARMPORT_UPLOAD_ROLE", "uploader"));
        try {
            System.setProperty("swarmport.upload.role", "user");
            assertEquals(org.swarmport.portal.account.Role.USER, config.uploadRole());
            System.setProperty("swarmport.upload.role", "admin");
            assertEquals(org.swarmport.portal.account.Role.UPLOADER, config.uploadRole(), "not a choice: the start value");
        } finally {
            System.clearProperty("swarmport.upload.role");
        }
        assertEquals(org.swarmport.portal.account.Role.UPLOADER, config.uploadRole());
    }
}
