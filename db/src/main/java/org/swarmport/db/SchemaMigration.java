package org.swarmport.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies one schema's migrations, found under {@code db/migration/<schema>} on the
 * classpath. Each war owns one schema and migrates only that one, with its own history
 * table inside it, so the two wars can be deployed and upgraded independently.
 */
public final class SchemaMigration {

    private final String schema;

    public SchemaMigration(String schema) {
        this.schema = schema;
    }

    /**
     * Brings the schema up to date and answers its version.
     *
     * @throws DatabaseUnavailableException when no connection can be had: worth retrying
     * @throws SchemaMigrationException when a migration fails: needs a person
     */
    public String migrate(DataSource dataSource) throws DatabaseUnavailableException {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(DatabaseProbe.rootMessage(e), e);
        }
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .cleanDisabled(true)
                .load();
        try {
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "empty" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new SchemaMigrationException("migrating schema " + schema + " failed: "
                    + DatabaseProbe.rootMessage(e), e);
        }
    }
}
