package org.swarmport.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations against a real database: H2 in the PostgreSQL mode the server uses, or
 * PostgreSQL itself when SWARMPORT_DB_URL points at one (CI runs both).
 */
class SchemaMigrationTest {

    /** Just enough of a DataSource for Flyway, over DriverManager. */
    private record UrlDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static DataSource database() {
        String url = System.getenv("SWARMPORT_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new UrlDataSource(url, System.getenv("SWARMPORT_DB_USER"), System.getenv("SWARMPORT_DB_PASSWORD"));
        }
        return new UrlDataSource("jdbc:h2:mem:migration-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void bothSchemasMigrateAndASecondRunChangesNothing() throws Exception {
        DataSource database = database();

        for (String schema : new String[] {"tracker", "portal"}) {
            String version = new SchemaMigration(schema).migrate(database);
            assertTrue(version.matches("\\d+"), version);
            assertEquals(version, new SchemaMigration(schema).migrate(database));
        }
        try (Connection c = database.getConnection();
             ResultSet tables = c.getMetaData().getTables(null, "tracker", "torrent", null)) {
            assertTrue(tables.next(), "tracker.torrent exists");
        }
    }

    @Test
    void unreachableDatabaseIsReportedAsUnavailableNotAsAFailedMigration() {
        DataSource nowhere = new UrlDataSource("jdbc:postgresql://127.0.0.1:1/swarmport", "x", "y");

        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> new SchemaMigration("tracker").migrate(nowhere));
        assertEquals("Connection refused", e.getMessage());
    }

    @Test
    void torrentNeedsAtLeastOneInfoHash() throws Exception {
        DataSource database = database();
        new SchemaMigration("tracker").migrate(database);

        try (Connection c = database.getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "insert into tracker.torrent (name, total_size, added_at) values ('x', 1, current_timestamp)"));
        }
    }
}
