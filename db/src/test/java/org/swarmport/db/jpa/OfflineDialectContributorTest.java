package org.swarmport.db.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OfflineDialectContributorTest {

    @Test
    void embeddedDefaultSpeaksH2() {
        assertEquals("org.hibernate.dialect.H2Dialect", OfflineDialectContributor.OfflineDialectFactory.dialectFor(null));
        assertEquals("org.hibernate.dialect.H2Dialect",
                OfflineDialectContributor.OfflineDialectFactory.dialectFor("jdbc:h2:file:/x"));
    }

    @Test
    void postgresqlUrlSpeaksPostgresql() {
        assertEquals("org.hibernate.dialect.PostgreSQLDialect",
                OfflineDialectContributor.OfflineDialectFactory.dialectFor("jdbc:postgresql://db/swarmport"));
    }
}
