package org.swarmport.portal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.swarmport.db.InvalidSettingException;
import org.swarmport.db.Settings;
import org.swarmport.portal.account.AccountRules;

/**
 * The portal's settings, read once when the war starts; a value that cannot be used stops
 * the deployment with a message naming the variable. The README's configuration table lists
 * them all.
 */
@ApplicationScoped
public class PortalConfig {

    static final String TRACKER_URL = "SWARMPORT_TRACKER_URL";
    static final String ADMIN_USERNAME = "SWARMPORT_ADMIN_USERNAME";

    private final URI trackerUrl;
    private final Optional<String> adminUsername;

    public PortalConfig() {
        this(Settings.fromSystem());
    }

    PortalConfig(Settings settings) {
        trackerUrl = settings.httpUrl(TRACKER_URL, "http://localhost:8080/tracker");
        adminUsername = Optional.ofNullable(settings.raw(ADMIN_USERNAME));
        adminUsername.flatMap(AccountRules::usernameProblem).ifPresent(problem -> {
            throw new InvalidSettingException(ADMIN_USERNAME, "must be a username that can register: " + problem);
        });
    }

    /** Creating the bean when the war starts, not at the first request, is the point. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object warStarted) {
        // the constructor has read and checked every setting
    }

    /** The tracker's base URL, without a trailing slash, e.g. {@code http://localhost:8080/tracker}. */
    public URI trackerUrl() {
        return trackerUrl;
    }

    /**
     * The username that is given role admin when it registers or signs in: how a new portal gets
     * its first admin. Empty when not set.
     */
    public Optional<String> adminUsername() {
        return adminUsername;
    }
}
