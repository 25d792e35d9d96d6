package org.swarmport.db.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The one JDBC driver the server's datasource is bound to. It hands a connection request to
 * H2 or PostgreSQL according to the URL, so that a single datasource follows
 * {@code SWARMPORT_DB_URL} at run time: WildFly resolves the URL expression when the pool
 * opens a connection, but binds the driver when the datasource is configured.
 */
public final class RoutingDriver implements Driver {

    static final String H2_PREFIX = "jdbc:h2:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** PostgreSQL's own default is 10 s; an unreachable host should fail health checks sooner. */
    static final String POSTGRESQL_CONNECT_TIMEOUT_SECONDS = "5";

    private final Driver h2 = new org.h2.Driver();
    private final Driver postgresql = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null) {
            return null;
        }
        if (url.startsWith(POSTGRESQL_PREFIX)) {
            Properties withTimeout = new Properties();
            withTimeout.putAll(info == null ? new Properties() : info);
            if (!url.contains("connectTimeout=")) {
                withTimeout.putIfAbsent("connectTimeout", POSTGRESQL_CONNECT_TIMEOUT_SECONDS);
            }
            return postgresql.connect(url, withTimeout);
        }
        if (url.startsWith(H2_PREFIX)) {
            return h2.connect(url, info);
        }
        throw new SQLException("SWARMPORT_DB_URL must start with " + POSTGRESQL_PREFIX + " or "
                + H2_PREFIX + ", got " + DatabaseUrls.scheme(url));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && (url.startsWith(H2_PREFIX) || url.startsWith(POSTGRESQL_PREFIX));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return delegate(url).getPropertyInfo(url, info);
    }

    private Driver delegate(String url) throws SQLException {
        if (url != null && url.startsWith(POSTGRESQL_PREFIX)) {
            return postgresql;
        }
        if (url != null && url.startsWith(H2_PREFIX)) {
            return h2;
        }
        throw new SQLException("unsupported database URL " + DatabaseUrls.scheme(url));
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("RoutingDriver logs through its delegates");
    }
}
