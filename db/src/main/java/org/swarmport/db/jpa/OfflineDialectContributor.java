package org.swarmport.db.jpa;

import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.internal.DialectFactoryImpl;
import org.hibernate.engine.jdbc.dialect.spi.DialectFactory;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfoSource;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.swarmport.db.Settings;

/**
 * Lets a persistence unit start while the database does not answer.
 *
 * <p>Hibernate asks the database which dialect to speak when the persistence unit starts;
 * without an answer it refuses to start, and WildFly then fails the whole war, so its health
 * check could not even say that the database is down. When (and only when) there is no
 * answer, this picks the dialect from {@code SWARMPORT_DB_URL}, the same setting the
 * datasource uses. With a database that answers, Hibernate's own detection is unchanged.
 * Found by Hibernate through {@code META-INF/services}.
 */
public final class OfflineDialectContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        // Added after Hibernate's standard initiators, so this one is the DialectFactory used.
        registry.addInitiator(new StandardServiceInitiator<DialectFactory>() {
            @Override
            public Class<DialectFactory> getServiceInitiated() {
                return DialectFactory.class;
            }

            @Override
            public DialectFactory initiateService(Map<String, Object> settings, ServiceRegistryImplementor services) {
                return new OfflineDialectFactory(new DialectFactoryImpl(),
                        Settings.fromSystem().raw("SWARMPORT_DB_URL"));
            }
        });
    }

    /** Hibernate's own factory, with a fallback for when the database cannot be asked. */
    static final class OfflineDialectFactory implements DialectFactory, ServiceRegistryAwareService {

        private final DialectFactoryImpl hibernate;
        private final String databaseUrl;

        OfflineDialectFactory(DialectFactoryImpl hibernate, String databaseUrl) {
            this.hibernate = hibernate;
            this.databaseUrl = databaseUrl;
        }

        @Override
        public void injectServices(ServiceRegistryImplementor services) {
            hibernate.injectServices(services);
        }

        @Override
        public Dialect buildDialect(Map<String, Object> settings, DialectResolutionInfoSource resolutionInfo) {
            if (resolutionInfo != null || settings.get(AvailableSettings.DIALECT) != null) {
                return hibernate.buildDialect(settings, resolutionInfo);
            }
            Map<String, Object> withDialect = new HashMap<>(settings);
            withDialect.put(AvailableSettings.DIALECT, dialectFor(databaseUrl));
            return hibernate.buildDialect(withDialect, null);
        }

        /** The embedded default is H2; anything else the datasource accepts is PostgreSQL. */
        static String dialectFor(String databaseUrl) {
            return databaseUrl == null || databaseUrl.startsWith("jdbc:h2:")
                    ? "org.hibernate.dialect.H2Dialect"
                    : "org.hibernate.dialect.PostgreSQLDialect";
        }
    }
}
