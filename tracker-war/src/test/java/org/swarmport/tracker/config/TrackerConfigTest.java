package org.swarmport.tracker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;

class TrackerConfigTest {

    private static TrackerConfig config(Map<String, String> environment) {
        return new TrackerConfig(new Settings(name -> null, environment::get));
    }

    @Test
    void defaultsAreAClosedTrackerWithHalfHourIntervals() {
        TrackerConfig config = config(Map.of());

        assertEquals(TrackerMode.REGISTERED, config.mode());
        assertEquals(1800, config.announceIntervalSeconds());
        assertEquals(900, config.minAnnounceIntervalSeconds());
        assertEquals(50, config.peerTimeoutMinutes());
        assertFalse(config.fullScrape());
        assertTrue(config.trustedProxies().isEmpty());
        assertEquals(30, config.countsFlushSeconds());
        assertEquals(6969, config.httpPort());
        assertEquals(6969, config.udpPort());
        assertTrue(config.httpThreads() >= 1 && config.httpThreads() <= 8, "one loop per core, at most 8");
    }

    @Test
    void listenersBindWhereConfiguredAndPortZeroTurnsThemOff() {
        TrackerConfig config = config(Map.of("SWARMPORT_TRACKER_ADDRESS", "::",
                "SWARMPORT_TRACKER_HTTP_PORT", "0", "SWARMPORT_UDP_PORT", "16969", "SWARMPORT_TRACKER_HTTP_THREADS", "3"));
        assertEquals(3, config.httpThreads());

        assertTrue(config.listenAddress().isAnyLocalAddress());
        assertEquals(0, config.httpPort());
        assertEquals(16969, config.udpPort());
    }

    @Test
    void aHostNameIsNoListenAddress() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_TRACKER_ADDRESS", "tracker.example")));

        assertTrue(e.getMessage().startsWith("SWARMPORT_TRACKER_ADDRESS must be an IP address"), e.getMessage());
    }

    @Test
    void aPortOutOfRangeNamesTheVariable() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_UDP_PORT", "70000")));

        assertTrue(e.getMessage().startsWith("SWARMPORT_UDP_PORT"), e.getMessage());
    }

    @Test
    void unknownModeStopsTheDeploymentNamingTheVariable() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_TRACKER_MODE", "public")));

        assertEquals("SWARMPORT_TRACKER_MODE must be one of open, registered, got 'public'", e.getMessage());
    }

    @Test
    void unusableTrustedProxiesNameTheVariableOnce() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_TRUSTED_PROXIES", "10.0.0.1, proxy.example")));

        assertTrue(e.getMessage().startsWith("SWARMPORT_TRUSTED_PROXIES must list IP addresses or CIDR ranges; "),
                e.getMessage());
        assertEquals(e.getMessage().indexOf("SWARMPORT_TRUSTED_PROXIES"), e.getMessage().lastIndexOf("SWARMPORT_TRUSTED_PROXIES"),
                e.getMessage());
    }

    @Test
    void announceUrlDefaultsToTheOwnPortAndMustBeHttp() {
        assertEquals("http://localhost:6969/announce", config(Map.of()).announceUrl().toString());
        assertEquals("http://localhost:7000/announce",
                config(Map.of("SWARMPORT_TRACKER_HTTP_PORT", "7000")).announceUrl().toString());
        assertEquals("https://t.example/announce",
                config(Map.of("SWARMPORT_ANNOUNCE_URL", "https://t.example/announce")).announceUrl().toString());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_ANNOUNCE_URL", "udp://t.example:6969")));
        assertTrue(e.getMessage().startsWith("SWARMPORT_ANNOUNCE_URL must be an http:// or https:// URL"), e.getMessage());
    }

    @Test
    void aServiceTokenTooShortIsRefusedWithoutQuotingIt() {
        assertEquals(null, config(Map.of()).serviceToken());
        assertEquals("s3cret-s3cret-s3cret", config(Map.of("SWARMPORT_SERVICE_TOKEN", "s3cret-s3cret-s3cret")).serviceToken());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> config(Map.of("SWARMPORT_SERVICE_TOKEN", "hunter2")));
        assertTrue(e.getMessage().startsWith("SWARMPORT_SERVICE_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
