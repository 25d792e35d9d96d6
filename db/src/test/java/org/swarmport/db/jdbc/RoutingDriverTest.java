package org.swarmport.db.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RoutingDriverTest {

    private final RoutingDriver driver = new RoutingDriver();

    @Test
    void h2UrlReachesH2() throws SQLException {
        try (Connection connection = driver.connect("jdbc:h2:mem:routing", new Properties())) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void acceptsOnlyH2AndPostgresql() {
        assertTrue(driver.acceptsURL("jdbc:h2:mem:x"));
        assertTrue(driver.acceptsURL("jdbc:postgresql://localhost/x"));
        assertFalse(driver.acceptsURL("jdbc:mysql://localhost/x"));
        assertFalse(driver.acceptsURL(null));
    }

    @Test
    void otherDatabaseIsRefusedNamingTheVariableButNotTheSecret() {
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:mysql://db/x?password=secret", new Properties()));

        assertEquals("SWARMPORT_DB_URL must start with jdbc:postgresql: or jdbc:h2:, got jdbc:mysql:", e.getMessage());
    }

    @Test
    void unreachablePostgresqlFailsInsteadOfHanging() {
        // Port 1 on loopback refuses at once; the point is a clean SQLException, not a hang.
        assertThrows(SQLException.class,
                () -> driver.connect("jdbc:postgresql://127.0.0.1:1/swarmport", new Properties()));
    }
}
