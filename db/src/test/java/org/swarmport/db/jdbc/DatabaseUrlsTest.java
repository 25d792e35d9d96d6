package org.swarmport.db.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void queryStringWithPasswordIsNeverShown() {
        assertEquals("jdbc:postgresql://db:5432/swarmport",
                DatabaseUrls.redacted("jdbc:postgresql://db:5432/swarmport?user=sp&password=secret"));
    }

    @Test
    void h2SettingsAreNotShown() {
        assertEquals("jdbc:h2:file:/data/db", DatabaseUrls.redacted("jdbc:h2:file:/data/db;PASSWORD=x;MODE=PostgreSQL"));
    }

    @Test
    void userInfoBeforeTheHostIsNotShown() {
        assertEquals("jdbc:postgresql://…@db/swarmport", DatabaseUrls.redacted("jdbc:postgresql://sp:secret@db/swarmport"));
    }

    @Test
    void schemeOfAnUnsupportedUrl() {
        assertEquals("jdbc:mysql:", DatabaseUrls.scheme("jdbc:mysql://db/x?password=secret"));
        assertEquals("an URL without a jdbc:<database>: scheme", DatabaseUrls.scheme("secret"));
    }
}
