package org.swarmport.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    enum Mode { OPEN, REGISTERED }

    private static Settings settings(Map<String, String> properties, Map<String, String> environment) {
        return new Settings(properties::get, environment::get);
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        Settings settings = settings(Map.of("swarmport.tracker.mode", "open"),
                Map.of("SWARMPORT_TRACKER_MODE", "registered"));

        assertEquals(Mode.OPEN, settings.choice("SWARMPORT_TRACKER_MODE", Mode.class, Mode.REGISTERED));
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings settings = settings(Map.of("swarmport.udp.port", " "), Map.of("SWARMPORT_UDP_PORT", ""));

        assertNull(settings.raw("SWARMPORT_UDP_PORT"));
        assertEquals(6969, settings.integer("SWARMPORT_UDP_PORT", 6969, 1, 65535));
    }

    @Test
    void numberOutOfRangeNamesTheVariableAndTheRange() {
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_UDP_PORT", "70000"));

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings.integer("SWARMPORT_UDP_PORT", 6969, 1, 65535));
        assertEquals("SWARMPORT_UDP_PORT must be a whole number from 1 to 65535, got '70000'", e.getMessage());
        assertEquals("SWARMPORT_UDP_PORT", e.variable());
    }

    @Test
    void notANumberIsRejectedLikeOutOfRange() {
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_UDP_PORT", "69x"));

        assertThrows(InvalidSettingException.class, () -> settings.integer("SWARMPORT_UDP_PORT", 6969, 1, 65535));
    }

    @Test
    void unknownChoiceListsTheAcceptedValues() {
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_TRACKER_MODE", "public"));

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings.choice("SWARMPORT_TRACKER_MODE", Mode.class, Mode.REGISTERED));
        assertEquals("SWARMPORT_TRACKER_MODE must be one of open, registered, got 'public'", e.getMessage());
    }

    @Test
    void choiceIgnoresCase() {
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_TRACKER_MODE", "Open"));

        assertEquals(Mode.OPEN, settings.choice("SWARMPORT_TRACKER_MODE", Mode.class, Mode.REGISTERED));
    }

    @Test
    void longBadValueIsCutInTheMessage() {
        String pasted = "x".repeat(500);
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_TRACKER_URL", pasted));

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings.httpUrl("SWARMPORT_TRACKER_URL", "http://localhost"));
        assertEquals("SWARMPORT_TRACKER_URL must be an http:// or https:// URL, got '" + "x".repeat(40) + "…'",
                e.getMessage());
    }

    @Test
    void flagsAcceptTheUsualSpellings() {
        Settings settings = settings(Map.of(), Map.of("A", "on", "B", "No", "C", "1"));

        assertEquals(true, settings.flag("A", false));
        assertEquals(false, settings.flag("B", true));
        assertEquals(true, settings.flag("C", false));
        assertEquals(true, settings.flag("UNSET", true));
    }

    @Test
    void flagThatIsNeitherNamesTheVariable() {
        Settings settings = settings(Map.of(), Map.of("SWARMPORT_FULL_SCRAPE", "sometimes"));

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings.flag("SWARMPORT_FULL_SCRAPE", false));
        assertEquals("SWARMPORT_FULL_SCRAPE must be true or false, got 'sometimes'", e.getMessage());
    }
}
